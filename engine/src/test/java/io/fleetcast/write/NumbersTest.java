package io.fleetcast.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void exact_wholeAndLarge_noExponentNoDecimalPoint() {
        assertEquals("6000", Numbers.exact(6000.0));
        assertEquals("10000000000", Numbers.exact(1e10));
        assertEquals("100000000000000000000", Numbers.exact(1e20));
    }

    @Test
    void exact_fractions_shortestDigitsThatRoundTrip() {
        assertEquals("0.1", Numbers.exact(0.1));
        assertEquals("0.0000001", Numbers.exact(1e-7));
        // 1/3 needs 16 significant digits to come back as the same double
        assertEquals("0.3333333333333333", Numbers.exact(1.0 / 3));
        assertEquals(1.0 / 3, Double.parseDouble(Numbers.exact(1.0 / 3)));
    }

    @Test
    void exact_manyValues_parseBackToTheSameBits() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(v) || Math.abs(v) > 1e30 || (Math.abs(v) < 1e-30 && v != 0)) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(Numbers.exact(v))), "value " + v);
        }
    }

    @Test
    void plain_millionDoubles_sameTextAsBigDecimal() {
        // the fast path must write the very characters of the BigDecimal path it replaced (golden files, round
        // trips): random bit patterns, random magnitudes across the plain range, money-like decimals and whole
        // numbers past 1e15, positive and negative
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int i = 0; i < 1_000_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> Math.pow(10, r.nextDouble(-12, 21)) * (r.nextBoolean() ? 1 : -1);
                case 2 -> Math.round(r.nextDouble(-1e9, 1e9)) / 100.0;
                default -> Math.rint(r.nextDouble(1e15, 1e21));
            };
            double a = Math.abs(v);
            if (!Double.isFinite(v) || v == 0 || a >= 1e21 || a < 1e-12) {
                continue;
            }
            String s = Double.toString(v);
            assertEquals(new java.math.BigDecimal(s).stripTrailingZeros().toPlainString(), Numbers.plain(s), s);
        }
        // edges of Double.toString's two forms (plain from 1e-3 to 1e7, computerized otherwise)
        for (String s : new String[] {"0.001", "9999999.999999998", "1.0E7", "1.0E-4", "1.2345E10", "-1.5E-12", "123.0",
                "1.0E20", "9.999999999999999E20", "-0.0012", "1.0E15", "4.5035996273704955E15"}) {
            assertEquals(new java.math.BigDecimal(s).stripTrailingZeros().toPlainString(), Numbers.plain(s), s);
        }
    }

    @Test
    void scratchExact_millionDoubles_sameTextAsExact() {
        // the JSON writer's allocation-free path must write exact()'s very characters: random bit patterns (extremes
        // answer -1 and go through exact()), the plain range, money-like decimals, whole numbers, zeros
        java.util.SplittableRandom r = new java.util.SplittableRandom(12);
        Numbers.Scratch scratch = new Numbers.Scratch();
        for (int i = 0; i < 1_000_000; i++) {
            double v = switch (i % 5) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> Math.pow(10, r.nextDouble(-13, 22)) * (r.nextBoolean() ? 1 : -1);
                case 2 -> Math.round(r.nextDouble(-1e9, 1e9)) / 100.0;
                case 3 -> Math.rint(r.nextDouble(-1e16, 1e16));
                default -> r.nextBoolean() ? 0.0 : -0.0;
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            int n = scratch.exact(v);
            double a = Math.abs(v);
            if (a >= 1e21 || (a < 1e-12 && v != 0)) {
                assertEquals(-1, n, Double.toString(v));
            } else {
                assertEquals(Numbers.exact(v), new String(scratch.chars(), 0, n), Double.toString(v));
            }
        }
    }

    @Test
    void exact_negativeZero_keepsItsSign() {
        assertEquals("-0", Numbers.exact(-0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Double.parseDouble("-0")));
    }

    @Test
    void exact_nan_refused() {
        assertThrows(ArithmeticException.class, () -> Numbers.exact(Double.NaN));
    }

    @Test
    void quantileName_decimalProbabilities_noFloatingNoise() {
        assertEquals("p10", Numbers.quantileName(0.1));
        assertEquals("p5", Numbers.quantileName(0.05));
        assertEquals("p2.5", Numbers.quantileName(0.025));
        assertEquals("p50", Numbers.quantileName(0.5));
    }

    @Test
    void instant_utcDateTime_isoWithZ() {
        assertEquals("2026-07-01T00:00:00Z", Numbers.instant(LocalDateTime.of(2026, 7, 1, 0, 0)));
    }

    @Test
    void csv_fieldsWithCommaOrQuote_quoted() {
        assertEquals("plain", Numbers.csv("plain"));
        assertEquals("\"a,b\"", Numbers.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Numbers.csv("say \"hi\""));
    }
}
