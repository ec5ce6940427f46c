package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeEstimateTest {

    @Test
    void check_resultFilesLargerThanTheFreeDisk_refusedWithTheEstimate() throws Exception {
        // amd-openai-6gw: 96 months x 2 deployments x 25 metrics x 3 groupings = 14,400 rows x 195 B = 2.7 MiB, about 3
        Scenario s = Fleetcast.builtIn("amd-openai-6gw");
        BadInputException e = assertThrows(BadInputException.class, () -> SizeEstimate.check(List.of(s), Mode.EXPECTED, 1,
                Path.of("out"), 3, false, 1L << 30, 1L << 20));
        assertEquals("--out out: the result files need about 3 MiB, more than the 1 MiB free there; use a coarser step:,"
                + " fewer --csv-groupings, --format json, or another folder", e.getMessage());
        assertDoesNotThrow(() -> SizeEstimate.check(List.of(s), Mode.EXPECTED, 1, Path.of("out"), 3, false, 1L << 30, 1L << 30));
    }

    @Test
    void check_simulateBeyondTenMinutes_allowedOnlyWithAllowLarge() throws Exception {
        Scenario s = Fleetcast.builtIn("openai-portfolio");
        // 14.7 M devices x 100,000 runs / (40 M/s x cores) = 36,700 s / cores: more than 10 minutes on up to 61 cores
        assertThrows(BadInputException.class, () -> SizeEstimate.check(List.of(s), Mode.SIMULATE, 100_000, null, 3, false, 1L << 34, -1));
        assertDoesNotThrow(() -> SizeEstimate.check(List.of(s), Mode.SIMULATE, 100_000, null, 3, true, 1L << 34, -1));
    }
}
