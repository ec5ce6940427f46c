package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.write.JsonWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetcast run ... --out DIR}: the result files, end to end through {@link Main#run} with captured streams. */
class RunOutputTest {

    /** The writers' golden scenarios: small, with round numbers (see io.fleetcast.write.GoldenFilesTest). */
    private static final String A = "../engine/src/test/resources/golden/small-fleet.yaml";
    private static final String B = "../engine/src/test/resources/golden/small-fleet-b.yaml";

    @TempDir
    Path dir;

    private static CliResult run(String... args) {
        return CliResult.run(args);
    }

    @Test
    void run_twoScenariosWithOut_folderPerScenarioAndComparison() throws Exception {
        Path out = dir.resolve("out");
        CliResult r = run("run", A, B, "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String scenario : List.of("small-fleet", "small-fleet-b")) {
            for (String file : List.of("results-long.csv", "results-wide.csv", "results.json", "report.html")) {
                assertTrue(Files.isRegularFile(out.resolve(scenario).resolve(file)), scenario + "/" + file);
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("comparison.html")));
        List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals(3, comparison.size());
        assertTrue(comparison.get(0).startsWith("scenario,mode,statistic,statistic_method,runs,start,end,resolved_accelerators,"));
        // small-fleet: 1,000 owned + 100 leased; small-fleet-b: 2,000 owned
        assertTrue(comparison.get(1).startsWith("small-fleet,expected,value,exact,1,2026-01-01T00:00:00Z,2026-04-01T00:00:00Z,1100,"));
        assertTrue(comparison.get(2).startsWith("small-fleet-b,expected,value,exact,1,2026-01-01T00:00:00Z,2026-04-01T00:00:00Z,2000,"));
        assertTrue(r.out().contains("wrote " + out.resolve("small-fleet") + "/ (results-long.csv, results-wide.csv, results.json, report.html)"), r.out());
        // the console summary is still printed, in human units
        assertTrue(r.out().contains("Headline"), r.out());
        assertEquals("", r.err(), "no progress bar when standard error is not a terminal");
        try (InputStream json = Files.newInputStream(out.resolve("small-fleet/results.json"))) {
            assertEquals(Fleetcast.project(Fleetcast.load(Path.of(A))).cube(), JsonWriter.readCube(json));
        }
    }

    @Test
    void run_formatCsvAndPng_onlyThoseFiles() throws Exception {
        Path out = dir.resolve("out");
        CliResult r = run("run", A, "--out", out.toString(), "--format", "csv,png");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("small-fleet/results-long.csv")));
        assertFalse(Files.exists(out.resolve("small-fleet/results.json")));
        assertFalse(Files.exists(out.resolve("small-fleet/report.html")));
        assertTrue(Files.isRegularFile(out.resolve("small-fleet/charts/facility-power.png")));
        // one scenario: no comparison
        assertFalse(Files.exists(out.resolve("comparison.csv")));
    }

    @Test
    void run_unknownFormat_exit2WithTheAcceptedNamesAndNoStackTrace() {
        Path out = dir.resolve("out");
        CliResult r = run("run", A, "--out", out.toString(), "--format", "csv,xlsx");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown format 'xlsx': expected a comma-separated list of csv, json, html, png, parquet"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void run_formatParquetWithoutTheParquetModule_exit2SaysWhatToBuildAndWritesNothing() {
        // the cli module's class path has no fleetcast-parquet: its tests see the command line as cli/target/fleetcast.jar
        // alone does (parquet/src/test has the run with the module)
        Path out = dir.resolve("out");
        CliResult r = run("run", A, "--out", out.toString(), "--format", "csv,json,parquet", "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--format parquet: parquet files are written by the Parquet module (fleetcast-parquet), "
                + "which is not on the class path; build it with ./mvnw -pl parquet -am package"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        // checked before the projection and before the folder is opened: not even the csv and json of the same run
        assertFalse(Files.exists(out));
        assertEquals("", r.out());
    }

    @Test
    void run_formatWithoutOut_exit2AskingForOutAndNothingPrinted() {
        // regression: --format png without --out projected, printed and wrote nothing, exit code 0
        CliResult r = run("run", A, "--format", "png");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--format chooses the files written with --out; add --out DIR"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void run_csvGroupingsOwnershipAndTotal_onlyThoseGroupsInBothCsvFiles() throws Exception {
        // small-fleet: 1,000 owned from January, 100 leased from February, three months. Ownership groups
        // owned and leased, plus total (repeats, also across two --csv-groupings, written once): 3 groups x
        // 19 metrics x 3 periods = 171 long rows after the header
        Path out = dir.resolve("out");
        CliResult r = run("run", A, "--out", out.toString(), "--format", "csv", "--csv-groupings", " ownership, total,ownership",
                "--csv-groupings", "total");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("small-fleet/results-long.csv"));
        assertEquals(1 + 3 * io.fleetcast.model.Metric.COUNT * 3, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.startsWith("small-fleet,expected,value,exact,ownership,") || row.startsWith("small-fleet,expected,value,exact,total,"), row);
        }
        // January capex: 1,000 owned x 10,000 USD; February installs: the 100 leased
        assertTrue(rows.contains("small-fleet,expected,value,exact,ownership,owned,2026-01-01T00:00:00Z,2026-02-01T00:00:00Z,capex_usd,USD,10000000"),
                String.join("\n", rows.subList(0, 10)));
        assertTrue(rows.contains("small-fleet,expected,value,exact,ownership,leased,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,installed,accelerators,100"));
        // wide: period_start, period_end, hours, statistic, then 3 groups per metric
        String header = Files.readAllLines(out.resolve("small-fleet/results-wide.csv")).get(0);
        assertEquals(4 + 3 * io.fleetcast.model.Metric.COUNT, header.split(",").length, header);
        assertTrue(header.startsWith("period_start,period_end,hours,statistic,installed[ownership=owned],installed[ownership=leased],installed[total],"), header);
    }

    @Test
    void run_unknownCsvGrouping_exit2WithTheAcceptedIdsAndNothingWritten() {
        Path out = dir.resolve("out");
        CliResult r = run("run", A, "--out", out.toString(), "--csv-groupings", "deal,region");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown grouping 'region': expected a comma-separated list of deployment, deal, "
                + "accelerator, vendor, site, ownership, total"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void run_csvGroupingsWithoutOut_exit2AskingForOutAndNothingPrinted() {
        CliResult r = run("run", A, "--csv-groupings", "site");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--csv-groupings chooses the groupings of the CSV files written with --out; add --out DIR"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void run_monteCarloOptionsWithoutRuns_exit2AskingForRuns() {
        // regression: --threads 0, --quantiles 1.5 or --bands-by deal without --runs were silently ignored
        for (String[] option : new String[][] {{"--threads", "2"}, {"--quantiles", "0.1,0.9"}, {"--bands-by", "deal"}}) {
            CliResult r = run("run", A, option[0], option[1]);
            assertEquals(2, r.code(), option[0] + ": " + r.err());
            assertTrue(r.err().contains(option[0] + " applies to Monte Carlo runs; add --runs N"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void run_emptyOut_exit2InsteadOfWritingIntoTheWorkingFolder() {
        // regression: --out "" (an unset $DIR) resolved to the working folder and wrote small-fleet/ there
        CliResult r = run("run", A, "--out", "");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out is empty; give a folder"), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(Path.of("small-fleet")), "nothing written into the working folder");
    }

    @Test
    void run_outIsAFile_exit3AndNothingWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "not a folder");
        CliResult r = run("run", A, "--out", file.resolve("sub").toString());
        assertEquals(3, r.code(), "a file in the path is an output failure");
        assertTrue(r.err().contains("is a file, not a folder"), r.err());
        assertEquals("", r.out(), "nothing is projected or printed before the output is known to be writable");
    }

    @Test
    void run_oneInvalidScenario_exit2AndNoOutputAtAll() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(Path.of(B)).replace("count: 2000", "count: many"));
        Path out = dir.resolve("out");
        CliResult r = run("run", A, bad.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.yaml:"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out), "a bad scenario must leave no partial output");
    }

    @Test
    void run_twoScenariosWithOneName_exit2() throws Exception {
        Path copy = Files.copy(Path.of(A), dir.resolve("copy.yaml"));
        // the copy's catalog paths are relative: put the catalog beside it
        Files.copy(Path.of("../engine/src/test/resources/golden/small-accelerators.yaml"), dir.resolve("small-accelerators.yaml"));
        Files.copy(Path.of("../engine/src/test/resources/golden/small-sites.yaml"), dir.resolve("small-sites.yaml"));
        CliResult r = run("run", A, copy.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("are both named 'small-fleet'"), r.err());
    }

    @Test
    void run_rerunIntoTheSameFolder_replacesFilesWithoutLeftovers() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run("run", A, "--out", out.toString()).code());
        assertEquals(0, run("run", A, "--out", out.toString()).code());
        try (Stream<Path> files = Files.list(out.resolve("small-fleet"))) {
            // no temporary files of the atomic writes are left behind
            assertEquals(List.of("report.html", "results-long.csv", "results-wide.csv", "results.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
