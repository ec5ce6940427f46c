package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BandsTest {

    @Test
    void type7_fourValues_interpolatesLikeR() {
        double[] x = {1, 2, 3, 4};
        // h = (4 - 1) * 0.1 = 0.3 -> 1 + 0.3 * (2 - 1) = 1.3 (R: quantile(1:4, 0.1) = 1.3)
        assertEquals(1.3, Bands.type7(x, 4, 0.1), 1e-12);
        // h = 3 * 0.5 = 1.5 -> 2.5
        assertEquals(2.5, Bands.type7(x, 4, 0.5), 1e-12);
        assertEquals(4.0, Bands.type7(x, 4, 1.0));
    }

    @Test
    void reduceExact_runsInAnyOrder_sameBandsAndMean() {
        // cell 0 over 5 runs: 5, 1, 4, 2, 3 -> sorted 1..5, mean 3, P50 = 3, P10: h = 0.4 -> 1.4
        double[][] rows = {{5, 7}, {1, 7}, {4, 7}, {2, 7}, {3, 7}};
        try (Parallel one = new Parallel(1); Parallel two = new Parallel(2)) {
            Bands a = Bands.reduceExact(rows, 2, new double[] {0.1, 0.5}, one);
            Bands b = Bands.reduceExact(rows, 2, new double[] {0.1, 0.5}, two);
            assertEquals(3.0, a.mean(0), 1e-12);
            assertEquals(1.4, a.quantile(0, 0), 1e-12);
            assertEquals(3.0, a.quantile(1, 0), 1e-12);
            // a constant cell collapses exactly onto its value
            assertEquals(7.0, a.mean(1));
            assertEquals(7.0, a.quantile(0, 1));
            assertEquals(a.mean(0), b.mean(0));
            assertEquals(a.quantile(0, 0), b.quantile(0, 0));
            assertTrue(a.exact());
        }
    }
}
