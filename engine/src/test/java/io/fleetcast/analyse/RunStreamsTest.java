package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.junit.jupiter.api.Test;

class RunStreamsTest {

    @Test
    void splitMix_nthOutput_equalsSequentialGenerator() {
        // the O(1) jump must give what n calls of one SplitMix64 give
        SplitMix64 g = new SplitMix64(42L);
        for (int n = 0; n < 50; n++) {
            assertEquals(g.nextLong(), RunStreams.splitMix(42L, n), "output " + n);
        }
    }

    @Test
    void seeds_manyRuns_areDistinctAndInputDiffersFromDevice() {
        Set<Long> seen = new HashSet<>();
        for (int run = 0; run < 10_000; run++) {
            seen.add(RunStreams.inputSeed(42L, run));
            seen.add(RunStreams.deviceSeed(42L, run));
        }
        // 20,000 seeds from a bijective mix of distinct states: no collision
        assertEquals(20_000, seen.size());
        assertNotEquals(RunStreams.inputSeed(42L, 0), RunStreams.inputSeed(43L, 0));
    }

    @Test
    void inputStream_sameSeedAndRun_sameNumbers() {
        assertEquals(RunStreams.inputStream(5L, 17).nextLong(), RunStreams.inputStream(5L, 17).nextLong());
    }
}
