package io.fleetcast.bench;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The scalar and vector simulate kernels timed back to back inside one invocation, for the CI gate's
 * vector / scalar ratio ({@code RatioGate}): each invocation samples {@link BenchScenarios#fleet(long)} with
 * 1 million devices (120 months, AFR 5 and 10 %) once with each {@code SimulateSupport}, alternating which goes
 * first, and adds the two durations to the {@link Times} counters. A ratio of two figures measured a few
 * milliseconds apart barely moves when other builds load the machine, where two benchmarks run a minute apart
 * see different loads (a recorded quick run on the busy 2-core machine gave vector / scalar 2.8 at 1 M devices
 * and 6.8 at 10 M from the separate {@code SimulateBenchmark} methods, against 3.3 on a quiet machine).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KernelPairBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx256m"})
public class KernelPairBenchmark {

    /** Devices of the fleet sampled by each kernel per invocation. */
    static final long DEVICES = 1_000_000L;

    private FleetPlan plan;
    private SimulateSupport vector;
    private long seed = 20260101L;
    private boolean vectorFirst;

    /**
     * Nanoseconds spent in each kernel during an iteration (JMH reports the per-iteration sums); the gate
     * divides them per iteration.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        /** Nanoseconds in the scalar kernel this iteration. */
        public long scalarNanos;
        /** Nanoseconds in the vector kernel this iteration. */
        public long vectorNanos;

        /** Resets the sums. */
        @Setup(Level.Iteration)
        public void reset() {
            scalarNanos = 0;
            vectorNanos = 0;
        }
    }

    /**
     * Resolves the fleet once.
     *
     * @throws IllegalStateException when the Vector API support is unavailable in the fork
     */
    @Setup
    public void setUp() {
        plan = FleetPlan.of(BenchScenarios.fleet(DEVICES));
        vector = SimulateSupportProvider.vector().orElseThrow(
                () -> new IllegalStateException("the Vector API support is unavailable in this JVM"));
    }

    /**
     * Both kernels on the same fleet, back to back.
     *
     * @param times the per-iteration sums. Modified.
     * @param sink  takes both states
     */
    @Benchmark
    @DomainUnit("kernel pairs")
    public void scalarThenVector(Times times, Blackhole sink) {
        vectorFirst = !vectorFirst;
        if (vectorFirst) {
            long a = System.nanoTime();
            FleetState v = FleetStates.simulated(plan, seed, vector);
            long b = System.nanoTime();
            FleetState s = FleetStates.simulated(plan, seed, SimulateSupportProvider.scalar());
            long c = System.nanoTime();
            times.vectorNanos += b - a;
            times.scalarNanos += c - b;
            sink.consume(v);
            sink.consume(s);
        } else {
            long a = System.nanoTime();
            FleetState s = FleetStates.simulated(plan, seed, SimulateSupportProvider.scalar());
            long b = System.nanoTime();
            FleetState v = FleetStates.simulated(plan, seed, vector);
            long c = System.nanoTime();
            times.scalarNanos += b - a;
            times.vectorNanos += c - b;
            sink.consume(s);
            sink.consume(v);
        }
    }
}
