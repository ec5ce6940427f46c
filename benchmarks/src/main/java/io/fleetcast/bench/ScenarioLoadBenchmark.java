package io.fleetcast.bench;

import io.fleetcast.model.Scenario;
import io.fleetcast.plan.FleetPlan;
import io.fleetcast.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the default portfolio: parse the YAML, validate it and its catalog and sites files, resolve
 * units, overrides and defaults ({@link #parseValidate}), then resolve every size to a count and build
 * the primitive-array plan the kernels run on ({@link #parseValidateResolve}). Files come from the
 * classpath (the benchmarks jar) and are copied once into a temporary folder, because the engine keeps every built-in
 * model file it has read (composed YAML trees, and the resolved built-in scenarios) for the JVM's life: timing
 * {@code readBuiltIn} would time a map lookup (0.04 ms). From files, every invocation reads, composes and validates the
 * scenario and the 175 KB of catalog and sites YAML it names, as {@code fleetcast run my-scenario.yaml} does.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScenarioLoadBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Ten warm-up seconds: with five, some forks still ran their measured iterations at 9 ms before C2 settled at 5.7.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ScenarioLoadBenchmark {

    /** Built-in scenario name. */
    @Param({BenchScenarios.PORTFOLIO})
    public String scenario;

    private ScenarioReader reader;
    private Path folder;
    private Path file;

    /**
     * Creates the (stateless) reader and copies the scenario and the catalog and sites files it names
     * ({@code ../accelerators.yaml}, {@code ../sites.yaml}) out of the jar.
     *
     * @throws IOException when the temporary folder cannot be written
     */
    @Setup
    public void setUp() throws IOException {
        reader = new ScenarioReader();
        folder = Files.createTempDirectory("fleetcast-bench-load");
        Files.createDirectories(folder.resolve("scenarios"));
        for (String name : List.of("accelerators.yaml", "sites.yaml", "scenarios/" + scenario + ".yaml")) {
            try (InputStream in = ScenarioLoadBenchmark.class.getClassLoader().getResourceAsStream("models/" + name)) {
                if (in == null) {
                    throw new IOException("models/" + name + " is not in the benchmarks jar");
                }
                Files.copy(in, folder.resolve(name));
            }
        }
        file = folder.resolve("scenarios/" + scenario + ".yaml");
    }

    /**
     * Deletes the copies.
     *
     * @throws IOException when they cannot be deleted
     */
    @TearDown
    public void tearDown() throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Parse and validate.
     *
     * @return the scenario
     * @throws Exception never for the shipped scenario
     */
    @Benchmark
    @DomainUnit("scenarios")
    public Scenario parseValidate() throws Exception {
        return reader.read(file);
    }

    /**
     * Parse, validate and resolve into the plan.
     *
     * @return the plan
     * @throws Exception never for the shipped scenario
     */
    @Benchmark
    @DomainUnit("scenarios")
    public FleetPlan parseValidateResolve() throws Exception {
        return FleetPlan.of(reader.read(file));
    }
}
