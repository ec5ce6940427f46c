package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.ModelField;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.scenario.Unit;
import io.fleetcast.write.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schemas in docs/schemas/ hold no hand-copied lists: the metric ids of results.schema.json and the
 * unit symbols of units.schema.json are the engine's enums ({@link Metric}, {@link Unit}). When an enum
 * changes, regenerate them with
 * {@code ./mvnw -B -q -o -pl engine test -Dtest=SchemaContractTest -Dfc.updateSchemas=true} and look at the diff.
 */
class SchemaContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The metric ids in the engine's order. */
    static List<String> metricIds() {
        List<String> ids = new ArrayList<>();
        for (Metric m : Metric.values()) {
            ids.add(m.id());
        }
        return ids;
    }

    /**
     * The pattern of a quantity written as text: the engine's number syntax ({@code Quantity.parse}), optional
     * spaces, and one unit symbol of {@link Unit}, longest first so that alternation never stops early.
     */
    static String quantityPattern() {
        List<String> symbols = new ArrayList<>();
        for (Unit u : Unit.values()) {
            if (!u.symbol().isEmpty()) {
                symbols.add(u.symbol());
            }
        }
        symbols.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
        StringBuilder alternation = new StringBuilder();
        for (String s : symbols) {
            if (!alternation.isEmpty()) {
                alternation.append('|');
            }
            alternation.append(s.replaceAll("([\\\\.^$|?*+()\\[\\]{}])", "\\\\$1"));
        }
        return "^\\s*[+-]?(\\d(_?\\d)*(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*(" + alternation + ")?\\s*$";
    }

    @Test
    void metricIdsAndDeploymentFields_resultsSchema_equalEngineTables() throws IOException {
        Path file = Schemas.SOURCE.resolve("results.schema.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String ids = JSON.writeValueAsString(metricIds());
        String fields = JSON.writeValueAsString(deploymentFieldNames());
        if (Boolean.getBoolean("fc.updateSchemas")) {
            text = replaceValue(text, "\"metric_id\"", "\"enum\"", ids);
            text = replaceValue(text, "\"metric_map\"", "\"required\"", ids);
            text = replaceValue(text, "\"deployment_field_name\"", "\"enum\"", fields);
            text = replaceValue(text, "\"deployment_fields\"", "\"required\"", fields);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        JsonNode defs = JSON.readTree(text).path("$defs");
        String hint = " (regenerate: -Dtest=SchemaContractTest -Dfc.updateSchemas=true)";
        assertEquals(metricIds(), strings(defs.path("metric_id").path("enum")), "$defs.metric_id.enum" + hint);
        assertEquals(metricIds(), strings(defs.path("metric_map").path("required")), "$defs.metric_map.required" + hint);
        assertEquals(deploymentFieldNames(), strings(defs.path("deployment_field_name").path("enum")),
                "$defs.deployment_field_name.enum" + hint);
        assertEquals(deploymentFieldNames(), strings(defs.path("deployment_fields").path("required")),
                "$defs.deployment_fields.required" + hint);
    }

    /** The JSON names of the numeric deployment fields, in table order. */
    static List<String> deploymentFieldNames() {
        List<String> names = new ArrayList<>();
        for (ModelField f : ModelField.of(ModelField.Owner.DEPLOYMENT)) {
            names.add(f.jsonName());
        }
        return names;
    }

    @Test
    void quantityPattern_unitsSchema_equalsUnitEnum() throws IOException {
        Path file = Schemas.SOURCE.resolve("units.schema.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("fc.updateSchemas")) {
            text = replaceValue(text, "\"quantity\"", "\"pattern\"", JSON.writeValueAsString(quantityPattern()));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        JsonNode quantity = JSON.readTree(text).path("$defs").path("quantity").path("anyOf").get(1);
        assertEquals(quantityPattern(), quantity.path("pattern").asText(),
                "units.schema.json $defs.quantity pattern (regenerate: -Dtest=SchemaContractTest -Dfc.updateSchemas=true)");
    }

    @Test
    void quantityPattern_writtenQuantities_matchExactlyThoseQuantityParseAccepts() {
        Pattern p = Pattern.compile(quantityPattern());
        // accepted by Quantity.parse: a unit of the set, or none
        for (String ok : List.of("6 GW", "55 USD/MWh", "5 %/year", "0.11 1/year", "38e9 USD", "1_000", "2.4USD/h", "-3 months")) {
            assertTrue(p.matcher(ok).matches(), ok);
        }
        // rejected by Quantity.parse: an unknown unit, a unit without a number
        for (String bad : List.of("6 gigawatts", "GW", "5 %/month", "12 parsecs")) {
            assertFalse(p.matcher(bad).matches(), bad);
        }
    }

    @Test
    void formatConst_resultsSchema_equalsJsonWriterFormat() throws IOException {
        JsonNode schema = JSON.readTree(Schemas.SOURCE.resolve("results.schema.json").toFile());
        assertEquals(JsonWriter.FORMAT, schema.path("properties").path("format").path("const").asText());
    }

    @Test
    void publishedSchemas_classpathCopies_identical() throws IOException {
        // the engine jar carries docs/schemas/ under io/fleetcast/schemas/: the copy a consumer validates with
        try (var files = Files.list(Schemas.SOURCE)) {
            for (Path f : files.toList()) {
                try (var in = SchemaContractTest.class.getResourceAsStream("/io/fleetcast/schemas/" + f.getFileName())) {
                    assertTrue(in != null, "not on the classpath: " + f.getFileName());
                    assertEquals(Files.readString(f, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            f.getFileName() + ": rebuild (process-resources) after editing docs/schemas");
                }
            }
        }
    }

    @Test
    void goldenResults_resultsSchema_valid() throws IOException {
        Schemas.assertValid("results.schema.json",
                Files.readString(Path.of("src/test/resources/golden/small-fleet/results.json")), "golden results.json");
    }

    @Test
    void results_missingMetric_rejected() throws IOException {
        // the schema, not only the writer, holds every metric: drop one from the totals and it must fail
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Path.of("src/test/resources/golden/small-fleet/results.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("summary").path("totals")).remove(Metric.TCO_USD.id());
        List<String> errors = Schemas.errors("results.schema.json", JSON.writeValueAsString(doc));
        assertFalse(errors.isEmpty());
        assertTrue(errors.toString().contains("tco_usd"), errors.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }

    /**
     * Replaces the JSON value of the first {@code key} after {@code anchor} (an array or a string) with
     * {@code value}, keeping the rest of the file as written.
     */
    static String replaceValue(String text, String anchor, String key, String value) {
        int a = text.indexOf(anchor);
        int k = text.indexOf(key + ":", a);
        if (a < 0 || k < 0) {
            throw new IllegalStateException("no " + key + " after " + anchor);
        }
        int start = text.indexOf(':', k) + 1;
        while (text.charAt(start) == ' ') {
            start++;
        }
        int end;
        if (text.charAt(start) == '[') {
            end = text.indexOf(']', start) + 1;
        } else if (text.charAt(start) == '"') {
            end = start + 1;
            while (text.charAt(end) != '"') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            end++;
        } else {
            throw new IllegalStateException("not an array or a string at " + key);
        }
        String written = text.charAt(start) == '[' ? value.replace("\",\"", "\", \"") : value;
        return text.substring(0, start) + written + text.substring(end);
    }
}
