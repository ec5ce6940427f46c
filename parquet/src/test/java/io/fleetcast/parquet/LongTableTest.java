package io.fleetcast.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.write.CsvWriter;
import io.fleetcast.write.Format;
import io.fleetcast.write.OutputWriter;
import io.fleetcast.write.ScenarioResult;
import io.fleetcast.write.WriteFixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code results-long.parquet} of the writers' golden scenario, read back with DuckDB against its results-long.csv. */
class LongTableTest {

    @TempDir
    Path dir;

    private static ScenarioResult golden() throws Exception {
        return ScenarioResult.of(Fleetcast.project(Fleetcast.load(WriteFixtures.GOLDEN.resolve("small-fleet.yaml"))));
    }

    private Path writeParquet(ScenarioResult r, List<Grouping> groupings) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("set"));
        List<String> files = new ParquetFormat().writeScenario(r, WriteFixtures.RUN, Set.of(Format.PARQUET), groupings, folder);
        assertEquals(List.of("results-long.parquet"), files);
        return folder.resolve("results-long.parquet");
    }

    private static List<String> csvRows(ScenarioResult r, List<Grouping> groupings) throws IOException {
        StringWriter csv = new StringWriter();
        CsvWriter.writeLong(r, groupings, csv);
        List<String> lines = Arrays.asList(csv.toString().split("\n"));
        return lines.subList(1, lines.size());
    }

    @Test
    void write_goldenSmallFleet_sameRowsInTheSameOrderAsResultsLongCsv() throws Exception {
        ScenarioResult r = golden();
        Path file = writeParquet(r, OutputWriter.DEFAULT_GROUPINGS);
        assertEquals(csvRows(r, OutputWriter.DEFAULT_GROUPINGS), DuckDb.asCsvLines(file));
    }

    @Test
    void write_goldenSmallFleet_rowCountIsTheCsvsAndItsHandCount() throws Exception {
        ScenarioResult r = golden();
        Path file = writeParquet(r, OutputWriter.DEFAULT_GROUPINGS);
        // 25 metrics x (2 deployments + 1 deal + the total) x 3 months = 300 rows, as results-long.csv has below its header
        assertEquals(List.of(List.of("300")), DuckDb.query("select count(*) from " + DuckDb.table(file)));
        assertEquals(300, csvRows(r, OutputWriter.DEFAULT_GROUPINGS).size());
        // the committed golden CSV of the same scenario: 301 lines with the header
        assertEquals(301, Files.readAllLines(WriteFixtures.GOLDEN.resolve("small-fleet/results-long.csv")).size());
    }

    @Test
    void write_goldenSmallFleet_columnsOfTheCsvWithTypes() throws Exception {
        Path file = writeParquet(golden(), OutputWriter.DEFAULT_GROUPINGS);
        var types = DuckDb.types(file);
        assertEquals(CsvWriter.LONG_COLUMNS, List.copyOf(types.keySet()));
        for (String c : CsvWriter.LONG_COLUMNS) {
            String expected = switch (c) {
                case "period_start", "period_end" -> "TIMESTAMP WITH TIME ZONE";
                case "value" -> "DOUBLE";
                default -> "VARCHAR";
            };
            assertEquals(expected, types.get(c), c);
        }
    }

    @Test
    void write_goldenSmallFleet_handComputedEnergyOfTheOwnedDeployment() throws Exception {
        Path file = writeParquet(golden(), OutputWriter.DEFAULT_GROUPINGS);
        // owned-1k: 1,000 GPUs x 1,000 W all-in x (idle 0.5 + (1 - 0.5) x utilization 0.5) = 0.75 MW of IT power;
        // x PUE 1.5 = 1.125 MW facility; x 744 h (January) = 837 MWh, x 672 h (February 2026) = 756 MWh
        List<List<String>> rows = DuckDb.query("select period_start, value from " + DuckDb.table(file)
                + " where metric = 'energy_mwh' and grouping = 'deployment' and \"group\" = 'owned-1k'"
                + " and period_start < timestamptz '2026-03-01 00:00:00+00' order by period_start");
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(837.0, Double.parseDouble(rows.get(0).get(1)));
        assertEquals(756.0, Double.parseDouble(rows.get(1).get(1)));
        // the instant is midnight UTC whatever the reader's zone: 2026-01-01T00:00:00Z is 1,767,225,600 s after the epoch
        assertEquals(List.of(List.of("1767225600")),
                DuckDb.query("select min(epoch(period_start))::bigint from " + DuckDb.table(file)));
    }

    @Test
    void write_goldenSmallFleet_utcMicrosTimestampsDictionaryTextUncompressed() throws Exception {
        Path file = writeParquet(golden(), OutputWriter.DEFAULT_GROUPINGS);
        String t = DuckDb.table(file).replace("read_parquet", "parquet_schema");
        List<List<String>> start = DuckDb.query("select type, logical_type from " + t + " where name = 'period_start'");
        assertEquals("INT64", start.get(0).get(0));
        String logical = start.get(0).get(1);
        assertTrue(logical.contains("isAdjustedToUTC=1") || logical.contains("isAdjustedToUTC=true"), logical);
        assertTrue(logical.contains("MICROS"), logical);
        String m = DuckDb.table(file).replace("read_parquet", "parquet_metadata");
        for (List<String> r : DuckDb.query("select path_in_schema, encodings, compression from " + m)) {
            assertEquals("UNCOMPRESSED", r.get(2), r.toString());
            boolean dictionary = r.get(1).contains("DICTIONARY");
            assertEquals(!r.get(0).equals("value"), dictionary, r.toString());
        }
    }

    @Test
    void write_csvGroupingsGiven_theSameGroupingsAsTheCsv() throws Exception {
        ScenarioResult r = golden();
        List<Grouping> groupings = List.of(Grouping.TOTAL, Grouping.SITE);
        Path file = writeParquet(r, groupings);
        assertEquals(csvRows(r, groupings), DuckDb.asCsvLines(file));
        // 25 metrics x (the total + 1 site) x 3 months = 150 rows
        assertEquals(List.of(List.of("150")), DuckDb.query("select count(*) from " + DuckDb.table(file)));
    }

    @Test
    void writeScenario_folderMissing_throwsAndLeavesNothing() {
        Path missing = dir.resolve("no-such-folder");
        assertThrows(IOException.class, () -> new ParquetFormat().writeScenario(golden(), WriteFixtures.RUN,
                Set.of(Format.PARQUET), OutputWriter.DEFAULT_GROUPINGS, missing));
        assertFalse(Files.exists(missing));
    }

    @Test
    void schema_columnsOfTheLongCsvInOrder() {
        assertEquals(CsvWriter.LONG_COLUMNS, LongTable.SCHEMA.getFields().stream().map(f -> f.getName()).toList());
    }
}
