package io.fleetcast.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The input contracts (docs/schemas/scenario, accelerators, sites, units): every shipped model file follows
 * them, and their field names are the reader's ({@link ScenarioReader}, {@link ModelSpecs},
 * {@link UncertaintyReader}), so the schema cannot drift from what the engine reads.
 */
class ScenarioSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODELS = Path.of("../models");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static List<Path> yaml(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void shippedScenarios_scenarioSchema_valid() throws IOException {
        List<Path> files = new ArrayList<>(yaml(MODELS.resolve("scenarios")));
        files.addAll(yaml(MODELS.resolve("validation")));
        files.add(GOLDEN.resolve("small-fleet.yaml"));
        files.add(GOLDEN.resolve("small-fleet-b.yaml"));
        assertTrue(files.size() >= 14, files.toString());
        for (Path f : files) {
            Schemas.assertValid("scenario.schema.json", Schemas.yamlFileAsJson(f), f.toString());
        }
    }

    @Test
    void shippedCatalogs_acceleratorsAndSitesSchemas_valid() throws IOException {
        Schemas.assertValid("accelerators.schema.json", Schemas.yamlFileAsJson(MODELS.resolve("accelerators.yaml")), "models/accelerators.yaml");
        Schemas.assertValid("sites.schema.json", Schemas.yamlFileAsJson(MODELS.resolve("sites.yaml")), "models/sites.yaml");
        Schemas.assertValid("accelerators.schema.json", Schemas.yamlFileAsJson(GOLDEN.resolve("small-accelerators.yaml")), "small-accelerators.yaml");
        Schemas.assertValid("sites.schema.json", Schemas.yamlFileAsJson(GOLDEN.resolve("small-sites.yaml")), "small-sites.yaml");
    }

    @Test
    void scenario_unknownFieldTwoSizesBadUnit_rejected() {
        String yaml = """
                scenario: bad
                description: three mistakes
                start: 2026-01
                horizon: 12 parsecs
                deployments:
                  - id: a
                    accelerator: h100
                    site: us-tx
                    size: { count: 5, budget: 1e9 USD }
                    start: 2026-01
                    utilisation: 0.7
                """;
        String errors = Schemas.errors("scenario.schema.json", Schemas.yamlAsJson(yaml)).toString();
        assertTrue(errors.contains("/horizon"), errors);
        assertTrue(errors.contains("/deployments/0/size"), errors);
        assertTrue(errors.contains("utilisation"), errors);
    }

    @Test
    void scenarioSchema_fieldNames_equalReaderKeys() throws IOException {
        JsonNode schema = JSON.readTree(Schemas.SOURCE.resolve("scenario.schema.json").toFile());
        assertEquals(set(ScenarioReader.TOP_KEYS), names(schema.path("properties")));
        JsonNode deployment = schema.path("$defs").path("deployment");
        assertEquals(set(ScenarioReader.DEPLOYMENT_KEYS), names(deployment.path("properties")));
        assertEquals(set(ScenarioReader.SIZE_KEYS), names(deployment.path("properties").path("size").path("properties")));
        assertEquals(set(UncertaintyReader.KEYS), names(schema.path("$defs").path("distribution").path("properties")));
    }

    @Test
    void catalogSchemas_fieldNames_equalModelSpecs() throws IOException {
        JsonNode acc = JSON.readTree(Schemas.SOURCE.resolve("accelerators.schema.json").toFile()).path("$defs");
        List<String> accFields = new ArrayList<>(ModelSpecs.ACCELERATOR_TEXTS);
        List<String> accRequired = new ArrayList<>(List.of("id"));
        accRequired.addAll(ModelSpecs.ACCELERATOR_TEXTS);
        for (Spec s : ModelSpecs.ACCELERATOR) {
            accFields.add(s.key());
            if (s.required()) {
                accRequired.add(s.key());
            }
        }
        assertEquals(set(accFields), names(acc.path("fields").path("properties")));
        assertEquals(set(accRequired), strings(acc.path("entry").path("required")));

        JsonNode sites = JSON.readTree(Schemas.SOURCE.resolve("sites.schema.json").toFile()).path("$defs");
        List<String> siteFields = new ArrayList<>(ModelSpecs.SITE_TEXTS);
        siteFields.add(ModelSpecs.SITE_PUE.key());
        List<String> siteRequired = new ArrayList<>(List.of("id", ModelSpecs.SITE_PUE.key()));
        siteRequired.addAll(ModelSpecs.SITE_TEXTS);
        for (Spec s : ModelSpecs.SITE) {
            siteFields.add(s.key());
            if (s.required()) {
                siteRequired.add(s.key());
            }
        }
        assertEquals(set(siteFields), names(sites.path("fields").path("properties")));
        assertEquals(set(siteRequired), strings(sites.path("entry").path("required")));
    }

    @Test
    void yamlAsJson_norwayIdAndDates_typedAsTheReaderSeesThem() {
        // YAML 1.1: a bare no is false (hence "no" in quotes in sites.yaml); a date stays text for the schema
        String json = Schemas.yamlAsJson("a: no\nb: \"no\"\nc: 2026-07-01\nd: 6 GW\ne: 0.7\n");
        assertEquals("{\"a\":false,\"b\":\"no\",\"c\":\"2026-07-01\",\"d\":\"6 GW\",\"e\":0.7}", json);
        assertFalse(json.contains("Date"));
    }

    private static Set<String> set(List<String> list) {
        return new TreeSet<>(list);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
