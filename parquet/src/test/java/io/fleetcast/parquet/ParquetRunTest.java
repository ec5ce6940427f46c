package io.fleetcast.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.cli.Main;
import io.fleetcast.write.WriteFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetcast run ... --out DIR --format parquet}, end to end through the command line's {@link Main} with this
 * module on the class path, as {@code ./fleetcast} runs it (cli/target/fleetcast.jar + parquet/target/fleetcast-parquet.jar).
 */
class ParquetRunTest {

    private static final Path A = WriteFixtures.GOLDEN.resolve("small-fleet.yaml");
    private static final Path B = WriteFixtures.GOLDEN.resolve("small-fleet-b.yaml");

    @TempDir
    Path dir;

    /** Exit code, standard output, standard error. */
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static List<String> csvRows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size());
    }

    @Test
    void run_formatCsvJsonParquet_parquetHoldsTheRowsOfResultsLongCsv() throws Exception {
        Path out = dir.resolve("out");
        Result r = run("run", A.toString(), "--out", out.toString(), "--format", "csv,json,parquet", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        Path folder = out.resolve("small-fleet");
        assertTrue(r.out().contains("wrote " + folder + "/ (results-long.csv, results-wide.csv, results.json, results-long.parquet)"),
                r.out());
        List<String> csv = csvRows(folder.resolve("results-long.csv"));
        // 25 metrics x (2 deployments + 1 deal + the total) x 3 months
        assertEquals(300, csv.size());
        assertEquals(csv, DuckDb.asCsvLines(folder.resolve("results-long.parquet")));
    }

    @Test
    void run_formatParquetAlone_onlyTheParquetFile() throws Exception {
        Path out = dir.resolve("out");
        Result r = run("run", A.toString(), "--out", out.toString(), "--format", "parquet", "--quiet");
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(out.resolve("small-fleet"))) {
            assertEquals(List.of("results-long.parquet"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void run_monteCarloWithCsvGroupings_quantileRowsAndGroupingsAsInTheCsv() throws Exception {
        Path out = dir.resolve("out");
        Result r = run("run", A.toString(), "--runs", "8", "--seed", "7", "--csv-groupings", "deal,total",
                "--bands-by", "deal", "--out", out.toString(), "--format", "csv,parquet", "--quiet");
        assertEquals(0, r.code(), r.err());
        Path folder = out.resolve("small-fleet");
        List<String> csv = csvRows(folder.resolve("results-long.csv"));
        assertEquals(csv, DuckDb.asCsvLines(folder.resolve("results-long.parquet")));
        Path parquet = folder.resolve("results-long.parquet");
        // the means of the 2 groupings' groups (deal, total), then each band of the deal: 25 metrics x 3 months per group
        List<List<String>> statistics = DuckDb.query("select statistic, count(*) from " + DuckDb.table(parquet)
                + " group by statistic order by statistic <> 'mean', statistic");
        assertEquals("mean", statistics.get(0).get(0));
        assertEquals("150", statistics.get(0).get(1));
        assertTrue(statistics.size() > 1, statistics.toString());
        for (List<String> band : statistics.subList(1, statistics.size())) {
            assertTrue(band.get(0).matches("p[0-9]+"), band.toString());
            assertEquals("75", band.get(1), band.toString());
        }
    }

    @Test
    void run_twoScenarios_aParquetFilePerScenarioAndNoComparisonTable() throws Exception {
        Path out = dir.resolve("out");
        Result r = run("run", A.toString(), B.toString(), "--out", out.toString(), "--format", "csv,parquet", "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("small-fleet", "small-fleet-b")) {
            Path folder = out.resolve(s);
            assertEquals(csvRows(folder.resolve("results-long.csv")), DuckDb.asCsvLines(folder.resolve("results-long.parquet")), s);
        }
        assertTrue(Files.isRegularFile(out.resolve("comparison.csv")));
        assertFalse(Files.exists(out.resolve("comparison.parquet")));
    }
}
