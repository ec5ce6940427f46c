package io.fleetcast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability class 4, "big requests that run for minutes before failing" (issue #9): memory, disk and
 * simulation work are estimated first and a request that cannot finish is refused at once with the estimate
 * and what to change; a huge YAML scalar is refused while reading. The free-disk check is tested with a given
 * free space in {@code io.fleetcast.cli.SizeEstimateTest}.
 */
class BigRequestsTest {

    @TempDir
    Path dir;

    @Test
    void run_simulateAQuadrillionDevices_refusedWithTheEstimateUnlessAllowed() throws Exception {
        Path s = Cli.scenario(dir, "count: 1000", "count: 1e15");
        Cli.Result r = Cli.run("run", s.toString(), "--mode", "simulate", "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("simulating 1.00e+15 devices x 1 run takes about"), r.err());
        assertTrue(r.err().contains("--allow-large"), r.err());
        assertTrue(r.millis() < 10_000, r.millis() + " ms");
    }

    @Test
    void run_hourlyHorizonTooLargeForTheHeap_refusedWithTheEstimate() throws Exception {
        // 200 years hourly = 1,753,152 periods x 200 deployments x 504 B = 177 GB: beyond any test heap
        StringBuilder deployments = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            deployments.append("  - { id: d").append(i).append(", accelerator: g, site: s, size: { count: 10 }, start: 2026-01 }\n");
        }
        Path s = Cli.scenario(dir, "horizon: 36 months", "horizon: 200 years", "step: month", "step: hour");
        String text = Files.readString(s);
        Files.writeString(s, text.substring(0, text.indexOf("  - id: d")) + deployments);
        Cli.Result r = Cli.run("run", s.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("1753152 periods (hour steps) x 200 deployments need about"), r.err());
        assertTrue(r.err().contains("use a coarser step:"), r.err());
        assertTrue(r.millis() < 20_000, r.millis() + " ms");
    }

    @Test
    void read_threeMegabyteDescription_refusedQuicklyNamingTheLimit() throws Exception {
        Path s = Cli.scenario(dir, "description: reliability test", "description: " + "x".repeat(3 << 20));
        long t0 = System.nanoTime();
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> Fleetcast.load(s));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.problems().get(0).message().contains("model files are limited to 2097152 bytes (2 MiB)"),
                e.problems().toString());
        assertTrue(millis < 5_000, millis + " ms");
    }
}
