package io.fleetcast.bench;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.accumulate.FleetState;
import io.fleetcast.accumulate.FleetStates;
import io.fleetcast.cube.Cubes;
import io.fleetcast.plan.FleetPlan;
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
 * The whole default portfolio ({@value BenchScenarios#PORTFOLIO}: every deal, 96 monthly periods) in
 * expected mode, from a loaded scenario to the metric cube: {@link #project} is what
 * {@code Fleetcast.project(scenario, EXPECTED, 0)} costs a caller (target: 20 ms or less, issue 3).
 * {@link #plan}, {@link #state} and {@link #cube} split it into its stages (resolve; expected fleet state
 * from the age tables; metrics) so a regression points at its stage.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExpectedProjectionBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ExpectedProjectionBenchmark {

    /** Built-in scenario name. */
    @Param({BenchScenarios.PORTFOLIO})
    public String scenario;

    private Scenario loaded;
    private FleetPlan resolved;
    private FleetState expected;

    /**
     * Loads the scenario and precomputes each stage's input.
     *
     * @throws Exception never for the shipped scenario
     */
    @Setup
    public void setUp() throws Exception {
        loaded = Fleetcast.builtIn(scenario);
        resolved = FleetPlan.of(loaded);
        expected = FleetStates.expected(resolved);
    }

    /**
     * The whole projection through the public API.
     *
     * @return the projection
     */
    @Benchmark
    @DomainUnit("projections")
    @PerformanceTarget(minPerSecond = 50, description = "expected-mode portfolio in 20 ms or less (issue 3)")
    public Projection project() {
        return Fleetcast.project(loaded, io.fleetcast.model.Mode.EXPECTED, 0L);
    }

    /**
     * Stage 1: sizing and the cell grid.
     *
     * @return the plan
     */
    @Benchmark
    @DomainUnit("plans")
    public FleetPlan plan() {
        return FleetPlan.of(loaded);
    }

    /**
     * Stage 2: the expected fleet state.
     *
     * @return the state
     */
    @Benchmark
    @DomainUnit("states")
    public FleetState state() {
        return FleetStates.expected(resolved);
    }

    /**
     * Stage 3: the metric cube of a state.
     *
     * @return the cube
     */
    @Benchmark
    @DomainUnit("cubes")
    public MetricCube cube() {
        return Cubes.cube(resolved, expected);
    }
}
