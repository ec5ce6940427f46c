package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spares answer of a Monte Carlo reaches the console and results.json, and the two agree. */
class SparesOutputTest {

    private static final String SCENARIO = """
            scenario: spares
            description: 2,000 H100 with failures and 72 h swaps
            start: 2026-01
            horizon: 12 months
            deployments:
              - { id: fleet, accelerator: h100, site: us-tx, size: { count: 2000 }, start: 2026-01, spares: 0.01 }
            """;

    @Test
    void run_simulateMonteCarlo_sparesTableAndJsonPerQuantile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("spares.yaml");
        Files.writeString(f, SCENARIO);
        Path out = dir.resolve("out");
        CliResult r = CliResult.run("run", f.toString(), "--mode", "simulate", "--runs", "20", "--seed", "3",
                "--quantiles", "0.5,0.95", "--set", "accelerators.h100.afr=0.2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Spares: peak monthly average of devices down for repair"), r.out());
        JsonNode sizing = new ObjectMapper().readTree(out.resolve("spares/results.json").toFile()).at("/sizing/0");
        double p95 = sizing.at("/peak_in_repair/p95").asDouble(-1);
        // 2,000 devices at AFR 0.2 (about 0.22 failures per device-year) down 72 h: about 10 in repair on average
        assertTrue(p95 > 5 && p95 < 30, "P95 " + p95);
        assertEquals((long) Math.ceil(p95 - 1e-9), sizing.at("/spares_for/p95").asLong());
        // the console row: deployment, P50, P95, spares for P95, spares bought (1 % of 2,000)
        String row = r.out().lines().filter(l -> l.startsWith("fleet ") && l.trim().endsWith(" 20")).findFirst().orElse("");
        assertTrue(row.contains(" " + sizing.at("/spares_for/p95").asLong() + " "), row + "\n" + r.out());
    }
}
