package io.fleetcast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The output and input contracts of docs/schemas/ (JSON Schema draft 2020-12), for tests: validates a document
 * against one schema with com.networknt:json-schema-validator. The schemas are read from the classpath (the
 * engine jar carries them under {@code io/fleetcast/schemas/}); their {@code $id}s
 * ({@code https://fleetcast.io/schemas/NAME}) are mapped there, so references between them resolve offline.
 */
public final class Schemas {

    /** Where the schemas are edited: the published copy under docs/ (tests run in engine/). */
    public static final Path SOURCE = Path.of("../docs/schemas");

    private static final String ID_PREFIX = "https://fleetcast.io/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:io/fleetcast/schemas/")));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /**
     * The problems of a document against a schema.
     *
     * @param schema the file name under docs/schemas, e.g. {@code results.schema.json}
     * @param json   the document
     * @return one line per problem (instance location and message); empty when valid
     */
    public static List<String> errors(String schema, String json) {
        Schema s = CACHE.computeIfAbsent(schema, name -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + name)));
        List<String> out = new ArrayList<>();
        for (Error e : s.validate(json, InputFormat.JSON)) {
            out.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return out;
    }

    /**
     * Fails with every problem when the document does not follow the schema.
     *
     * @param schema the file name under docs/schemas
     * @param json   the document
     * @param what   what the document is, for the message
     */
    public static void assertValid(String schema, String json, String what) {
        List<String> errors = errors(schema, json);
        if (!errors.isEmpty()) {
            fail(what + " does not follow " + schema + ":\n  " + String.join("\n  ", errors.subList(0, Math.min(20, errors.size()))));
        }
    }

    /**
     * A YAML file as the JSON a schema sees: mappings, sequences, and scalars typed as YAML 1.1 resolves
     * them (as the engine's reader does), except that timestamps stay text ({@code 2026-07-01}).
     *
     * @param yaml the YAML text
     * @return the JSON text
     */
    public static String yamlAsJson(String yaml) {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        try {
            return new ObjectMapper().writeValueAsString(json(root));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A YAML file read as JSON.
     *
     * @param file the file
     * @return the JSON text
     * @throws IOException when it cannot be read
     */
    public static String yamlFileAsJson(Path file) throws IOException {
        return yamlAsJson(Files.readString(file));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                o.set(((ScalarNode) t.getKeyNode()).getValue(), json(t.getValueNode()));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            for (Node item : s.getValue()) {
                a.add(json(item));
            }
            return a;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String v = scalar.getValue();
        if (Tag.INT.equals(tag)) {
            return f.numberNode(new BigDecimal(v.replace("_", "")));
        }
        if (Tag.FLOAT.equals(tag)) {
            return f.numberNode(new BigDecimal(v.replace("_", "")));
        }
        if (Tag.BOOL.equals(tag)) {
            return f.booleanNode(List.of("true", "yes", "on", "y").contains(v.toLowerCase(java.util.Locale.ROOT)));
        }
        if (Tag.NULL.equals(tag)) {
            return f.nullNode();
        }
        return f.textNode(v);
    }
}
