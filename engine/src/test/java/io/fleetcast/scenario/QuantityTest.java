package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Units;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class QuantityTest {
    private static final LocalDateTime JULY_2026 = LocalDateTime.of(2026, 7, 1, 0, 0);

    private static double base(String text) {
        return Quantity.parse(text).base();
    }

    @Test
    void base_fixedUnits_exactFactors() {
        assertEquals(72.0, base("72 h"), 0);
        // 14.8 x 24 = 355.2 exactly in decimal, so the one rounding gives the double nearest 355.2
        assertEquals(355.2, base("14.8 d"), 0);
        assertEquals(6e9, base("6 GW"), 0);
        assertEquals(38e9, base("38e9 USD"), 0);
        assertEquals(55.0, base("55 USD/MWh"), 0);
        // 55 USD/kWh = 55 x 1000 USD/MWh
        assertEquals(55_000.0, base("55 USD/kWh"), 0);
        assertEquals(2.4, base("2.4 USD/h"), 0);
        assertEquals(429.0, base("429 g/kWh"), 0);
        // 5 %/year = 5 x 0.01 per year
        assertEquals(0.05, base("5 %/year"), 0);
        assertEquals(0.7, base("0.7"), 0);
        // 30 % = 30 x 0.01
        assertEquals(0.3, base("30 %"), 0);
        // 90 s = 90 / 3600 h = 0.025 h
        assertEquals(0.025, base("90 s"), 0);
        // 1.5 tCO2e = 1500 kgCO2e; 900 g = 0.9 kg
        assertEquals(1500.0, base("1.5 tCO2e"), 0);
        assertEquals(0.9, base("900 g"), 0);
        // 10 USD/W is not a unit; 10 USD/kW = 10,000 USD/MW
        assertEquals(10_000.0, base("10 USD/kW"), 0);
        assertEquals(2000.0, base("2 PFLOPS"), 0);
        assertEquals(192.0, base("0.192 TB"), 0);
        assertEquals(1e12, base("1 TWh"), 0);
        assertEquals(100_000.0, base("100_000"), 0);
    }

    @Test
    void base_moreThan34Digits_roundedTo34DigitsBeforeTheDouble() {
        // 1 + 2^-53 (exactly 1.00000000000000011102230246251565404236316680908203125) is the midpoint between
        // 1 and the next double 1 + 2^-52; the value written is 1e-59 above it, so rounded straight to a double it
        // would be 1 + 2^-52. The conversion rounds to 34 digits first (DECIMAL128: 1.000000000000000111022302462515654,
        // below the midpoint), so it gives 1.0, whether the unit only multiplies (PLAIN) or divides (s).
        String digits = "1.00000000000000011102230246251565404236316680908203125000001";
        assertEquals(1.0, base(digits), 0);
        // the same number of hours written in seconds (x 3600): divided by 3600 to 34 digits it is again
        // 1.000000000000000111022302462515654, so 1.0 h
        assertEquals(1.0, base("3600.000000000000399680288865056354552507400512695312500000036 s"), 0);
    }

    @Test
    void base_calendarUnitsWithoutAnchor_fixedYearAndMonth() {
        // 7 years x 8,766 h
        assertEquals(61_362.0, base("7 years"), 0);
        // 6 months x 730.5 h
        assertEquals(4383.0, base("6 months"), 0);
        assertEquals(Units.HOURS_PER_MONTH, base("1 month"), 0);
        assertEquals(Units.HOURS_PER_YEAR, base("1 y"), 0);
    }

    @Test
    void hoursFrom_monthsFromJuly_calendarTrue() {
        // 2026-07-01 to 2027-01-01: 31+31+30+31+30+31 = 184 d = 4,416 h
        assertEquals(4416.0, Quantity.parse("6 months").hoursFrom(JULY_2026), 0);
        // 2026-07-01 to 2033-07-01: 7 x 365 + 2 leap days (2028, 2032) = 2,557 d = 61,368 h
        assertEquals(61_368.0, Quantity.parse("7 years").hoursFrom(JULY_2026), 0);
        // 96 months from 2026-07: to 2034-07-01, 8 x 365 + 2 leap days (2028, 2032) = 2,922 d = 70,128 h
        assertEquals(70_128.0, Quantity.parse("96 months").hoursFrom(JULY_2026), 0);
    }

    @Test
    void hoursFrom_fractionalMonths_wholeMonthsCalendarPlusFractionAt730point5() {
        // July (744 h) + 0.5 x 730.5 h = 744 + 365.25 = 1,109.25 h
        assertEquals(1109.25, Quantity.parse("1.5 months").hoursFrom(JULY_2026), 0);
        // 1.5 years = 18 whole months: 2026-07-01 to 2028-01-01 = 365 + 184 d = 549 d = 13,176 h
        assertEquals(13_176.0, Quantity.parse("1.5 years").hoursFrom(JULY_2026), 0);
    }

    @Test
    void hoursFrom_fixedUnit_sameAsBase() {
        assertEquals(355.2, Quantity.parse("14.8 d").hoursFrom(JULY_2026), 0);
    }

    @Test
    void addTo_monthsAndHours_calendarEnd() {
        assertEquals(LocalDateTime.of(2027, 1, 1, 0, 0), Quantity.parse("6 months").addTo(JULY_2026));
        // 15 d from 2026-07-01 00:00
        assertEquals(LocalDateTime.of(2026, 7, 16, 0, 0), Quantity.parse("15 d").addTo(JULY_2026));
        // 0.5 months = 365.25 h = 15 d 5 h 15 min
        assertEquals(LocalDateTime.of(2026, 7, 16, 5, 15), Quantity.parse("0.5 months").addTo(JULY_2026));
    }

    @Test
    void parse_unknownUnit_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("6 GJ"));
        assertEquals("unknown unit 'GJ'", e.getMessage());
    }

    @Test
    void parse_notANumber_rejected() {
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("six GW"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("NaN"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse(""));
    }

    @Test
    void parse_overflowingNumber_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("1e400 USD"));
        assertEquals("number too large", e.getMessage());
    }

    @Test
    void accepts_fractionTakesPlainAndPercent_numberOnlyPlain() {
        assertTrue(Unit.accepts(Dimension.FRACTION, Unit.PLAIN));
        assertTrue(Unit.accepts(Dimension.FRACTION, Unit.PERCENT));
        assertTrue(Unit.accepts(Dimension.NUMBER, Unit.PLAIN));
        assertFalse(Unit.accepts(Dimension.NUMBER, Unit.PERCENT));
        assertFalse(Unit.accepts(Dimension.POWER, Unit.GWH));
        assertEquals("a power (W, kW, MW, GW)", Unit.expectation(Dimension.POWER));
    }
}
