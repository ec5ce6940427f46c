package io.fleetcast.bench;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.accumulate.FleetState;
import io.fleetcast.accumulate.FleetStates;
import io.fleetcast.plan.FleetPlan;
import io.fleetcast.simulate.SimulateSupport;
import io.fleetcast.simulate.SimulateSupportProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulate mode: every device's lifecycle sampled (stratified install over the ramp, exponential
 * failures at AFR 5 % and 10 %, 72 h repairs, replacement, retirement at 6 years or the horizon) and
 * folded into difference arrays, over 120 monthly periods ({@link BenchScenarios#fleet(long)}), at
 * 10 thousand, 1 million and 10 million devices, in a 256 MB heap, on every core of the machine (the
 * engine runs device blocks on the common fork-join pool).
 *
 * <p>{@link #project} is the whole public call {@code Fleetcast.project(scenario, SIMULATE, seed)}
 * (target: 100 million devices/s or more at 10 million devices, issue 3), with the draws the engine
 * chose at start-up; {@link #fleetStateScalar} and {@link #fleetStateVector} are the sampling and folding
 * alone with each {@code SimulateSupport} implementation, side by side (they sample the same lifecycles). The
 * domain unit is devices per second, counted by {@link Devices}.
 * Allocation per device: {@code -prof gc}, gc.alloc.rate.norm divided by the devices.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulateBenchmark -p devices=10000000 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx256m"})
public class SimulateBenchmark {

    /** Devices in the fleet (split in half between the AFR 5 % and 10 % deployments). */
    @Param({"10000", "1000000", "10000000"})
    public long devices;

    /** Root seed; one fixed seed so every invocation samples the same work (no result is cached). */
    public long seed = 20260101L;

    private Scenario scenario;
    private FleetPlan plan;
    private SimulateSupport vector;

    /**
     * Counts the devices simulated, so JMH reports devices per second beside invocations per second.
     * The field is reset before each iteration.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Devices {
        /** Devices simulated in this iteration. */
        public long devices;

        /** Resets the count. */
        @Setup(Level.Iteration)
        public void reset() {
            devices = 0;
        }
    }

    /**
     * Builds the fleet and its plan once per trial.
     *
     * @throws IllegalStateException when the Vector API implementation is unavailable (the fork runs with
     *                               {@code --add-modules jdk.incubator.vector}, so it should not be)
     */
    @Setup
    public void setUp() {
        scenario = BenchScenarios.fleet(devices);
        plan = FleetPlan.of(scenario);
        vector = SimulateSupportProvider.vector().orElseThrow(
                () -> new IllegalStateException("the Vector API support is unavailable in this JVM"));
    }

    /**
     * The whole simulate-mode projection through the public API.
     *
     * @param counter device counter. Modified.
     * @return the projection
     */
    @Benchmark
    @DomainUnit(value = "devices", counter = "devices")
    @PerformanceTarget(minPerSecond = 100e6, params = "devices=10000000",
            description = "simulate 10M devices x 120 months, AFR 5-10 %, -Xmx256m: 100 M devices/s or more (issue 3)")
    public Projection project(Devices counter) {
        counter.devices += devices;
        return Fleetcast.project(scenario, io.fleetcast.model.Mode.SIMULATE, seed);
    }

    /**
     * Sampling and folding alone, from a resolved plan to the fleet state, with the scalar support (draws and fold).
     *
     * @param counter device counter. Modified.
     * @return the state
     */
    @Benchmark
    @DomainUnit(value = "devices", counter = "devices")
    public FleetState fleetStateScalar(Devices counter) {
        counter.devices += devices;
        return FleetStates.simulated(plan, seed, SimulateSupportProvider.scalar());
    }

    /**
     * Sampling and folding alone, with the Vector API support (the same lifecycles as the scalar twin).
     *
     * @param counter device counter. Modified.
     * @return the state
     */
    @Benchmark
    @DomainUnit(value = "devices", counter = "devices")
    public FleetState fleetStateVector(Devices counter) {
        counter.devices += devices;
        return FleetStates.simulated(plan, seed, vector);
    }
}
