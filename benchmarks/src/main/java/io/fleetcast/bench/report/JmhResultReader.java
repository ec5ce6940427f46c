package io.fleetcast.bench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the JSON that JMH writes with {@code -rf json -rff FILE}: a top-level array with one object
 * per (method, parameter combination). Used for both the fresh result and the committed baseline,
 * which is simply an earlier result file.
 */
public final class JmhResultReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhResultReader() {}

    /**
     * Reads a JMH result file.
     *
     * @param file the file; not modified
     * @return the results in file order
     * @throws ReportInputException when the file is missing, is not JSON, or is not a JMH result array
     */
    public static List<JmhResult> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ReportInputException(file + ": no such file (expected a JMH result written with -rf json)", e);
        } catch (IOException e) {
            throw new ReportInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JMH result from a stream.
     *
     * @param in the JSON; read to the end, not closed
     * @param source the name used in error messages
     * @return the results in file order
     * @throws ReportInputException when the content is not a JMH result array
     */
    public static List<JmhResult> read(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new ReportInputException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ReportInputException(source + ": empty file (expected a JMH result array)");
        }
        if (!root.isArray()) {
            throw new ReportInputException(source + ": expected a JSON array of JMH results, found " + root.getNodeType());
        }
        List<JmhResult> results = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            results.add(result(root.get(i), source + "[" + i + "]"));
        }
        return Collections.unmodifiableList(results);
    }

    private static JmhResult result(JsonNode node, String where) {
        String benchmark = text(node, "benchmark", where);
        String mode = text(node, "mode", where);
        Map<String, String> params = new TreeMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null && paramsNode.isObject()) {
            for (Map.Entry<String, JsonNode> field : paramsNode.properties()) {
                params.put(field.getKey(), field.getValue().asText());
            }
        }
        JsonNode primaryNode = node.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw new ReportInputException(where + ".primaryMetric: missing (is this a JMH result file?)");
        }
        JmhResult.Metric primary = metric(primaryNode, where + ".primaryMetric");
        Map<String, JmhResult.Metric> secondary = new LinkedHashMap<>();
        JsonNode secondaryNode = node.get("secondaryMetrics");
        if (secondaryNode != null && secondaryNode.isObject()) {
            for (Map.Entry<String, JsonNode> field : secondaryNode.properties()) {
                secondary.put(field.getKey(), metric(field.getValue(), where + ".secondaryMetrics." + field.getKey()));
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        JsonNode argsNode = node.get("jvmArgs");
        if (argsNode != null && argsNode.isArray()) {
            for (int i = 0; i < argsNode.size(); i++) {
                jvmArgs.add(argsNode.get(i).asText());
            }
        }
        JmhResult.RunSettings settings = new JmhResult.RunSettings(
                node.path("jmhVersion").asText("?"),
                node.path("forks").asInt(0),
                node.path("threads").asInt(1),
                node.path("warmupIterations").asInt(0),
                node.path("warmupTime").asText("?"),
                node.path("measurementIterations").asInt(0),
                node.path("measurementTime").asText("?"),
                List.copyOf(jvmArgs));
        JmhResult.JvmInfo jvm = new JmhResult.JvmInfo(
                node.path("jvm").asText("?"),
                node.path("jdkVersion").asText("?"),
                node.path("vmName").asText("?"),
                node.path("vmVersion").asText("?"));
        return new JmhResult(benchmark, mode, Collections.unmodifiableMap(params), primary,
                Collections.unmodifiableMap(secondary), settings, jvm);
    }

    private static JmhResult.Metric metric(JsonNode node, String where) {
        JsonNode score = node.get("score");
        if (score == null) {
            throw new ReportInputException(where + ".score: missing");
        }
        List<double[]> forks = new ArrayList<>();
        JsonNode raw = node.get("rawData");
        if (raw != null && raw.isArray()) {
            for (int f = 0; f < raw.size(); f++) {
                JsonNode fork = raw.get(f);
                double[] samples = new double[fork.size()];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = number(fork.get(i), where + ".rawData[" + f + "][" + i + "]");
                }
                forks.add(samples);
            }
        }
        return new JmhResult.Metric(number(score, where + ".score"), number(node.get("scoreError"), where + ".scoreError"),
                node.path("scoreUnit").asText(""), forks);
    }

    /** JMH writes "NaN" as a string when an error cannot be computed (one iteration). */
    private static double number(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                throw new ReportInputException(where + ": expected a number, found \"" + node.asText() + "\"", e);
            }
        }
        throw new ReportInputException(where + ": expected a number, found " + node.getNodeType());
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new ReportInputException(where + "." + field + ": missing (is this a JMH result file?)");
        }
        return value.asText();
    }
}
