package io.fleetcast.analyse;

import io.fleetcast.pipeline.Pipeline;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Monte Carlo over a scenario's uncertain inputs: N runs, each a pure function of (scenario, mode, seed,
 * run index), spread over worker threads, folded into mean and quantile bands per metric x group x
 * period and per summary figure.
 *
 * <p>Run {@code i}: draw every uncertain input from the stream {@link RunStreams#inputStream(long, int)}
 * (one number per input, in file order), apply the draws to the scenario through the compiled
 * {@link ScenarioEditor}, project it ({@link Pipeline#project(Scenario, Mode, long)}, with the device seed
 * {@link RunStreams#deviceSeed(long, int)} in simulate mode), and keep the run's cube row, summary row,
 * input draws and optional probe value in slot {@code i}. Because no run reads another's stream and every
 * reduction walks runs in index order, the same seed gives the same bits with 1 thread or 64.
 *
 * <p>Memory: the sampled inputs ({@code runs x inputs} doubles), summary rows ({@code runs x }
 * {@link SummaryCells#COUNT} doubles) and each run's resolved sizing and peak devices in repair
 * ({@code 4 x runs x deployments} doubles: count, IT MW, facility MW and peak in repair, behind
 * {@link MonteCarloResult#sizing()}) are always kept. Cube bands are exact when the cube rows of all runs fit in
 * {@link Options#memoryBudgetBytes()} ({@code runs x Metric.COUNT x groups x periods x 8} bytes, 25 metrics;
 * default 512 MiB: e.g. 1,000 runs of 110 months take 22 MB by total, but 660 MB by 30 groups); otherwise the
 * runs go through in blocks that fit, folded in run order into {@link StreamingBands} (P² estimates, 316 bytes
 * per cell for five quantiles; its measured error is stated on that class), and
 * {@link MonteCarloResult#bandsExact()} says so. The budget is a fixed number, not a share of the heap,
 * so the choice (and so the numbers) does not depend on the JVM's settings.
 */
public final class MonteCarlo {

    /** Default memory budget for keeping every run's cube: 512 MiB. */
    public static final long DEFAULT_MEMORY_BUDGET = 512L << 20;

    /** Reads one number of a run's projection, kept per run (for sensitivity on any metric). */
    @FunctionalInterface
    public interface RunProbe {
        /**
         * The number to keep for this run.
         *
         * @param projection the run's projection
         * @return a finite value
         */
        double value(Projection projection);
    }

    /**
     * How a Monte Carlo is run, beyond the scenario, mode and settings.
     *
     * @param grouping          the grouping of the banded cube
     * @param threads           worker threads, at least 1 (results do not depend on it)
     * @param memoryBudgetBytes most bytes to hold every run's cube row for exact bands
     * @param progress          told of each finished run
     * @param probe             a number to keep per run, or null
     */
    public record Options(Grouping grouping, int threads, long memoryBudgetBytes, ProgressListener progress,
                          RunProbe probe) {

        /** Checks the values. */
        public Options {
            Objects.requireNonNull(grouping, "grouping");
            Objects.requireNonNull(progress, "progress");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
            if (memoryBudgetBytes < 0) {
                throw new IllegalArgumentException("memory budget must be >= 0, was " + memoryBudgetBytes);
            }
        }

        /**
         * Defaults: bands of the total (one group: what the headline P10/P50/P90 questions ask; per-deal
         * bands multiply the reduction work by the number of deals), the given thread count, a 512 MiB
         * budget, no progress, no probe.
         *
         * @param threads worker threads
         * @return the options
         */
        public static Options of(int threads) {
            return new Options(Grouping.TOTAL, threads, DEFAULT_MEMORY_BUDGET, ProgressListener.NONE, null);
        }

        /**
         * The same options with another grouping.
         *
         * @param g the grouping of the cube bands (the summary bands do not depend on it)
         * @return new options
         */
        public Options withGrouping(Grouping g) {
            return new Options(g, threads, memoryBudgetBytes, progress, probe);
        }

        /**
         * The same options with another progress listener.
         *
         * @param p told of the runs done as they finish
         * @return new options
         */
        public Options withProgress(ProgressListener p) {
            return new Options(grouping, threads, memoryBudgetBytes, p, probe);
        }

        /**
         * The same options with a probe.
         *
         * @param p reads a value from each run's projection, kept per run (the sensitivity analysis reads its metric
         *          this way)
         * @return new options
         */
        public Options withProbe(RunProbe p) {
            return new Options(grouping, threads, memoryBudgetBytes, progress, p);
        }

        /**
         * The same options with another memory budget.
         *
         * @param bytes bytes the cube bands may hold while reducing; past it the quantiles are P² estimates
         * @return new options
         */
        public Options withMemoryBudget(long bytes) {
            return new Options(grouping, threads, bytes, progress, probe);
        }
    }

    private MonteCarlo() {
    }

    /**
     * Runs a Monte Carlo with bands of the total, no progress and the default memory budget: the entry
     * point of the benchmarks.
     *
     * @param scenario the scenario, with its {@code uncertainty:} block
     * @param mode     expected or simulate
     * @param settings runs, seed, quantiles
     * @param threads  worker threads, at least 1
     * @return the bands and the sampled inputs
     */
    public static MonteCarloResult run(Scenario scenario, Mode mode, MonteCarloSettings settings, int threads) {
        return run(scenario, mode, settings, Options.of(threads));
    }

    /**
     * Runs a Monte Carlo.
     *
     * @param scenario the scenario, with its {@code uncertainty:} block (none: every run is the same)
     * @param mode     expected or simulate
     * @param settings runs, seed, quantiles (ascending, in (0, 1))
     * @param options  grouping, threads, memory budget, progress, probe
     * @return the bands and the sampled inputs
     * @throws IllegalArgumentException when the quantiles are not ascending in (0, 1), an uncertain input cannot be
     *                                  compiled, the per-run figures would not fit in the heap (checked before any
     *                                  run), or a run's scenario cannot be projected (the message names the run and
     *                                  its sampled inputs)
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted; the workers stop
     *                                  at their next run
     */
    public static MonteCarloResult run(Scenario scenario, Mode mode, MonteCarloSettings settings, Options options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        double[] probabilities = settings.quantiles();
        for (int q = 0; q < probabilities.length; q++) {
            if (!(probabilities[q] > 0 && probabilities[q] < 1) || (q > 0 && !(probabilities[q] > probabilities[q - 1]))) {
                throw new IllegalArgumentException("quantiles must be ascending and inside (0, 1), got "
                        + java.util.Arrays.toString(probabilities));
            }
        }
        UncertainInputs inputs = UncertainInputs.of(scenario);
        Timeline timeline = Timeline.of(scenario);
        List<ResolvedDeployment> sizing = Pipeline.sizing(scenario);
        List<String> groups = groupsOf(sizing, options.grouping());
        List<String> deploymentIds = groupsOf(sizing, Grouping.DEPLOYMENT);
        int runs = settings.runs();
        int cells = cellsOf(groups.size(), timeline);
        int deploymentCells = cellsOf(deploymentIds.size(), timeline);
        boolean separateMean = options.grouping() != Grouping.DEPLOYMENT;
        long exactBytes = (long) runs * cells * Double.BYTES;
        boolean exact = exactBytes <= options.memoryBudgetBytes();
        checkMemory(runs, inputs.size(), deploymentIds.size(), cells, deploymentCells, exact ? exactBytes : 0,
                Runtime.getRuntime().maxMemory());
        // Runs go in blocks; after each block the by-deployment rows are added, in run order, to the
        // sum behind the mean projection, and (streaming) the band rows are folded. Neither the block
        // size nor the thread count changes any sum's order, so neither changes a bit of the result.
        int block;
        if (exact) {
            block = Math.min(runs, Math.max(64, 8 * options.threads()));
        } else {
            long perRun = (long) (cells + (separateMean ? deploymentCells : 0)) * Double.BYTES;
            block = (int) Math.max(1, Math.min(runs, options.memoryBudgetBytes() / perRun));
        }

        RunState state = new RunState(scenario, mode, settings.seed(), inputs, options, groups, deploymentIds, cells,
                deploymentCells, runs, exact ? runs : block, separateMean ? block : 0);
        double[] meanSum = new double[deploymentCells];
        double[] meanFirst = new double[deploymentCells];
        options.progress().begin(scenario.name() + ": " + runs + " " + mode.id() + " runs", runs);
        try (Parallel parallel = new Parallel(options.threads())) {
            StreamingBands streaming = exact ? null : new StreamingBands(cells, probabilities);
            for (int from = 0; from < runs; from += block) {
                int to = Math.min(runs, from + block);
                state.runBlock(from, to, parallel);
                state.foldMean(from, to, meanFirst, meanSum, parallel);
                if (streaming != null) {
                    streaming.fold(state.rows, to - from, parallel);
                }
            }
            Bands cubeBands = exact ? Bands.reduceExact(state.rows, cells, probabilities, parallel) : streaming.result();
            double[][] summaryRows = new double[runs][];
            for (int r = 0; r < runs; r++) {
                summaryRows[r] = java.util.Arrays.copyOfRange(state.summary, r * SummaryCells.COUNT,
                        (r + 1) * SummaryCells.COUNT);
            }
            Bands summaryBands = Bands.reduceExact(summaryRows, SummaryCells.COUNT, probabilities, parallel);
            double[] mean = new double[deploymentCells];
            for (int c = 0; c < deploymentCells; c++) {
                mean[c] = meanFirst[c] + meanSum[c] / runs;
            }
            Projection meanProjection = new Projection(scenario, mode, settings.seed(), sizing,
                    MetricCube.of(Grouping.DEPLOYMENT, deploymentIds, timeline, mean));
            MonteCarloResult.Sizing sizingStats = MonteCarloResult.Sizing.of(runs, deploymentIds.size(),
                    state.counts, state.itMw, state.facilityMw, state.peakInRepair);
            long bandBytes = exact ? exactBytes : StreamingBands.bytesPerCell(probabilities.length) * cells
                    + (long) block * cells * Double.BYTES;
            return new MonteCarloResult(scenario, mode, settings, options.grouping(), groups, timeline, inputs,
                    state.inputs, state.summary, options.probe() != null ? state.probe : null, cubeBands,
                    summaryBands, meanProjection, sizingStats, exact, bandBytes);
        } finally {
            options.progress().end();
        }
    }

    /**
     * Refuses, before any work, a Monte Carlo whose per-run figures cannot fit in the heap: each run keeps its
     * summary figures (twice, for the exact summary bands), its sampled inputs and its resolved sizing, whatever
     * the band grouping, so 10 million runs need gigabytes (issue #9: they ran out of memory after minutes).
     *
     * @param runs            runs
     * @param inputs          uncertain inputs
     * @param deployments     deployments
     * @param cells           band cells (metric x group x period)
     * @param deploymentCells cells of the mean projection
     * @param exactBandBytes  bytes of the exact band rows, 0 when streaming
     * @param heap            the JVM's maximum heap, bytes
     * @throws IllegalArgumentException with the estimate, the heap and the largest number of runs that fits
     */
    static void checkMemory(long runs, int inputs, int deployments, int cells, int deploymentCells, long exactBandBytes,
                            long heap) {
        long perRun = (long) Double.BYTES * (2L * SummaryCells.COUNT + inputs + 4L * deployments) + 32;
        long fixed = (long) Double.BYTES * (4L * deploymentCells + 2L * cells);
        long need = runs * perRun + exactBandBytes + fixed;
        long usable = heap / 10 * 8;
        if (need > usable) {
            long fits = Math.max(0, (usable - fixed - Math.min(exactBandBytes, usable / 2)) / (perRun + (exactBandBytes > 0
                    ? (long) cells * Double.BYTES : 0)));
            throw new IllegalArgumentException(runs + " runs need about " + gib(need) + " of memory (" + perRun
                    + " bytes per run for its summary figures, inputs and sizing" + (exactBandBytes > 0 ? ", plus "
                    + gib(exactBandBytes) + " of exact bands" : "") + "), more than the " + gib(heap)
                    + " heap allows; use at most about " + fits + " runs, or a larger heap (FLEETCAST_JAVA_OPTS=-Xmx...)");
        }
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, bytes >= (1L << 30) ? "%.1f GiB" : "%.0f MiB",
                bytes >= (1L << 30) ? bytes / (double) (1L << 30) : bytes / (double) (1L << 20));
    }

    static int cellsOf(int groups, Timeline timeline) {
        long cells = (long) Metric.COUNT * groups * timeline.periods();
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a cube of " + cells + " cells is too large to band");
        }
        return (int) cells;
    }

    /** The group names of a grouping, in order of first appearance among the deployments. */
    static List<String> groupsOf(Scenario scenario, Grouping grouping) {
        return groupsOf(Pipeline.sizing(scenario), grouping);
    }

    static List<String> groupsOf(List<ResolvedDeployment> sizing, Grouping grouping) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (int i = 0; i < sizing.size(); i++) {
            names.add(sizing.get(i).group(grouping));
        }
        return List.copyOf(names);
    }

    /** What the workers share: per-run slots they write, and the rows of the block in flight. */
    private static final class RunState {
        /**
         * The thread that called {@link #run}: its interrupt (a server's time budget, a cancelled job, Ctrl-C in an
         * embedding tool) stops the workers at the next run with a
         * {@link java.util.concurrent.CancellationException}.
         */
        private final Thread caller = Thread.currentThread();
        final Scenario scenario;
        final Mode mode;
        final long seed;
        final UncertainInputs uncertain;
        final Options options;
        final List<String> groups;
        final List<String> deploymentIds;
        final int cells;
        final int deploymentCells;
        final int k;
        /** Sampled inputs, {@code inputs[run * k + input]}. */
        final double[] inputs;
        /** Summary rows, {@code summary[run * SummaryCells.COUNT + cell]}. */
        final double[] summary;
        final double[] probe;
        /** Each run's resolved count per deployment, {@code counts[run * deployments + deployment]}. */
        final double[] counts;
        /** Each run's IT MW at full load per deployment, same layout as {@link #counts}. */
        final double[] itMw;
        /** Each run's facility MW at the design PUE per deployment, same layout as {@link #counts}. */
        final double[] facilityMw;
        /** Each run's highest period average of devices in repair per deployment, same layout as {@link #counts}. */
        final double[] peakInRepair;
        /**
         * Band rows: every run's ({@code rows[run]}) when the bands are exact, else the block's
         * ({@code rows[run - blockStart]}).
         */
        final double[][] rows;
        final boolean rowsPerBlock;
        /**
         * The block's by-deployment rows, {@code deploymentRows[run - blockStart]}; empty when the bands are by
         * deployment.
         */
        final double[][] deploymentRows;
        int blockStart;

        RunState(Scenario scenario, Mode mode, long seed, UncertainInputs uncertain, Options options,
                 List<String> groups, List<String> deploymentIds, int cells, int deploymentCells, int runs,
                 int bandRows, int deploymentRowCount) {
            this.scenario = scenario;
            this.mode = mode;
            this.seed = seed;
            this.uncertain = uncertain;
            this.options = options;
            this.groups = groups;
            this.deploymentIds = deploymentIds;
            this.cells = cells;
            this.deploymentCells = deploymentCells;
            this.k = uncertain.size();
            this.inputs = new double[Math.multiplyExact(runs, k)];
            this.summary = new double[Math.multiplyExact(runs, SummaryCells.COUNT)];
            this.probe = new double[runs];
            int sized = Math.multiplyExact(runs, deploymentIds.size());
            this.counts = new double[sized];
            this.itMw = new double[sized];
            this.facilityMw = new double[sized];
            this.peakInRepair = new double[sized];
            this.rows = new double[bandRows][];
            this.rowsPerBlock = bandRows < runs;
            this.deploymentRows = new double[deploymentRowCount][];
        }

        private int bandRow(int run) {
            return rowsPerBlock ? run - blockStart : run;
        }

        void runBlock(int from, int to, Parallel parallel) {
            blockStart = from;
            AtomicInteger next = new AtomicInteger(from);
            parallel.forEachWorker(worker -> {
                double[] draws = new double[k];
                for (int run = next.getAndIncrement(); run < to; run = next.getAndIncrement()) {
                    if (caller.isInterrupted()) {
                        throw new java.util.concurrent.CancellationException("Monte Carlo interrupted at run " + run);
                    }
                    runOne(run, draws);
                    options.progress().advance(1);
                }
            });
        }

        /** Adds the block's by-deployment rows to the sum, run by run in order, cells split over threads. */
        void foldMean(int from, int to, double[] first, double[] sum, Parallel parallel) {
            boolean own = deploymentRows.length > 0;
            parallel.forRange(deploymentCells, (lo, hi) -> {
                for (int r = from; r < to; r++) {
                    double[] row = own ? deploymentRows[r - from] : rows[bandRow(r)];
                    if (r == 0) {
                        System.arraycopy(row, lo, first, lo, hi - lo);
                    }
                    for (int c = lo; c < hi; c++) {
                        sum[c] += row[c] - first[c];
                    }
                }
            });
        }

        private static double[] reuse(double[][] slots, int i, int length) {
            double[] row = slots[i];
            if (row == null || row.length != length) {
                row = new double[length];
                slots[i] = row;
            }
            return row;
        }

        private void runOne(int run, double[] draws) {
            Projection p = projectRun(uncertain, mode, seed, run, draws);
            System.arraycopy(draws, 0, inputs, run * k, k);
            MetricCube cube = p.cube(options.grouping());
            if (!cube.groups().equals(groups)) {
                throw new IllegalStateException("run " + run + " has groups " + cube.groups() + ", expected " + groups);
            }
            cube.values().get(0, reuse(rows, bandRow(run), cells), 0, cells);
            if (deploymentRows.length > 0) {
                p.cube().values().get(0, reuse(deploymentRows, run - blockStart, deploymentCells), 0, deploymentCells);
            }
            SummaryCells.write(p.summary(), summary, run * SummaryCells.COUNT);
            // a sampled size, all-in power or PUE changes what a size resolves to: keep each run's own sizing
            List<ResolvedDeployment> sized = p.sizing();
            int base = run * deploymentIds.size();
            MetricCube byDeployment = p.cube();
            for (int d = 0; d < deploymentIds.size(); d++) {
                ResolvedDeployment rd = sized.get(d);
                counts[base + d] = rd.count();
                itMw[base + d] = rd.itMw();
                facilityMw[base + d] = rd.facilityMw();
                peakInRepair[base + d] = byDeployment.peak(Metric.IN_REPAIR, d);
            }
            if (options.probe() != null) {
                probe[run] = options.probe().value(p);
            }
        }

    }

    /**
     * Run {@code run} of a Monte Carlo: draws its inputs from {@link RunStreams#inputStream(long, int)} and projects
     * the scenario with them (device seed {@link RunStreams#deviceSeed(long, int)}). The one definition of a run,
     * shared by {@link #run} and {@link MonteCarloPart}, so a run computed anywhere gives the same bits.
     *
     * @param uncertain the compiled uncertain inputs
     * @param mode      expected or simulate
     * @param seed      root seed
     * @param run       run index, from 0
     * @param draws     receives the run's draws, length {@code uncertain.size()}. Modified.
     * @return the run's projection
     * @throws IllegalArgumentException when the run's scenario cannot be projected, naming the run and its draws
     */
    static Projection projectRun(UncertainInputs uncertain, Mode mode, long seed, int run, double[] draws) {
        UniformRandomProvider rng = RunStreams.inputStream(seed, run);
        uncertain.sample(rng, draws, 0);
        try {
            return Pipeline.project(uncertain.apply(draws), mode, RunStreams.deviceSeed(seed, run));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("Monte Carlo run " + run + " (" + describe(uncertain, draws) + "): "
                    + e.getMessage(), e);
        }
    }

    private static String describe(UncertainInputs uncertain, double[] draws) {
        List<String> parts = new ArrayList<>(uncertain.size());
        for (int i = 0; i < uncertain.size(); i++) {
            parts.add(uncertain.path(i).text() + " = " + draws[i]);
        }
        return parts.isEmpty() ? "no uncertain inputs" : String.join(", ", parts);
    }
}
