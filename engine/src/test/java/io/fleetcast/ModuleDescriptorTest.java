package io.fleetcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Metric;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as a named module ({@code module-info.java}), as a consumer on the module path meets it. The tests
 * themselves run on the class path, so this one resolves {@code target/classes} and the engine's runtime jars
 * into a module layer of its own (which also checks that every {@code requires} is satisfied) and calls the facade
 * there: built-in scenarios are resources in the module's encapsulated {@code models} folder, and the result
 * writer looks up its format plug-ins with a {@code uses} clause.
 */
class ModuleDescriptorTest {

    private static final String ENGINE = "io.fleetcast.engine";

    private static ModuleLayer layer() throws Exception {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of("target/classes"));
        paths.addAll(RuntimeClasspathTest.runtimeClasspath());
        ModuleFinder finder = ModuleFinder.of(paths.toArray(Path[]::new));
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of(ENGINE));
        return ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void descriptor_engine_exportsTheFacadeTheModelAndTheAnalysesOnly() throws Exception {
        ModuleDescriptor d = layer().findModule(ENGINE).orElseThrow().getDescriptor();
        Set<String> exported = new TreeSet<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            assertFalse(e.isQualified(), "no qualified export: " + e);
            exported.add(e.source());
        }
        assertEquals(Set.of("io.fleetcast", "io.fleetcast.analyse", "io.fleetcast.model"), exported);
        assertTrue(d.opens().isEmpty(), "nothing is opened for reflection: " + d.opens());
        boolean vectorStatic = false;
        for (ModuleDescriptor.Requires r : d.requires()) {
            if (r.name().equals("jdk.incubator.vector")) {
                vectorStatic = r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC);
            }
        }
        assertTrue(vectorStatic, "the Vector API is optional at run time: requires static jdk.incubator.vector");
        assertTrue(d.uses().contains("io.fleetcast.write.FormatWriter"), "the writer's plug-ins are a service: " + d.uses());
    }

    @Test
    void project_builtInScenarioInTheModule_sameTotalsAsOnTheClassPath(@TempDir Path tmp) throws Exception {
        ModuleLayer layer = layer();
        Module engine = layer.findModule(ENGINE).orElseThrow();
        assertFalse(engine.isExported("io.fleetcast.simulate"), "the kernels are internal");
        ClassLoader loader = layer.findLoader(ENGINE);
        Class<?> facade = loader.loadClass("io.fleetcast.Fleetcast");
        Class<?> scenarioType = loader.loadClass("io.fleetcast.model.Scenario");
        Class<?> projectionType = loader.loadClass("io.fleetcast.model.Projection");
        Class<?> metricType = loader.loadClass("io.fleetcast.model.Metric");

        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) facade.getMethod("builtInNames").invoke(null);
        assertTrue(names.contains("openai-portfolio"), "built-in names listed from inside the module: " + names);
        Object scenario = facade.getMethod("builtIn", String.class).invoke(null, "openai-portfolio");
        Object projection = facade.getMethod("project", scenarioType).invoke(null, scenario);
        Object summary = projectionType.getMethod("summary").invoke(projection);
        Method total = summary.getClass().getMethod("total", metricType);
        Object tco = total.invoke(summary, metricType.getField("TCO_USD").get(null));

        // the same projection on the class path, as every other test runs it: the module changes no number
        double expected = Fleetcast.project(Fleetcast.builtIn("openai-portfolio")).summary().total(Metric.TCO_USD);
        assertEquals(expected, (double) tco, 0.0);

        @SuppressWarnings("unchecked")
        List<Path> files = (List<Path>) facade.getMethod("writeResults", projectionType, Path.class).invoke(null, projection, tmp);
        assertTrue(Files.isRegularFile(tmp.resolve("openai-portfolio/results.json")), files.toString());
    }
}
