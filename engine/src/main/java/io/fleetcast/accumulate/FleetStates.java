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
import java.util.concurrent.atomic.AtomicLong;

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
        SimulateRun run = new SimulateRun(plan, seed, support);
        int helpers = (int) Math.max(0, Math.min(ForkJoinPool.getCommonPoolParallelism(), run.tasks - 1));
        List<ForkJoinTask<?>> forked = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            forked.add(ForkJoinTask.adapt(() -> run.work(false)).fork());
        }
        Throwable failure = null;
        try {
            run.work(true);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (ForkJoinTask<?> f : forked) {
            try {
                f.join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure == null) {
            failure = run.failure;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return run.state;
    }

    /** Task buffers alive at once: twice the parallelism, so a core never waits for a slow task's partner. */
    static int window() {
        return Math.max(2, 2 * (ForkJoinPool.getCommonPoolParallelism() + 1));
    }

    /**
     * One simulate run's tasks, all deployments in one sequence (deployment by deployment, each cut into tasks of
     * {@link #BLOCKS_PER_TASK} blocks), claimed in order by the calling thread and the common pool's workers, each
     * sampled into one of {@link #window()} ring buffers; the buffers are added to their deployment's sum strictly
     * in task order (by whichever thread finishes the task that is next in that order), so the sums are the ones a
     * sequential loop makes, bit for bit, whatever the threads and their timing. Memory O(window x cells).
     *
     * <p>Why one sequence rather than a fork-join barrier per window of each deployment (the previous schedule:
     * same tasks, same bits): with 2 threads, the 20 deployments of 500,000 devices of the cold-run fleet made 40
     * barriers at each of which one core waited for the other's last task, and each finished deployment's
     * conversion and interruption draws (the first of which loads and runs Commons Statistics cold, 20-30 ms) ran
     * while the other core idled. Now a thread waits only when it is a whole window ahead of the oldest
     * unfinished task, and a deployment's interruptions run beside the next deployment's tasks.
     */
    private static final class SimulateRun {
        final FleetPlan plan;
        final long seed;
        final SimulateSupport support;
        final FleetState state;
        final int bufferSize;
        /** First task of each deployment; the number of tasks at {@code [deployments]}. */
        final long[] firstTask;
        final long tasks;
        final int window;
        /** Ring buffers. Guarded by {@code this} (handed to one task at a time). */
        final double[][] buffers;
        /** The task whose result waits in each ring buffer, or -1. Guarded by {@code this}. */
        final long[] done;
        /** The sum of the deployment being reduced. Guarded by {@code this}. */
        final double[] deployment;
        final AtomicLong next = new AtomicLong();
        /** Tasks added to their deployment's sum so far. Guarded by {@code this}. */
        long reduced;
        /** The deployment of task {@code reduced}. Guarded by {@code this}. */
        int reducing;
        volatile boolean stopped;
        volatile Throwable failure;

        SimulateRun(FleetPlan plan, long seed, SimulateSupport support) {
            this.plan = plan;
            this.seed = seed;
            this.support = support;
            CellGrid grid = plan.grid;
            bufferSize = SimulateKernels.ROWS * (grid.cells + 1);
            state = new FleetState(plan.deployments, grid.cells);
            firstTask = new long[plan.deployments + 1];
            for (int d = 0; d < plan.deployments; d++) {
                long blocks = (plan.count[d] + BLOCK_SIZE - 1) / BLOCK_SIZE;
                firstTask[d + 1] = firstTask[d] + (blocks + BLOCKS_PER_TASK - 1) / BLOCKS_PER_TASK;
            }
            tasks = firstTask[plan.deployments];
            window = window();
            buffers = new double[window][];
            done = new long[window];
            Arrays.fill(done, -1);
            deployment = new double[bufferSize];
        }

        /** The deployment of task {@code i}, searching from deployment {@code from} (a deployment without devices has no task). */
        int deploymentOf(long i, int from) {
            int d = from;
            while (firstTask[d + 1] <= i) {
                d++;
            }
            return d;
        }

        /** Stops every thread's loop at its next task; the first cause is the one rethrown. */
        void stop(Throwable cause) {
            synchronized (this) {
                if (failure == null) {
                    failure = cause;
                }
                stopped = true;
                notifyAll();
            }
        }

        /**
         * Claims and runs tasks until none are left. The caller's thread checks for its interrupt before each task
         * (a server's time budget: a few ms of work, not the whole fleet).
         *
         * @param caller whether this is the thread that called {@link #simulated}
         */
        void work(boolean caller) {
            double[] scratch = new double[SweepKernels.SCRATCH_DOUBLES];
            int d = 0;
            try {
                while (!stopped) {
                    long i = next.getAndIncrement();
                    if (i >= tasks) {
                        return;
                    }
                    d = deploymentOf(i, d);
                    if (caller && Thread.currentThread().isInterrupted()) {
                        stop(new java.util.concurrent.CancellationException("simulation interrupted at deployment " + d));
                        return;
                    }
                    int slot = (int) (i % window);
                    double[] buf;
                    synchronized (this) {
                        while (reduced <= i - window && !stopped) {
                            wait();
                        }
                        if (stopped) {
                            return;
                        }
                        if (buffers[slot] == null) {
                            buffers[slot] = new double[bufferSize];
                        }
                        buf = buffers[slot];
                    }
                    Arrays.fill(buf, 0);
                    long firstBlock = (i - firstTask[d]) * BLOCKS_PER_TASK;
                    long blocks = (plan.count[d] + BLOCK_SIZE - 1) / BLOCK_SIZE;
                    simulateBlocks(plan, d, seed, firstBlock, Math.min(blocks, firstBlock + BLOCKS_PER_TASK), support,
                            buf, scratch);
                    int finished;
                    synchronized (this) {
                        done[slot] = i;
                        finished = reduceReady();
                        notifyAll();
                    }
                    if (finished >= 0) {
                        // outside the lock, beside the other threads' tasks; touches deployment `finished`'s cells only
                        Interruptions.sampled(plan, seed, state, finished);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(new java.util.concurrent.CancellationException("simulation interrupted at deployment " + d));
            } catch (RuntimeException | Error e) {
                stop(e);
                throw e;
            }
        }

        /**
         * Adds every finished buffer that is next in task order to its deployment's sum, and converts a deployment
         * whose last task was added into its cells of the state. Called with the lock held.
         *
         * @return the last deployment completed by this call (whose interruptions the caller draws), or -1; an
         *         earlier one completed by the same call has its interruptions drawn here
         */
        private int reduceReady() {
            int finished = -1;
            while (reduced < tasks && done[(int) (reduced % window)] == reduced) {
                int slot = (int) (reduced % window);
                reducing = deploymentOf(reduced, reducing);
                DifferenceKernels.addScalar(buffers[slot], deployment);
                done[slot] = -1;
                reduced++;
                if (firstTask[reducing + 1] == reduced) {
                    toState(deployment, plan.grid, reducing, state);
                    Arrays.fill(deployment, 0);
                    if (finished >= 0) {
                        Interruptions.sampled(plan, seed, state, finished);
                    }
                    finished = reducing;
                }
            }
            return finished;
        }
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
