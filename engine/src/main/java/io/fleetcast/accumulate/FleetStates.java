package io.fleetcast.accumulate;

import io.fleetcast.plan.CellGrid;
import io.fleetcast.plan.FleetPlan;
import io.fleetcast.simulate.AgeTable;
import io.fleetcast.simulate.AgeTables;
import io.fleetcast.simulate.CounterStreams;
import io.fleetcast.simulate.SimulateSupport;
import io.fleetcast.simulate.SimulateSupportProvider;
import io.fleetcast.simulate.ExpectedKernels;
import io.fleetcast.simulate.SimulateKernels;
import io.fleetcast.simulate.SweepKernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Produces the {@link FleetState} of a plan in either mode.
 *
 * <p>Simulate: each deployment's slots are cut into blocks of {@link #BLOCK_SIZE}; consecutive
 * blocks form tasks of {@link #BLOCKS_PER_TASK} that run in parallel on the common fork-join pool, each into
 * its own buffer, and buffers are added in task order. A task samples its slots with
 * {@link SweepKernels#simulateBlockSweep} from counter-based streams ({@link CounterStreams}: every slot's
 * draws depend on (seed, deployment, slot) only), drawn and folded by the {@link SimulateSupport} that
 * {@link SimulateSupportProvider#forDevices} picks (Vector API or its scalar twin, same lifecycles). The split depends only on
 * the counts, so the result is the same bit for bit whatever the number of threads. At most
 * {@link #window()} task buffers and scratch rows and one deployment buffer are alive: memory O(cells), not
 * O(devices).
 */
public final class FleetStates {

    /** Devices per block: the unit the simulate work is cut into (streams are per device, so any size gives the same draws). */
    static final int BLOCK_SIZE = 4096;

    /** Blocks per parallel task: 16 x 4096 = 65,536 devices, coarse enough to amortize scheduling. */
    static final int BLOCKS_PER_TASK = 16;

    private FleetStates() {
    }

    /**
     * The expected fleet state: no sampling.
     *
     * @param plan the plan
     * @return the state
     */
    public static FleetState expected(FleetPlan plan) {
        CellGrid grid = plan.grid;
        FleetState state = new FleetState(plan.deployments, grid.cells);
        AgeTable[] tables = ageTables(plan);
        for (int d = 0; d < plan.deployments; d++) {
            ExpectedKernels.deploymentScalar(plan, d, tables[d], state.installs, state.slotHours, state.upHours,
                    state.failures, state.warrantyFailures, state.facilityHours, d * grid.cells);
        }
        Interruptions.expected(plan, state);
        return state;
    }

    /**
     * One age table per deployment, shared between deployments with the same failure process and repair
     * time, each long enough for the oldest slot that uses it.
     *
     * @param plan the plan
     * @return tables indexed by deployment
     */
    public static AgeTable[] ageTables(FleetPlan plan) {
        record Key(double rate, double shape, double scale, double repair) {
        }
        double horizon = plan.grid.horizonHours;
        Map<Key, Double> maxAge = new HashMap<>();
        Key[] keys = new Key[plan.deployments];
        for (int d = 0; d < plan.deployments; d++) {
            boolean exponential = plan.weibullShape[d] == 1.0;
            Key k = new Key(plan.failureRate[d], exponential ? 1.0 : plan.weibullShape[d],
                    exponential ? 0 : plan.weibullScale[d], plan.repairHours[d]);
            keys[d] = k;
            double age = Math.min(plan.slotLifeHours[d], horizon - plan.startHour[d]);
            maxAge.merge(k, age, Math::max);
        }
        AgeTable[] out = new AgeTable[plan.deployments];
        for (int d = 0; d < plan.deployments; d++) {
            Key k = keys[d];
            double age = maxAge.get(k);
            TableKey key = new TableKey(k.rate(), k.shape(), k.scale(), k.repair(), age);
            AgeTable t = TABLES.get(key);
            if (t == null) {
                t = k.shape() == 1.0 ? AgeTables.exponential(k.rate(), k.repair(), age)
                        : AgeTables.weibull(k.shape(), k.scale(), k.repair(), age);
                if (TABLES.size() >= MAX_TABLES) {
                    TABLES.clear();     // a Monte Carlo over an uncertain failure rate makes a new table per run
                }
                TABLES.put(key, t);
            }
            out[d] = t;
        }
        return out;
    }

    /** What an age table is a function of. */
    private record TableKey(double rate, double shape, double scale, double repair, double maxAge) {
    }

    /**
     * Age tables built so far, shared by every projection in the JVM (a table is immutable and a pure function of
     * its key): a server projecting the same scenario again, or Monte Carlo runs whose failure inputs do not vary,
     * build each once. Exponential tables were a tenth of a served expected projection (JFR, JDK 25); a Weibull table
     * is a convolution of millions of multiply-adds. At most {@link #MAX_TABLES} (about 175 KB each for ten years).
     */
    private static final java.util.concurrent.ConcurrentHashMap<TableKey, AgeTable> TABLES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_TABLES = 64;

    /**
     * A sampled fleet state: every device's lifecycle drawn from streams derived from the seed, by the
     * kernel {@link SimulateSupportProvider#forDevices} picks for the plan's fleet size (a function of the
     * plan and the {@code fleetcast.simd} policy, never of timing: the same input gives the same bits).
     *
     * @param plan the plan
     * @param seed root seed
     * @return the state
     */
    public static FleetState simulated(FleetPlan plan, long seed) {
        return simulated(plan, seed, SimulateSupportProvider.forDevices(totalSlots(plan)));
    }

    /**
     * The slots a simulated run of the plan samples (the work that picks its kernel).
     *
     * @param plan the plan
     * @return the sum of the deployments' counts
     */
    static long totalSlots(FleetPlan plan) {
        long total = 0;
        for (int d = 0; d < plan.deployments; d++) {
            total += plan.count[d];
        }
        return total;
    }

    /**
     * A sampled fleet state with a given {@link SimulateSupport} (benchmarks and parity tests compare the
     * implementations: they sample the same lifecycles).
     *
     * @param plan  the plan
     * @param seed  root seed
     * @param support draws and fold, scalar or vector
     * @return the state
     */
    public static FleetState simulated(FleetPlan plan, long seed, SimulateSupport support) {
        CellGrid grid = plan.grid;
        int cells = grid.cells;
        int stride = cells + 1;
        int bufferSize = SimulateKernels.ROWS * stride;
        FleetState state = new FleetState(plan.deployments, cells);
        int window = window();
        double[][] buffers = new double[window][];
        double[][] scratches = new double[window][];
        double[] deployment = new double[bufferSize];
        for (int d = 0; d < plan.deployments; d++) {
            Arrays.fill(deployment, 0);
            long n = plan.count[d];
            long blocks = (n + BLOCK_SIZE - 1) / BLOCK_SIZE;
            long tasks = (blocks + BLOCKS_PER_TASK - 1) / BLOCKS_PER_TASK;
            for (long first = 0; first < tasks; first += window) {
                // an interrupt of the calling thread (a server's time budget, a cancelled request) stops the
                // simulation between windows of tasks (a few ms of work), not after the whole fleet
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("simulation interrupted at deployment " + d);
                }
                int inWindow = (int) Math.min(window, tasks - first);
                List<ForkJoinTask<?>> running = new ArrayList<>(inWindow);
                for (int w = 0; w < inWindow; w++) {
                    if (buffers[w] == null) {
                        buffers[w] = new double[bufferSize];
                    }
                    if (scratches[w] == null) {
                        scratches[w] = new double[SweepKernels.SCRATCH_DOUBLES];
                    }
                    double[] buf = buffers[w];
                    double[] scratch = scratches[w];
                    Arrays.fill(buf, 0);
                    long firstBlock = (first + w) * BLOCKS_PER_TASK;
                    long lastBlock = Math.min(blocks, firstBlock + BLOCKS_PER_TASK);
                    int dep = d;
                    running.add(ForkJoinTask.adapt(
                            () -> simulateBlocks(plan, dep, seed, firstBlock, lastBlock, support, buf, scratch)));
                }
                ForkJoinTask.invokeAll(running);
                for (int w = 0; w < inWindow; w++) {
                    DifferenceKernels.addScalar(buffers[w], deployment);
                }
            }
            toState(deployment, grid, d, state);
        }
        Interruptions.sampled(plan, seed, state);
        return state;
    }

    /** Task buffers alive at once: twice the parallelism, so a core never waits for a slow task's partner. */
    static int window() {
        return Math.max(2, 2 * (ForkJoinPool.getCommonPoolParallelism() + 1));
    }

    private static void simulateBlocks(FleetPlan plan, int d, long seed, long firstBlock, long lastBlock, SimulateSupport support,
                                       double[] buf, double[] scratch) {
        // One sweep over the task's slots: counter-based streams need no per-block generator, and the
        // sweep's running cells carry across block boundaries.
        long firstSlot = firstBlock * BLOCK_SIZE;
        long endSlot = Math.min(plan.count[d], lastBlock * BLOCK_SIZE);
        SweepKernels.simulateBlockSweep(plan, d, CounterStreams.deploymentKey(seed, d), firstSlot,
                (int) (endSlot - firstSlot), support, scratch, buf);
    }

    /**
     * Converts a deployment's difference buffer into its rows of the state.
     *
     * @param acc   the deployment's buffer (layout of {@link SimulateKernels}). Not modified.
     * @param grid  the grid. Not modified.
     * @param d     deployment index
     * @param state the state. Modified (deployment {@code d}'s cells).
     */
    static void toState(double[] acc, CellGrid grid, int d, FleetState state) {
        int cells = grid.cells;
        int stride = cells + 1;
        int off = d * cells;
        System.arraycopy(acc, SimulateKernels.ROW_INSTALLS * stride, state.installs, off, cells);
        System.arraycopy(acc, SimulateKernels.ROW_FAILURES * stride, state.failures, off, cells);
        System.arraycopy(acc, SimulateKernels.ROW_WARRANTY_FAILURES * stride, state.warrantyFailures, off, cells);
        DifferenceKernels.prefixHoursScalar(acc, SimulateKernels.ROW_SLOT_FULL * stride, SimulateKernels.ROW_SLOT_PART * stride,
                grid.bounds, cells, state.slotHours, off);
        DifferenceKernels.prefixHoursScalar(acc, SimulateKernels.ROW_DOWN_FULL * stride, SimulateKernels.ROW_DOWN_PART * stride,
                grid.bounds, cells, state.upHours, off);
        for (int c = 0; c < cells; c++) {
            // up = slot - down; rounding can leave -1e-12 where a repair covers a whole cell
            state.upHours[off + c] = Math.max(0, state.slotHours[off + c] - state.upHours[off + c]);
        }
        DifferenceKernels.prefixHoursScalar(acc, SimulateKernels.ROW_FACILITY_FULL * stride, SimulateKernels.ROW_FACILITY_PART * stride,
                grid.bounds, cells, state.facilityHours, off);
    }
}
