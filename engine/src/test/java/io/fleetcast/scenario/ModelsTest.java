package io.fleetcast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Confidence;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the shipped {@code models/} folder (read from disk, so a new file is covered without
 * touching this test) loads without a problem, and the catalog and sites cite a source and a confidence for
 * every figure, as the format promises.
 */
class ModelsTest {
    /** The models folder, seen from the engine module (surefire runs in engine/). */
    private static final Path MODELS = Path.of("..", "models");

    private static List<Path> yamlFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> read_everyShippedScenario_loadsWithoutProblems() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : yamlFiles(MODELS.resolve("scenarios"))) {
            tests.add(dynamicTest(f.getFileName().toString(), () -> {
                Scenario s = new ScenarioReader().read(f);
                assertFalse(s.deployments().isEmpty());
                String name = f.getFileName().toString().replace(".yaml", "");
                // the built-in copy on the classpath is the same file
                Scenario builtIn = new ScenarioReader().readBuiltIn(name);
                assertEquals(s.origin().get().sha256(), builtIn.origin().get().sha256(),
                        "classpath copy of " + f + " is stale: rebuild");
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> validate_everyValidationCase_loadsWithoutProblems() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : yamlFiles(MODELS.resolve("validation"))) {
            tests.add(dynamicTest(f.getFileName().toString(), () -> ModelFiles.validate(f.toString())));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> read_shippedCatalogAndSites_everyFigureSourced() {
        Path accelerators = MODELS.resolve("accelerators.yaml");
        Path sites = MODELS.resolve("sites.yaml");
        List<DynamicTest> tests = new ArrayList<>();
        if (Files.isRegularFile(accelerators)) {
            tests.add(dynamicTest("accelerators.yaml", () -> {
                Map<String, Accelerator> all = CatalogReader.readAccelerators(accelerators);
                assertFalse(all.isEmpty());
                for (Accelerator a : all.values()) {
                    assertSourced(a.id(), a.provenance());
                }
            }));
        }
        if (Files.isRegularFile(sites)) {
            tests.add(dynamicTest("sites.yaml", () -> {
                Map<String, Site> all = CatalogReader.readSites(sites);
                assertFalse(all.isEmpty());
                for (Site s : all.values()) {
                    assertSourced(s.id(), s.provenance());
                }
            }));
        }
        return tests;
    }

    private static void assertSourced(String id, Map<String, Provenance> provenance) {
        for (Map.Entry<String, Provenance> e : provenance.entrySet()) {
            Provenance p = e.getValue();
            assertTrue(p.confidence() != Confidence.UNSOURCED && !p.source().isBlank(),
                    id + "." + e.getKey() + " has no source or confidence");
        }
    }
}
