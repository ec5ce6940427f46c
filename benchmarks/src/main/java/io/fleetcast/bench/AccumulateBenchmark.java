package io.fleetcast.bench;

import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Step;
import io.fleetcast.accumulate.DifferenceKernels;
import io.fleetcast.plan.CellGrid;
import io.fleetcast.plan.FleetPlan;
import io.fleetcast.simulate.SimulateKernels;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The accumulate stage's difference arrays at sizes that cross the caches of the machine (L1d 32 KB,
 * L2 1 MB, L3 32 MB shared on the benchmark machine): a buffer of {@code SimulateKernels.ROWS} rows
 * of {@code cells + 1} doubles, for a monthly grid of 120 cells (8.7 KB, L1), a daily grid of 2,920
 * (210 KB, L2), an hourly grid of 4 years (35,064 cells, 2.5 MB, L3) and of 40 years (350,640 cells,
 * 25 MB, beyond what L3 holds beside the rest).
 *
 * <ul>
 *   <li>{@link #scatter}: {@value #INTERVALS} intervals (seeded; start uniform over the horizon, length
 *       exponential with a mean of 2,000 h) located on the grid ({@code CellGrid.cellOf}) and added with
 *       {@code SimulateKernels.addInterval}: four scatter-adds each. Unit: intervals.</li>
 *   <li>{@link #prefix}: the buffer's three full/partial row pairs turned into hours per cell
 *       ({@code DifferenceKernels.prefixHoursScalar}). Unit: cells (one per row pair and cell).</li>
 *   <li>{@link #merge}: one task buffer added into a deployment buffer ({@code DifferenceKernels.addScalar}),
 *       as the simulate driver does for every task. Unit: cells (buffer doubles).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AccumulateBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AccumulateBenchmark {

    /** Intervals scattered per invocation. */
    public static final int INTERVALS = 100_000;

    /** The grid: step and number of cells. */
    @Param({"months-120", "days-2920", "hours-35064", "hours-350640"})
    public String grid;

    /** Seed of the intervals. */
    public long seed = 42L;

    private CellGrid cells;
    private double[] buffer;
    private double[] target;
    private double[] hours;
    private double[] starts;
    private double[] ends;

    /** Counts cells processed, for the units of {@link #prefix} and {@link #merge}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cells {
        /** Cells processed in this iteration. */
        public long cells;

        /** Resets the count. */
        @Setup(Level.Iteration)
        public void reset() {
            cells = 0;
        }
    }

    /** Builds the grid and the seeded intervals. */
    @Setup
    public void setUp() {
        String[] parts = grid.split("-");
        int n = Integer.parseInt(parts[1]);
        ScenarioBuilder builder = ScenarioBuilder.scenario("accumulate").start(2026, 1);
        switch (parts[0]) {
            case "months" -> builder.horizonMonths(n).step(Step.MONTH);
            case "days" -> builder.horizonHours(24.0 * n).step(Step.DAY);
            case "hours" -> builder.horizonHours(n).step(Step.HOUR);
            default -> throw new IllegalArgumentException("grid: expected months-N, days-N or hours-N, got " + grid);
        }
        Scenario scenario = builder
                .accelerator(ScenarioBuilder.accelerator("gpu").allInPowerW(1000).build())
                .site(ScenarioBuilder.site("site").build())
                .deployment(ScenarioBuilder.deployment("d", "gpu", "site").count(1))
                .build();
        cells = FleetPlan.of(scenario).grid;
        int stride = cells.cells + 1;
        buffer = new double[SimulateKernels.ROWS * stride];
        target = new double[buffer.length];
        hours = new double[cells.cells];
        starts = new double[INTERVALS];
        ends = new double[INTERVALS];
        SplittableRandom random = new SplittableRandom(seed);
        double horizon = cells.horizonHours;
        for (int i = 0; i < INTERVALS; i++) {
            starts[i] = random.nextDouble() * horizon;
            ends[i] = Math.min(horizon, starts[i] - 2000 * Math.log(1 - random.nextDouble()));
        }
    }

    /**
     * Locate and scatter-add every interval into the slot rows.
     *
     * @return the buffer
     */
    @Benchmark
    @OperationsPerInvocation(INTERVALS)
    @DomainUnit("intervals")
    public double[] scatter() {
        double[] acc = buffer;
        int stride = cells.cells + 1;
        int full = SimulateKernels.ROW_SLOT_FULL * stride;
        int part = SimulateKernels.ROW_SLOT_PART * stride;
        double[] bounds = cells.bounds;
        for (int i = 0; i < INTERVALS; i++) {
            double a = starts[i];
            double b = ends[i];
            SimulateKernels.addInterval(acc, full, part, bounds, a, cells.cellOf(a), b, cells.cellOf(b));
        }
        return acc;
    }

    /**
     * Prefix sums of the three row pairs into hours per cell.
     *
     * @param counter cells processed. Modified.
     * @return the hours of the last pair
     */
    @Benchmark
    @DomainUnit(value = "cells", counter = "cells")
    public double[] prefix(Cells counter) {
        int stride = cells.cells + 1;
        DifferenceKernels.prefixHoursScalar(buffer, SimulateKernels.ROW_SLOT_FULL * stride,
                SimulateKernels.ROW_SLOT_PART * stride, cells.bounds, cells.cells, hours, 0);
        DifferenceKernels.prefixHoursScalar(buffer, SimulateKernels.ROW_DOWN_FULL * stride,
                SimulateKernels.ROW_DOWN_PART * stride, cells.bounds, cells.cells, hours, 0);
        DifferenceKernels.prefixHoursScalar(buffer, SimulateKernels.ROW_FACILITY_FULL * stride,
                SimulateKernels.ROW_FACILITY_PART * stride, cells.bounds, cells.cells, hours, 0);
        counter.cells += 3L * cells.cells;
        return hours;
    }

    /**
     * Add a task buffer into a deployment buffer.
     *
     * @param counter cells processed. Modified.
     * @return the deployment buffer
     */
    @Benchmark
    @DomainUnit(value = "cells", counter = "cells")
    public double[] merge(Cells counter) {
        DifferenceKernels.addScalar(buffer, target);
        counter.cells += buffer.length;
        return target;
    }

    /** Keeps the buffers' magnitudes bounded across iterations (scatter and merge only ever add). */
    @Setup(Level.Iteration)
    public void clear() {
        Arrays.fill(buffer, 0);
        Arrays.fill(target, 0);
    }
}
