package io.fleetcast.bench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a baseline: a JMH result file (so {@link JmhResultReader} reads it like any other) without the
 * per-iteration data ({@code rawData}, {@code rawDataHistogram}, {@code scorePercentiles}), which the
 * comparison does not use and which would make the committed file several times larger.
 */
final class BaselineFile {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BaselineFile() {}

    /**
     * Copies a JMH result into a compact baseline.
     *
     * @param results the JMH result file. Not modified.
     * @param baseline the baseline to create or replace, atomically
     * @throws IOException when either file cannot be read or written
     */
    static void write(Path results, Path baseline) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(results.toFile());
        } catch (JacksonException e) {
            throw new ReportInputException(results + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        for (JsonNode result : root) {
            strip(result.get("primaryMetric"));
            JsonNode secondary = result.get("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
                    strip(metric.getValue());
                }
            }
        }
        AtomicOutput.write(baseline, out -> MAPPER.writeValue(out, root));
    }

    private static void strip(JsonNode metric) {
        if (metric instanceof ObjectNode object) {
            object.remove("rawData");
            object.remove("rawDataHistogram");
            object.remove("scorePercentiles");
        }
    }
}
