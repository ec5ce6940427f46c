package io.fleetcast.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterStreamsTest {

    @Test
    void draw_stateZero_isTheSplitMix64ReferenceSequence() {
        // SplitMix64 seeded with 0 (Vigna's splitmix64.c): first outputs 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4.
        assertEquals(0xE220A8397B1DCDAFL, CounterStreams.draw(0L, 0));
        assertEquals(0x6E789E6AA1B965F4L, CounterStreams.draw(0L, 1));
    }

    @Test
    void unit_extremeBits_coverZeroToJustBelowOne() {
        // top 53 bits all zero -> 0; all one -> (2^53 - 1) / 2^53 = 1 - 2^-53
        assertEquals(0.0, CounterStreams.unit(0L));
        assertEquals(1.0 - 0x1.0p-53, CounterStreams.unit(-1L));
    }

    @Test
    void exponential_extremeBits_finiteFromZeroTo53Ln2() {
        // all ones: u = 2^53 / 2^53 = 1, -ln 1 = 0; all zeros: u = 2^-53, -ln u = 53 ln 2 = 36.7368005696771
        assertEquals(0.0, CounterStreams.exponential(-1L), 0.0); // -0.0, minus log 1: an up-time of zero
        assertEquals(53 * Math.log(2), CounterStreams.exponential(0L), 1e-12);
    }

    @Test
    void slotState_neighbouringSlotsAndDeployments_differ() {
        long key = CounterStreams.deploymentKey(42, 0);
        assertNotEquals(CounterStreams.slotState(key, 0), CounterStreams.slotState(key, 1));
        assertNotEquals(key, CounterStreams.deploymentKey(42, 1));
        assertNotEquals(key, CounterStreams.deploymentKey(43, 0));
    }

    @Test
    void exponential_millionSlots_meanAndVarianceOneWithin5StandardErrors() {
        // Exp(1): mean 1, variance 1. Over n = 1e6 draws the standard error of the mean is 1e-3; of the
        // second moment (E[X^2] = 2, Var[X^2] = 24 - 4 = 20) sqrt(20 / 1e6) = 4.5e-3.
        long key = CounterStreams.deploymentKey(7, 3);
        int n = 1_000_000;
        double sum = 0;
        double sumSq = 0;
        double jitterSum = 0;
        for (int i = 0; i < n; i++) {
            long state = CounterStreams.slotState(key, i);
            double x = CounterStreams.exponential(CounterStreams.draw(state, CounterStreams.DRAW_FIRST_LIFETIME));
            sum += x;
            sumSq += x * x;
            jitterSum += CounterStreams.unit(CounterStreams.draw(state, CounterStreams.DRAW_JITTER));
        }
        assertEquals(1.0, sum / n, 5e-3);
        assertEquals(2.0, sumSq / n, 5 * 4.5e-3);
        // uniform: mean 0.5, standard error sqrt(1/12 / 1e6) = 2.9e-4
        assertEquals(0.5, jitterSum / n, 5 * 2.9e-4);
        assertTrue(sum > 0);
    }
}
