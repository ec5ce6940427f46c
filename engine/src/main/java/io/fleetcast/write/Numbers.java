package io.fleetcast.write;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers and instants are written into result files: exactly, and the same way everywhere.
 *
 * <p>A double is written as the shortest decimal that reads back to the same double (the JDK's
 * {@link Double#toString(double)} has produced the shortest such digits since JDK 19), without an
 * exponent and without trailing zeros: {@code 6000}, {@code 0.1}, {@code 52596}, {@code 1234.5678}; only extreme
 * magnitudes (from 1e21, below 1e-12) keep an exponent: {@code 1E+30}.
 * Reading the text with {@link Double#parseDouble(String)} gives the original bits back, so files
 * can be compared exactly (golden tests) and the JSON cube round-trips to an equal {@code MetricCube}.
 */
public final class Numbers {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
    private static final DateTimeFormatter SPREADSHEET = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private Numbers() {
    }

    /**
     * The exact, plain text of a double.
     *
     * @param v a finite value
     * @return e.g. {@code 10000000000} for 1e10, {@code 0.0000001} for 1e-7, {@code -0} for negative zero
     * @throws ArithmeticException for NaN or infinity, which must never reach an output file
     */
    public static String exact(double v) {
        if (!Double.isFinite(v)) {
            throw new ArithmeticException("refusing to write " + v + " into a result file");
        }
        if (v == 0) {
            // BigDecimal has no negative zero; keep its sign so a read-back is bit-for-bit equal
            return (Double.doubleToRawLongBits(v) == 0) ? "0" : "-0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v); // the common case of whole numbers, without BigDecimal
        }
        double a = Math.abs(v);
        if (a >= 1e21 || a < 1e-12) {
            // extreme magnitudes keep their exponent (1E+30, 9.07E-313), still the shortest exact digits: a plain
            // 1e300 would be a 301-character field
            return new BigDecimal(Double.toString(v)).stripTrailingZeros().toString();
        }
        return plain(Double.toString(v));
    }

    /**
     * {@code new BigDecimal(shortest).stripTrailingZeros().toPlainString()} by moving the decimal point in the text
     * of {@link Double#toString(double)} ({@code 1234.5678}, {@code 1.2345E10}, {@code 1.0E-5}): the same characters
     * (NumbersTest compares the two on a million doubles) without a {@code BigDecimal} and its {@code BigInteger}
     * per number. Measured (JFR, {@code serve} answering the portfolio's results.json, JDK 25): the BigDecimal path
     * was the largest single cost of writing a results document, about half of its 7 ms.
     */
    static String plain(String shortest) {
        int len = shortest.length();
        if (shortest.indexOf('E') < 0 && shortest.charAt(len - 1) != '0') {
            // 1e-3 <= |v| < 1e7 and not whole: Double.toString already wrote the plain shortest digits
            return shortest;
        }
        char[] out = new char[PLAIN_MAX];
        return new String(out, 0, plainInto(shortest.toCharArray(), len, out));
    }

    /** Longest plain text {@link #plainInto} writes: sign, "0.", 11 zeros and 17 digits below 1e-12 is 31. */
    private static final int PLAIN_MAX = 48;

    /**
     * {@link #plain(String)} from and into char arrays: the text of {@link Double#toString(double)} or
     * {@link StringBuilder#append(double)} (same characters) in {@code in[0, len)}, the plain text into {@code out}
     * ({@link #PLAIN_MAX} long at least).
     *
     * @return the length written
     */
    static int plainInto(char[] in, int len, char[] out) {
        boolean negative = in[0] == '-';
        int e = -1;
        for (int i = len - 1; i > 0; i--) {
            if (in[i] == 'E') {
                e = i;
                break;
            }
        }
        int mantissaEnd = e < 0 ? len : e;
        int exponent = 0;
        if (e >= 0) {
            // Double.toString's exponent: E, an optional minus, one to three digits
            boolean down = in[e + 1] == '-';
            for (int i = down ? e + 2 : e + 1; i < len; i++) {
                exponent = exponent * 10 + (in[i] - '0');
            }
            if (down) {
                exponent = -exponent;
            }
        }
        // the significant digits without the point (moved to the front of in), and where the point goes among them
        int n = 0;
        int point = 0;
        for (int i = negative ? 1 : 0; i < mantissaEnd; i++) {
            char c = in[i];
            if (c == '.') {
                point = n;
            } else {
                in[n++] = c;
            }
        }
        point += exponent;
        int first = 0;
        while (first < n - 1 && in[first] == '0') {
            first++;
            point--;
        }
        while (n > first + 1 && in[n - 1] == '0') {
            n--;
        }
        int count = n - first;
        int at = 0;
        if (negative) {
            out[at++] = '-';
        }
        if (point <= 0) {
            out[at++] = '0';
            out[at++] = '.';
            for (int i = point; i < 0; i++) {
                out[at++] = '0';
            }
            System.arraycopy(in, first, out, at, count);
            return at + count;
        } else if (point >= count) {
            System.arraycopy(in, first, out, at, count);
            java.util.Arrays.fill(out, at + count, at + point, '0');
            return at + point;
        }
        System.arraycopy(in, first, out, at, point);
        out[at + point] = '.';
        System.arraycopy(in, first + point, out, at + point + 1, count - point);
        return at + count + 1;
    }

    /**
     * Reused space for writing many numbers without allocating: one per writer, never shared between threads.
     * Measured (JFR, {@code serve} answering the portfolio's results.json, JDK 25, 2026-12-03): a String from
     * {@link Double#toString(double)}, its characters and the plain String were about 12 % of the samples.
     */
    public static final class Scratch {
        private final StringBuilder text = new StringBuilder(32);
        private final char[] in = new char[32];
        private final char[] out = new char[PLAIN_MAX];

        /** Empty space, for one thread. */
        public Scratch() {
        }

        /**
         * {@link #exact(double)} into this space, without a String.
         *
         * @param v a finite value
         * @return the length of the text in {@link #chars()}, or -1 for an extreme magnitude (from 1e21, below
         *         1e-12), whose text is {@link #exact(double)}'s
         * @throws ArithmeticException for NaN or infinity
         */
        public int exact(double v) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("refusing to write " + v + " into a result file");
            }
            if (v == 0) {
                if (Double.doubleToRawLongBits(v) == 0) {
                    out[0] = '0';
                    return 1;
                }
                out[0] = '-';
                out[1] = '0';
                return 2;
            }
            double a = Math.abs(v);
            if (a >= 1e21 || a < 1e-12) {
                return -1;
            }
            text.setLength(0);
            if (v == Math.rint(v) && a < 1e15) {
                text.append((long) v);
                int len = text.length();
                text.getChars(0, len, out, 0);
                return len;
            }
            text.append(v); // the digits of Double.toString, written into the builder without a String
            int len = text.length();
            text.getChars(0, len, in, 0);
            if (text.indexOf("E") < 0 && in[len - 1] != '0') {
                System.arraycopy(in, 0, out, 0, len);
                return len;
            }
            return plainInto(in, len, out);
        }

        /**
         * The characters of the last {@link #exact(double)}; valid until the next call.
         *
         * @return the space, of which the first {@code exact(v)} characters are the text
         */
        public char[] chars() {
            return out;
        }
    }

    /**
     * An instant of the model (UTC) as ISO 8601 with an explicit zone: {@code 2026-07-01T00:00:00Z}.
     *
     * @param t a UTC date-time
     * @return the text
     */
    public static String instant(LocalDateTime t) {
        return INSTANT.format(t);
    }

    /**
     * An instant of the model (UTC) as a spreadsheet reads a date-time: {@code 2026-07-01 00:00:00}, without
     * the ISO {@code T} and {@code Z} that Excel, LibreOffice and Google Sheets leave as text. The zone is UTC,
     * stated in docs/outputs.md; used where the reader is a spreadsheet ({@code results-wide.csv}).
     *
     * @param t a UTC date-time
     * @return the text
     */
    public static String spreadsheetInstant(LocalDateTime t) {
        return SPREADSHEET.format(t);
    }

    /**
     * An instant for people: {@code 2026-07-01} at midnight, {@code 2026-07-01 06:00} otherwise (UTC).
     *
     * @param t a UTC date-time
     * @return the text
     */
    public static String date(LocalDateTime t) {
        if (t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return t.toLocalDate().toString();
        }
        return t.toLocalDate() + " " + String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    /**
     * The statistic name of a quantile probability: {@code p10} for 0.1, {@code p5} for 0.05,
     * {@code p2.5} for 0.025 (computed in decimal, so 0.1 is not {@code p10.000000000000002}).
     *
     * @param probability in (0, 1)
     * @return the name
     */
    public static String quantileName(double probability) {
        return "p" + new BigDecimal(Double.toString(probability)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /**
     * Quotes a CSV field when it needs it (RFC 4180): fields with a comma, quote or line break are
     * wrapped in double quotes, with inner quotes doubled.
     *
     * @param field the raw text
     * @return the field as written
     */
    public static String csv(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
