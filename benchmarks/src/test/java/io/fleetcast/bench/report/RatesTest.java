package io.fleetcast.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void perSecond_throughputPerMillisecond_scaledToSeconds() {
        // 250 ops/ms = 250 / 0.001 s = 250,000 ops/s
        assertEquals(250_000.0, Rates.perSecond("thrpt", 250.0, "ops/ms"), 1e-6);
    }

    @Test
    void perSecond_averageTimeInMilliseconds_inverted() {
        // 20 ms/op = 0.020 s per op = 1 / 0.020 = 50 ops/s
        assertEquals(50.0, Rates.perSecond("avgt", 20.0, "ms/op"), 1e-9);
    }

    @Test
    void perSecond_singleShotInMicroseconds_inverted() {
        // 4 us/op = 4e-6 s per op = 250,000 ops/s
        assertEquals(250_000.0, Rates.perSecond("ss", 4.0, "us/op"), 1e-6);
    }

    @Test
    void perSecond_unknownUnit_isNaN() {
        assertTrue(Double.isNaN(Rates.perSecond("thrpt", 1.0, "ops/fortnight")));
        assertTrue(Double.isNaN(Rates.perSecond("thrpt", 1.0, "B/op/s")));
    }

    @Test
    void si_largeRates_useSiPrefixWithThreeFigures() {
        // 123,456,789 -> 123.456789 M -> "123 M"; 4,560 -> 4.56 k
        assertEquals("123 M", Rates.si(123_456_789));
        assertEquals("4.56 k", Rates.si(4_560));
        assertEquals("12.5", Rates.si(12.5));
        assertEquals("0.0125", Rates.si(0.0125));
        assertEquals("n/a", Rates.si(Double.NaN));
    }
}
