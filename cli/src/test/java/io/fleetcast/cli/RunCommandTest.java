package io.fleetcast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fleetcast run} end to end through {@link Main#run} with captured streams. */
class RunCommandTest {

    @TempDir
    Path dir;

    private static CliResult run(String... args) {
        return CliResult.run(args);
    }

    private static final String CATALOG = """
            accelerators:
              - id: chip
                name: Chip
                vendor: ACME
                bf16: 1000 TFLOPS
                hbm: 192 GB
                tdp: 800 W
                all-in-power: 1000 W
                idle-fraction: 0
                capex: 25000 USD
                useful-life: 5 years
                afr: 0
                repair-time: 72 h
                replacement-cost: 0.5
                embodied-carbon: 1000 kgCO2e
            """;

    private static final String SITES = """
            sites:
              - id: flat
                name: Flat
                pue: 1.25
                electricity-price: 50 USD/MWh
                grid-intensity: 400 g/kWh
            """;

    private Path scenario(String size) throws Exception {
        Files.writeString(dir.resolve("acc.yaml"), CATALOG);
        Files.writeString(dir.resolve("sites.yaml"), SITES);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                scenario: one-mw
                description: one MW of chips
                start: 2026-01
                horizon: 12 months
                accelerators-file: acc.yaml
                sites-file: sites.yaml
                deployments:
                  - id: mw
                    accelerator: chip
                    site: flat
                    start: 2026-01
                    size: %s
                """.formatted(size));
        return f;
    }

    @Test
    void run_facilityPowerScenario_printsResolvedCountAndYearTotals() throws Exception {
        // 1.25 MW / (1,000 W x PUE 1.25) = 1,000 accelerators; a year of 2026: 1 MW IT x 8,760 h x 1.25 = 10.95 GWh
        CliResult r = run("run", scenario("{ facility-power: 1.25 MW }").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1,000"), r.out());
        assertTrue(r.out().contains("1.25 MW facility"), r.out());
        assertTrue(r.out().contains("11.0 GWh"), r.out());
        // cash: capex 25 M + energy 10,950 MWh x 50 = 547,500 -> $25.5M
        assertTrue(r.out().contains("$25.5M"), r.out());
        assertTrue(r.out().contains("$/accelerator-hour"), r.out());
    }

    @Test
    void run_idleFleet_dollarsPerEflopIsNotApplicableInsteadOfZero() throws Exception {
        // regression: 10 idle chips (utilization 0) cost tco = depreciation 10 x 25,000 x 8,760 / (5 x 8,766)
        // = $50.0k but deliver no compute; the headline printed "$/EFLOP $0.0000 (tco / 0 EFLOP)"
        CliResult r = run("run", scenario("{ count: 10 }\n    utilization: 0").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("$50.0k"), r.out());
        assertTrue(r.out().matches("(?s).*\\$/EFLOP +n/a  \\(no compute delivered\\).*"), r.out());
        // 49,965.78 USD / (10 x 8,760 slot-hours) = 0.57 USD/h
        assertTrue(r.out().contains("$0.57  (tco / 87.6 k slot-hours)"), r.out());
    }

    @Test
    void run_zeroCount_dollarsPerAcceleratorHourIsNotApplicable() throws Exception {
        CliResult r = run("run", scenario("{ count: 0 }").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\$/accelerator-hour +n/a  \\(no slot-hours in the horizon\\).*"), r.out());
    }

    @Test
    void run_simulateWithSeedAndGrouping_printsEachGroup() throws Exception {
        CliResult r = run("run", scenario("{ count: 10 }").toString(), "--mode", "simulate", "--seed", "5", "--group-by", "deal");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("simulate mode, seed 5"), r.out());
        assertTrue(r.out().contains("deal mw"), r.out());
    }

    @Test
    void run_invalidScenario_exitCode2AndNoOutput() throws Exception {
        CliResult r = run("run", scenario("{ count: 10, budget: 1e6 USD }").toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("deployments[0].size"), r.err());
    }

    @Test
    void run_unknownBuiltIn_exitCode2ListingTheBuiltIns() {
        CliResult r = run("run", "no-such-scenario");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("openai-portfolio"), r.err());
    }
}
