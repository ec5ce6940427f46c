package io.fleetcast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.model.Metric;
import io.fleetcast.Schemas;
import io.fleetcast.write.CsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON the command line writes follows its published schema (docs/schemas/), end to end through
 * {@link Main#run}; the CSV files say which statistic they hold, and results-wide.csv keeps one type per
 * column (dates a spreadsheet reads as dates, numbers in every metric cell).
 */
class OutputSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SPREADSHEET_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    @TempDir
    Path dir;

    private static CliResult ok(String... args) {
        CliResult r = CliResult.run(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void run_singleProjection_resultsJsonFollowsSchemaAndCsvSaysValue() throws IOException {
        ok("run", "amd-openai-6gw", "--out", dir.toString(), "--format", "csv,json", "--quiet");
        Path folder = dir.resolve("amd-openai-6gw");
        String json = Files.readString(folder.resolve("results.json"));
        Schemas.assertValid("results.schema.json", json, "run results.json");
        assertEquals("value", JSON.readTree(json).at("/provenance/statistic").asText());
        assertWideTypesStable(folder.resolve("results-wide.csv"), "value");
        List<String> longRows = Files.readAllLines(folder.resolve("results-long.csv"));
        assertEquals(String.join(",", CsvWriter.LONG_COLUMNS), longRows.get(0));
        // no bands: statistic value, exact
        assertTrue(longRows.get(1).startsWith("amd-openai-6gw,expected,value,exact,"), longRows.get(1));
    }

    @Test
    void run_monteCarlo_bandsSayExactAndFilesSayMean() throws IOException {
        ok("run", "amd-openai-6gw", "--runs", "20", "--out", dir.toString(), "--format", "csv,json", "--quiet");
        Path folder = dir.resolve("amd-openai-6gw");
        String json = Files.readString(folder.resolve("results.json"));
        Schemas.assertValid("results.schema.json", json, "Monte Carlo results.json");
        JsonNode root = JSON.readTree(json);
        assertEquals("mean", root.at("/provenance/statistic").asText());
        assertTrue(root.at("/bands/exact").asBoolean(), "20 runs fit the memory budget: exact order statistics");
        assertEquals("order-statistics", root.at("/bands/method").asText());
        assertWideTypesStable(folder.resolve("results-wide.csv"), "mean");
        long quantileRows = 0;
        for (String row : Files.readAllLines(folder.resolve("results-long.csv"))) {
            if (row.startsWith("amd-openai-6gw,expected,p")) {
                assertTrue(row.startsWith("amd-openai-6gw,expected,p") && row.split(",")[3].equals("exact"), row);
                quantileRows++;
            }
        }
        assertTrue(quantileRows > 0);
    }

    @Test
    void sensitivity_outAndJson_followSchemas() throws IOException {
        ok("sensitivity", "amd-openai-6gw", "--metric", "tco_usd", "--runs", "20", "--out", dir.toString(), "--quiet");
        Path folder = dir.resolve("amd-openai-6gw");
        Schemas.assertValid("sensitivity.schema.json", Files.readString(folder.resolve("sensitivity.json")), "sensitivity.json");
        String results = Files.readString(folder.resolve("results.json"));
        Schemas.assertValid("results.schema.json", results, "sensitivity results.json");
        assertTrue(JSON.readTree(results).has("tornado"));
        CliResult r = ok("sensitivity", "amd-openai-6gw", "--metric", "energy_mwh", "--runs", "20", "--format", "json", "--quiet");
        Schemas.assertValid("sensitivity.schema.json", r.out(), "sensitivity --format json");
    }

    @Test
    void solve_json_followsSchema() {
        // a count: the answer carries the whole numbers around the crossing
        CliResult count = ok("solve", "amd-openai-6gw", "--vary", "deployments.mi450-first-gw.count",
                "--target", "facility_power_mw@peak=1GW", "--group", "deployment:mi450-first-gw", "--format", "json");
        Schemas.assertValid("solve.schema.json", count.out(), "solve (count) --format json");
        // a relative target with --set
        CliResult relative = ok("solve", "amd-openai-6gw", "--set", "deployments.mi450-first-gw.utilization=0.6",
                "--vary", "sites.us-tx.electricity-price", "--target", "energy_cost_usd=2x", "--format", "json");
        Schemas.assertValid("solve.schema.json", relative.out(), "solve (relative) --format json");
    }

    @Test
    void catalog_json_followsSchemaAndIsVersioned() throws IOException {
        CliResult acc = ok("catalog", "--format", "json");
        Schemas.assertValid("catalog.schema.json", acc.out(), "catalog --format json");
        assertEquals("accelerators", JSON.readTree(acc.out()).path("kind").asText());
        CliResult sites = ok("catalog", "--sites", "--format", "json");
        Schemas.assertValid("catalog.schema.json", sites.out(), "catalog --sites --format json");
        assertEquals("sites", JSON.readTree(sites.out()).path("kind").asText());
    }

    @Test
    void formatConsts_schemas_equalCommandConstants() throws IOException {
        assertEquals(SolveCommand.JSON_FORMAT, formatConst("solve.schema.json"));
        assertEquals(SensitivityCommand.JSON_FORMAT, formatConst("sensitivity.schema.json"));
        assertEquals(CatalogCommand.JSON_FORMAT, formatConst("catalog.schema.json"));
    }

    private static String formatConst(String schema) throws IOException {
        return JSON.readTree(Schemas.SOURCE.resolve(schema).toFile()).at("/properties/format/const").asText();
    }

    /**
     * Every row of results-wide.csv: two dates a spreadsheet reads as dates, hours, the statistic, then a number
     * in every metric x group column, as many cells as header names.
     */
    static void assertWideTypesStable(Path wide, String statistic) throws IOException {
        List<String> rows = Files.readAllLines(wide);
        String[] header = rows.get(0).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertEquals(CsvWriter.WIDE_LEADING_COLUMNS, List.of(header).subList(0, 4));
        assertTrue(header.length >= 4 + Metric.COUNT, "a column per metric at least");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(header.length, cells.length, row);
            assertTrue(SPREADSHEET_DATE.matcher(cells[0]).matches() && SPREADSHEET_DATE.matcher(cells[1]).matches(), row);
            Double.parseDouble(cells[2]);
            assertEquals(statistic, cells[3]);
            for (int c = 4; c < cells.length; c++) {
                Double.parseDouble(cells[c]); // throws on text or an empty cell (the writer refuses NaN and infinity)
            }
        }
    }
}
