package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve} and {@code sensitivity} end to end through {@link Main#run}, on small scenario files. */
class AnalysisCommandsTest {

    @TempDir
    Path dir;

    private static CliResult run(String... args) {
        return CliResult.run(args);
    }

    /**
     * chip-a: 1 kW all-in, idle 0, no failures, 50,000 USD over 5 years; site flat: PUE 1, 60 USD/MWh;
     * 2026: 8,760 h. "rent": 1,000 leased at 2 USD/h all year; "own": 1,000 owned at full load.
     */
    private Path scenario() throws Exception {
        Files.writeString(dir.resolve("accelerators.yaml"), """
                accelerators:
                  - id: chip-a
                    name: Chip A
                    vendor: ACME
                    bf16: 1000 TFLOPS
                    hbm: 192 GB
                    tdp: 800 W
                    all-in-power: 1000 W
                    idle-fraction: 0
                    capex: 50000 USD
                    useful-life: 5 years
                    afr: 0
                    repair-time: 72 h
                    replacement-cost: 0.5
                    embodied-carbon: 1000 kgCO2e
                """);
        Files.writeString(dir.resolve("sites.yaml"), """
                sites:
                  - id: flat
                    name: Flat
                    pue: 1.0
                    electricity-price: 60 USD/MWh
                    grid-intensity: 400 g/kWh
                """);
        Path p = dir.resolve("small.yaml");
        Files.writeString(p, """
                scenario: small
                description: two fleets of a linear chip
                start: 2026-01
                horizon: 12 months
                accelerators-file: accelerators.yaml
                sites-file: sites.yaml
                deployments:
                  - id: rent
                    accelerator: chip-a
                    site: flat
                    ownership: leased
                    size: { count: 1000 }
                    start: 2026-01
                    lease-price: 2 USD/h
                  - id: own
                    accelerator: chip-a
                    site: flat
                    size: { count: 1000 }
                    start: 2026-01
                uncertainty:
                  accelerators.chip-a.capex: { uniform: [40000 USD, 60000 USD] }
                  sites.flat.electricity-price: { uniform: [40 USD/MWh, 80 USD/MWh] }
                monte-carlo: { runs: 200, seed: 7 }
                """);
        return p;
    }

    @Test
    void solve_leasePriceForBudget_printsClosedFormAnswer() throws Exception {
        // 1,000 leased x 8,760 h: 21.9e6 USD needs 21.9e6 / 8.76e6 = 2.5 USD/h
        CliResult r = run("solve", scenario().toString(), "--vary", "deployments.rent.lease-price",
                "--target", "lease_cost_usd@total=21.9e6", "--group", "rent", "--between", "1 USD/h", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("answer    2.5 USD/h"), r.out());
        assertTrue(r.out().contains("8,760,000 h = 2.5 USD/h"), r.out());
    }

    @Test
    void solve_json_givesValueAndBracket() throws Exception {
        CliResult r = run("solve", scenario().toString(), "--vary", "deployments.rent.lease-price",
                "--target", "lease_cost_usd=21.9e6", "--group", "deployment:rent", "--between", "1", "5", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2.5, j.get("value").asDouble(), 1e-9);
        // at 1 and 5 USD/h: 8.76e6 and 43.8e6 USD
        assertEquals(8.76e6, j.get("bracket").get("at_lo").asDouble(), 1e-3);
        assertEquals(43.8e6, j.get("bracket").get("at_hi").asDouble(), 1e-3);
    }

    @Test
    void solve_noRootInBracket_exitsTwoNamingBothEnds() throws Exception {
        CliResult r = run("solve", scenario().toString(), "--vary", "deployments.rent.lease-price",
                "--target", "lease_cost_usd=38e9", "--group", "rent", "--between", "1", "2");
        assertEquals(2, r.code());
        // 1,000 x 8,760 h x 1 USD/h = 8.76e6 USD at 1 USD/h, 17.52e6 at 2 USD/h; in units, not raw doubles
        // (regression: "it is 8760000.0 at 1.0 and 1.752E7 at 2.0")
        assertTrue(r.err().contains("no value of deployments.rent.lease-price in [1 USD/h, 2 USD/h] makes lease_cost_usd@total"
                + " of deployment:rent = 38,000,000,000 USD: it is 8,760,000 USD at 1 USD/h and 17,520,000 USD at 2 USD/h"
                + " (both below the target); widen --between"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void solve_countWithSetOverride_reportsWholeCounts() throws Exception {
        // 1 MW of facility power at PUE 1 and full load: 1e6 W / 1000 W = 1,000 chips of "own"; the --set doubles
        // the rented fleet first, which does not change "own"
        CliResult r = run("solve", scenario().toString(), "--set", "deployments.rent.count=2000", "--vary",
                "deployments.own.count", "--target", "facility_power_mw@peak=1 MW", "--group", "own", "--between", "1", "5000");
        assertEquals(0, r.code(), r.err());
        // the step reaching 1 MW is at 1,000: the whole counts around it are 999 and 1,000
        assertTrue(r.out().contains("answer    1000 accelerators (around the crossing: 999 gives 0.999, 1000 gives 1 MW)"),
                r.out());
    }

    @Test
    void solve_badPath_exitsTwoListingFields() throws Exception {
        CliResult r = run("solve", scenario().toString(), "--vary", "accelerators.chip-a.price", "--target", "tco_usd=1e9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("capex"), r.err());
    }

    @Test
    void sensitivity_linearScenario_tableCsvAndFiles() throws Exception {
        Path out = dir.resolve("out");
        CliResult r = run("sensitivity", scenario().toString(), "--metric", "tco_usd", "--group", "own", "--runs", "100",
                "--quiet", "--format", "csv", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        // header + 2 inputs, capex first (swing 199.86 x 16,000 = 3.2e6 vs 8,760 x 32 = 280,320 USD)
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[1].contains("accelerators.chip-a.capex"), lines[1]);
        assertTrue(lines[1].contains(",1,") || lines[1].matches(".*,0\\.99999\\d*,100,.*") || lines[1].contains(",1,100,"),
                "R² of a linear scenario is 1: " + lines[1]);
        Path folder = out.resolve("small");
        assertTrue(Files.exists(folder.resolve("sensitivity.csv")));
        assertTrue(Files.exists(folder.resolve("sensitivity.json")));
        assertTrue(Files.readString(folder.resolve("report.html")).contains("Sensitivity"));
        JsonNode j = new ObjectMapper().readTree(folder.resolve("sensitivity.json").toFile());
        assertEquals(1.0, j.get("r_squared").asDouble(), 1e-9);
    }

    @Test
    void sensitivity_constantMetricFewRuns_warnsAndShowsNoSrcs() throws Exception {
        // regression: energy_mwh of small.yaml is 2 x 1,000 x 1 kW x 8,760 h = 17,520 MWh in every run (the inputs are
        // capex and electricity price), yet SRCs were printed; and 15 runs for 2 inputs are fewer than 10 x 2 = 20
        CliResult r = run("sensitivity", scenario().toString(), "--metric", "energy_mwh", "--runs", "15", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Baseline 17.5 GWh"), r.out());
        assertTrue(r.out().contains("not shown: the metric did not vary over the runs"), r.out());
        assertFalse(r.out().contains("R² ="), r.out());
        assertTrue(r.out().contains("\nWarning: energy_mwh is constant over the 15 runs (no variation at all)"), r.out());
        // R² of pure noise with k = 2, n = 15: 2 / 14 = 0.14
        assertTrue(r.out().contains("\nWarning: 15 runs for 2 uncertain inputs: SRCs and R² are unstable below 10 runs"
                + " per input (R² of pure noise is about 0.14 here); use --runs 20 or more\n"), r.out());
        for (String line : r.out().split("\n")) {
            if (line.startsWith("accelerators.chip-a.capex") || line.startsWith("sites.flat.electricity-price")) {
                assertTrue(line.endsWith(" n/a"), line);
            }
        }
        CliResult json = run("sensitivity", scenario().toString(), "--metric", "energy_mwh", "--runs", "15", "--quiet",
                "--format", "json");
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertTrue(j.get("r_squared").isNull());
        assertTrue(j.at("/inputs/0/src").isNull());
        assertEquals(2, j.get("warnings").size());
    }

    @Test
    void swing_tinyMoneySwings_roundingAndSubCentReadable() throws Exception {
        io.fleetcast.analyse.MetricSelector tco = io.fleetcast.analyse.MetricSelector.parse("tco_usd", null,
                io.fleetcast.Fleetcast.load(scenario()));
        // regression: a start shift moved a $71.4B total by $0.0000153: 1.53e-5 <= 1e-9 x 7.14e10 = 71.4 is rounding
        assertEquals("~0", SensitivityCommand.swing(tco, 1.53e-5, 7.14e10));
        // a real but sub-cent swing: 0.003 > 1e-9 x 100 = 1e-7, below half a cent
        assertEquals("<$0.01", SensitivityCommand.swing(tco, 0.003, 100));
        // 23,600 / 7.14e10 = 3.3e-7 of the baseline: a (small) effect, shown in human units
        assertEquals("$23.6k", SensitivityCommand.swing(tco, 23_600, 7.14e10));
        assertEquals("$0", SensitivityCommand.swing(tco, 0, 7.14e10));
    }

    @Test
    void sensitivity_outUnderAFile_exit3BeforeRunningWithTheFolderMessage() throws Exception {
        // regression: the Monte Carlo ran first, then writing failed with "cannot write ... (Not a directory)";
        // a file in the path is an output failure (exit 3), found before any work
        Path file = Files.writeString(dir.resolve("taken"), "not a folder");
        CliResult r = run("sensitivity", scenario().toString(), "--runs", "20", "--quiet", "--out", file.resolve("sub").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("is a file, not a folder"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void run_runs_sameOutputForOneAndTwoThreadsAndBandsInFiles() throws Exception {
        Path s = scenario();
        Path out = dir.resolve("mc");
        CliResult one = run("run", s.toString(), "--runs", "60", "--threads", "1", "--quantiles", "0.1,0.5,0.9", "--quiet");
        CliResult two = run("run", s.toString(), "--runs", "60", "--threads", "2", "--quantiles", "0.1,0.5,0.9", "--quiet",
                "--out", out.toString());
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        assertTrue(one.out().contains("Monte Carlo: 60 expected runs, seed 7, 2 uncertain inputs"), one.out());
        assertTrue(one.out().contains("P10") && one.out().contains("P90"), one.out());
        // the same numbers whatever the thread count; the second run also lists the files it wrote
        assertTrue(two.out().startsWith(one.out()), two.out());
        String csv = Files.readString(out.resolve("small").resolve("results-long.csv"));
        assertTrue(csv.contains(",p10,") && csv.contains(",p90,") && csv.contains(",mean,"), csv.substring(0, 400));
    }

    /** A scenario NAME whose 1 MW of IT power holds 1e6 / all-in W accelerators, the all-in power 500 W or 2,000 W. */
    private Path itPowerScenario(String name) throws Exception {
        scenario();
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, """
                scenario: NAME
                description: 1 MW of IT power, uncertain all-in power
                start: 2026-01
                horizon: 12 months
                accelerators-file: accelerators.yaml
                sites-file: sites.yaml
                deployments:
                  - id: it
                    accelerator: chip-a
                    site: flat
                    size: { it-power: 1 MW }
                    start: 2026-01
                uncertainty:
                  accelerators.chip-a.all-in-power: { choice: [500 W, 2000 W] }
                monte-carlo: { runs: 40, seed: 11, quantiles: [0.1, 0.5, 0.9] }
                """.replace("NAME", name));
        return p;
    }

    @Test
    void run_runsWithUncertainAllInPower_meanSizingIsTheMeanOfTheRunsCountsEverywhere() throws Exception {
        // regression: the "mean" sizing, headline, comparison.csv mean row and JSON summary showed the nominal
        // count (1e6 W / 1,000 W = 1,000) while every run resolves 1e6 / 500 = 2,000 or 1e6 / 2000 = 500.
        // With n500 of the 40 runs at 500 W the mean is (2,000 n500 + 500 (40 - n500)) / 40 = 500 + 37.5 n500
        Path a = itPowerScenario("mean-a");
        Path b = itPowerScenario("mean-b");
        io.fleetcast.analyse.MonteCarloResult draws = io.fleetcast.analyse.MonteCarlo.run(io.fleetcast.Fleetcast.load(a),
                io.fleetcast.model.Mode.EXPECTED, new io.fleetcast.model.MonteCarloSettings(40, 11L, new double[] {0.1, 0.5, 0.9}), 1);
        int n500 = 0;
        for (int run = 0; run < 40; run++) {
            n500 += draws.input(run, 0) == 500 ? 1 : 0;
        }
        assertTrue(n500 > 0 && n500 < 40, "both powers drawn: " + n500);
        double mean = 500 + 37.5 * n500;
        String meanText = String.format(java.util.Locale.ROOT, "%,d", Math.round(mean));
        Path out = dir.resolve("mc");
        CliResult r = run("run", a.toString(), b.toString(), "--runs", "40", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        // console: the sizing row shows the mean and the nominal count; the headline and the P10/P50/P90 table too
        assertTrue(r.out().contains("Sizing: mean of 40 runs"), r.out());
        assertTrue(r.out().matches("(?s).*\\nit +chip-a +owned +1\\.00 MW IT +" + meanText + " +1,000 .*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  accelerators \\(resolved\\) +" + meanText
                + "  \\(mean of 40 runs; nominal 1,000\\)\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nAccelerators \\(resolved\\) +[0-9,]+ +[0-9,]+ +[0-9,]+ +" + meanText + "\\n.*"), r.out());
        // comparison.csv: the mean row's resolved_accelerators is the mean, beside the p10/p50/p90 rows
        java.util.List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
        assertTrue(comparison.get(1).startsWith("mean-a,expected,mean,exact,40,"), comparison.get(1));
        assertEquals(mean, Double.parseDouble(comparison.get(1).split(",")[io.fleetcast.write.Comparison.LEADING_COLUMNS.size()]), 1e-9, comparison.get(1));
        // results.json: summary and sizing carry the mean, the nominal count kept beside it
        JsonNode j = new ObjectMapper().readTree(out.resolve("mean-a/results.json").toFile());
        assertEquals(mean, j.at("/summary/resolved_accelerators").asDouble(), 1e-9);
        assertEquals(1000, j.at("/summary/nominal_resolved_accelerators").asLong());
        assertEquals(mean, j.at("/sizing/0/mean_count").asDouble(), 1e-9);
        assertEquals(1000, j.at("/sizing/0/count").asLong());
        // report.html: the sizing table labels the nominal count and shows the mean of the runs
        String html = Files.readString(out.resolve("mean-a/report.html"));
        assertTrue(html.contains("accelerators (mean of runs)") && html.contains(">" + meanText + "</td>"), "report sizing");
    }

    @Test
    void run_runsWithUncertainAllInPower_filesShowTheMeanOfTheRunsRatios() throws Exception {
        // regression: comparison.csv's mean row, the JSON summary and the report took $/accelerator-hour (and
        // peaks, $/EFLOP, NPV) from the mean cube, the console from the mean of the runs. Per run, 1 MW of IT
        // power at PUE 1 over 8,760 h costs 8,760 MWh x 60 USD = 525,600 USD of energy; each chip depreciates
        // 50,000 USD over 5 x 8,766 h = 43,830 h, 1.1407712 USD/h. At 500 W: 2,000 chips, 17,520,000 h,
        // 50,000 / 43,830 + 525,600 / 17,520,000 = 1.1407712 + 0.03 USD/h; at 2,000 W: 500 chips,
        // 4,380,000 h, 1.1407712 + 0.12 USD/h. Mean of n500 runs at 500 W out of 40:
        // 50,000 / 43,830 + (0.03 n500 + 0.12 (40 - n500)) / 40 (seed 11: n500 = 24, 1.2067712 USD/h). The
        // mean cube's ratio, mean tco / mean hours, is another number (seed 11: 14,516,017.52 USD /
        // 12,264,000 h = 1.1836 USD/h: the cheap-per-hour runs have four times the hours).
        Path a = itPowerScenario("ratio-a");
        Path b = itPowerScenario("ratio-b");
        io.fleetcast.analyse.MonteCarloResult draws = io.fleetcast.analyse.MonteCarlo.run(io.fleetcast.Fleetcast.load(a),
                io.fleetcast.model.Mode.EXPECTED, new io.fleetcast.model.MonteCarloSettings(40, 11L, new double[] {0.1, 0.5, 0.9}), 1);
        int n500 = 0;
        for (int run = 0; run < 40; run++) {
            n500 += draws.input(run, 0) == 500 ? 1 : 0;
        }
        assertTrue(n500 > 0 && n500 < 40, "both powers drawn: " + n500);
        double mean = 50_000 / 43_830.0 + (0.03 * n500 + 0.12 * (40 - n500)) / 40;
        double ofMeanCube = draws.meanProjection().summary().usdPerAcceleratorHour();
        assertTrue(Math.abs(ofMeanCube - mean) > 1e-3, "the two statistics differ: " + ofMeanCube + " vs " + mean);
        Path out = dir.resolve("mc");
        CliResult r = run("run", a.toString(), b.toString(), "--runs", "40", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        java.util.List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
        int column = java.util.List.of(comparison.get(0).split(",")).indexOf("usd_per_accelerator_hour");
        assertTrue(comparison.get(1).startsWith("ratio-a,expected,mean,exact,40,"), comparison.get(1));
        String written = comparison.get(1).split(",")[column];
        assertEquals(mean, Double.parseDouble(written), 1e-12, comparison.get(1));
        JsonNode j = new ObjectMapper().readTree(out.resolve("ratio-a/results.json").toFile());
        assertEquals(mean, j.at("/summary/usd_per_accelerator_hour").asDouble(), 1e-12);
        // a peak: 1 MW of facility power in every run (IT power sized, PUE 1)
        assertEquals(1.0, j.at("/summary/peaks/facility_power_mw").asDouble(), 1e-9);
        String html = Files.readString(out.resolve("ratio-a/report.html"));
        assertTrue(html.contains("<td>TCO per accelerator-hour (incl. capital charge)</td><td class=\"num\" title=\"" + written + "\">"),
                "report summary row carries the mean of the runs " + written);
    }

    @Test
    void run_runsWithBadQuantiles_exitsTwo() throws Exception {
        CliResult r = run("run", scenario().toString(), "--runs", "10", "--quantiles", "0.9,0.1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ascending"), r.err());
    }
}
