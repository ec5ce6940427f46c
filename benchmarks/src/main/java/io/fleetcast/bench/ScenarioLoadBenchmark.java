package io.fleetcast.bench;

import io.fleetcast.model.Scenario;
import io.fleetcast.plan.FleetPlan;
import io.fleetcast.scenario.ScenarioReader;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the default portfolio: parse the YAML, validate it and its catalog and sites files, resolve
 * units, overrides and defaults ({@link #parseValidate}), then resolve every size to a count and build
 * the primitive-array plan the kernels run on ({@link #parseValidateResolve}). Files come from the
 * classpath (the benchmarks jar), as {@code fleetcast run openai-portfolio} reads them.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScenarioLoadBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ScenarioLoadBenchmark {

    /** Built-in scenario name. */
    @Param({BenchScenarios.PORTFOLIO})
    public String scenario;

    private ScenarioReader reader;

    /** Creates the (stateless) reader once. */
    @Setup
    public void setUp() {
        reader = new ScenarioReader();
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
        return reader.readBuiltIn(scenario);
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
        return FleetPlan.of(reader.readBuiltIn(scenario));
    }
}
