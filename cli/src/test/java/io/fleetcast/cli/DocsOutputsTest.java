package io.fleetcast.cli;

import io.fleetcast.model.Metric;
import io.fleetcast.write.Comparison;
import io.fleetcast.write.CsvWriter;
import io.fleetcast.write.Headline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/outputs.md documents every metric and every CSV column the writers and commands produce. */
class DocsOutputsTest {

    private static final Path DOC = Path.of("../docs/outputs.md");

    @Test
    void outputsDoc_everyMetricAndCsvColumn_documented() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (Metric m : Metric.values()) {
            names.add(m.id());
        }
        names.addAll(CsvWriter.LONG_COLUMNS);
        names.addAll(CsvWriter.WIDE_LEADING_COLUMNS);
        names.addAll(Comparison.LEADING_COLUMNS);
        for (Headline h : Headline.ALL) {
            names.add(h.figure());
        }
        names.addAll(header("sensitivity", "amd-openai-6gw", "--metric", "tco_usd", "--runs", "10", "--format", "csv", "--quiet"));
        names.addAll(header("catalog", "--format", "csv"));
        names.addAll(header("catalog", "--sites", "--format", "csv"));
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!doc.contains("`" + name + "`")) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "not documented in docs/outputs.md");
    }

    private static List<String> header(String... args) {
        CliResult r = CliResult.run(args);
        assertEquals(0, r.code(), r.err());
        return List.of(r.out().split("\\R")[0].split(","));
    }
}
