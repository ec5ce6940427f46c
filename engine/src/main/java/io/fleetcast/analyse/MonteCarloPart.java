package io.fleetcast.analyse;

import io.fleetcast.pipeline.Pipeline;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Timeline;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The runs {@code [from, to)} of a Monte Carlo, each kept as the rows the reduction needs: a mergeable partial
 * result, so the runs of one Monte Carlo can be computed on many machines (a cluster's tasks) and reduced on one.
 *
 * <p>What a part holds per run, in run order: the cube row of the band grouping (the exact order-statistic
 * buffer of every cell), the row by deployment behind the mean projection, the summary row
 * ({@link SummaryCells}), the input draws and the resolved sizing. Each run is computed by the same code as
 * {@link MonteCarlo#run} (its inputs from {@link RunStreams}, a pure function of seed and run index), and
 * {@link #reduce} folds the runs in run order with the same sums and sorts. So parts that cover runs
 * {@code 0 .. N-1}, however they were cut and wherever they were computed, reduce to the same bits as
 * {@code MonteCarlo.run} with N runs whenever its bands are exact (the runs' cube rows fit in
 * {@link MonteCarlo#DEFAULT_MEMORY_BUDGET}; {@link #exactFits} tells). Merging is concatenation in run order,
 * which is associative; sums are never merged, because floating-point addition is not. A {@link Reduction} takes the
 * parts one at a time in run order, so a stream sorted by run (a cluster's shuffle) is reduced without holding the
 * rows behind the mean.
 *
 * <p>Size: {@code (to - from) x (band cells + deployment cells + SummaryCells.COUNT + inputs + 4 x deployments)}
 * doubles, the deployment cells only when the bands are not by deployment; e.g. 100 runs of 25 metrics x 110
 * months by total, 2 deployments and 3 uncertain inputs: 100 x (2,750 + 5,500 + 55 + 3 + 8) x 8 bytes = 6.7 MB.
 * A part is immutable once built.
 */
public final class MonteCarloPart implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The first run of the part. */
    private final int from;
    /** One past the last run of the part. */
    private final int to;
    /** The grouping of {@link #bandRows}. */
    private final Grouping grouping;
    /** {@code bandRows[run - from][cell]}, cells in the layout of a {@code MetricCube} of the band grouping. */
    private final double[][] bandRows;
    /** {@code deploymentRows[run - from][cell]} by deployment; empty when the bands are by deployment. */
    private final double[][] deploymentRows;
    /** {@code summary[(run - from) * SummaryCells.COUNT + cell]}. */
    private final double[] summary;
    /** {@code inputs[(run - from) * k + input]}. */
    private final double[] inputs;
    /**
     * {@code counts[(run - from) * deployments + deployment]}; {@link #itMw}, {@link #facilityMw} and
     * {@link #peakInRepair} alike.
     */
    private final double[] counts;
    /** IT power at full load per run and deployment, MW. */
    private final double[] itMw;
    /** Facility power at full load and design PUE per run and deployment, MW. */
    private final double[] facilityMw;
    /** Peak period average of devices in repair per run and deployment. */
    private final double[] peakInRepair;

    private MonteCarloPart(int from, int to, Grouping grouping, double[][] bandRows, double[][] deploymentRows,
                           double[] summary, double[] inputs, double[] counts, double[] itMw, double[] facilityMw,
                           double[] peakInRepair) {
        this.from = from;
        this.to = to;
        this.grouping = grouping;
        this.bandRows = bandRows;
        this.deploymentRows = deploymentRows;
        this.summary = summary;
        this.inputs = inputs;
        this.counts = counts;
        this.itMw = itMw;
        this.facilityMw = facilityMw;
        this.peakInRepair = peakInRepair;
    }

    /** {@return the first run of the part} */
    public int from() {
        return from;
    }

    /** {@return one past the last run of the part} */
    public int to() {
        return to;
    }

    /** {@return the grouping of the band rows} */
    public Grouping grouping() {
        return grouping;
    }

    /**
     * Whether a Monte Carlo of this many runs has exact bands in {@link MonteCarlo#run} with the default memory
     * budget (what {@code fleetcast run --runs N} uses): only then does {@link #reduce} give the same bits.
     *
     * @param scenario the scenario
     * @param grouping the band grouping
     * @param runs     the number of runs
     * @return true when {@code runs x Metric.COUNT x groups x periods x 8} bytes fit in the budget
     */
    public static boolean exactFits(Scenario scenario, Grouping grouping, int runs) {
        List<String> groups = MonteCarlo.groupsOf(Pipeline.sizing(scenario), grouping);
        int cells = MonteCarlo.cellsOf(groups.size(), Timeline.of(scenario));
        return (long) runs * cells * Double.BYTES <= MonteCarlo.DEFAULT_MEMORY_BUDGET;
    }

    /**
     * Computes runs {@code [from, to)} of a Monte Carlo on the calling thread.
     *
     * @param scenario the scenario, with its {@code uncertainty:} block
     * @param mode     expected or simulate
     * @param seed     the Monte Carlo's root seed
     * @param grouping the grouping of the bands
     * @param from     first run, at least 0
     * @param to       one past the last run, more than {@code from}
     * @return the part
     * @throws IllegalArgumentException when {@code from < 0} or {@code to <= from}, an uncertain input cannot be
     *                                  compiled, or a run's scenario cannot be projected (naming the run and its draws)
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted (checked before
     *                                  each run)
     */
    public static MonteCarloPart run(Scenario scenario, Mode mode, long seed, Grouping grouping, int from, int to) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(grouping, "grouping");
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("runs [" + from + ", " + to + "): expected 0 <= from < to");
        }
        UncertainInputs uncertain = UncertainInputs.of(scenario);
        List<ResolvedDeployment> sizing = Pipeline.sizing(scenario);
        List<String> groups = MonteCarlo.groupsOf(sizing, grouping);
        int deployments = sizing.size();
        int n = to - from;
        int k = uncertain.size();
        boolean separateMean = grouping != Grouping.DEPLOYMENT;
        double[][] bandRows = new double[n][];
        double[][] deploymentRows = new double[separateMean ? n : 0][];
        double[] summary = new double[Math.multiplyExact(n, SummaryCells.COUNT)];
        double[] inputs = new double[Math.multiplyExact(n, k)];
        double[] counts = new double[Math.multiplyExact(n, deployments)];
        double[] itMw = new double[counts.length];
        double[] facilityMw = new double[counts.length];
        double[] peakInRepair = new double[counts.length];
        double[] draws = new double[k];
        for (int run = from; run < to; run++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("Monte Carlo part interrupted at run " + run);
            }
            int i = run - from;
            Projection p = MonteCarlo.projectRun(uncertain, mode, seed, run, draws);
            System.arraycopy(draws, 0, inputs, i * k, k);
            MetricCube cube = p.cube(grouping);
            if (!cube.groups().equals(groups)) {
                throw new IllegalStateException("run " + run + " has groups " + cube.groups() + ", expected " + groups);
            }
            bandRows[i] = cube.toArray();
            if (separateMean) {
                deploymentRows[i] = p.cube().toArray();
            }
            SummaryCells.write(p.summary(), summary, i * SummaryCells.COUNT);
            List<ResolvedDeployment> sized = p.sizing();
            MetricCube byDeployment = p.cube();
            for (int d = 0; d < deployments; d++) {
                ResolvedDeployment rd = sized.get(d);
                counts[i * deployments + d] = rd.count();
                itMw[i * deployments + d] = rd.itMw();
                facilityMw[i * deployments + d] = rd.facilityMw();
                peakInRepair[i * deployments + d] = byDeployment.peak(Metric.IN_REPAIR, d);
            }
        }
        return new MonteCarloPart(from, to, grouping, bandRows, deploymentRows, summary, inputs, counts, itMw, facilityMw,
                peakInRepair);
    }

    /**
     * Reduces parts that together cover runs {@code 0 .. settings.runs() - 1} into the Monte Carlo's result, in run
     * order: bit for bit what {@link MonteCarlo#run} gives for the same scenario, mode and settings with bands of
     * this grouping, whenever {@link #exactFits} holds.
     *
     * @param scenario the scenario the parts were computed from
     * @param mode     their mode
     * @param settings runs, seed and quantiles (ascending, in (0, 1))
     * @param parts    the parts, in any order; not modified
     * @param threads  worker threads for the sorts, at least 1 (the result does not depend on it)
     * @return the result, with exact bands
     * @throws IllegalArgumentException when there are no parts, the parts leave a gap, overlap or disagree on the
     *                                  grouping, the quantiles are not ascending in (0, 1), or the runs do not fit in
     *                                  the exact budget
     */
    public static MonteCarloResult reduce(Scenario scenario, Mode mode, MonteCarloSettings settings,
                                          List<MonteCarloPart> parts, int threads) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no parts to reduce");
        }
        List<MonteCarloPart> ordered = new ArrayList<>(parts);
        ordered.sort(Comparator.comparingInt(MonteCarloPart::from));
        Reduction r = reduction(scenario, mode, settings, ordered.get(0).grouping);
        for (MonteCarloPart part : ordered) {
            r.add(part);
        }
        return r.finish(threads);
    }

    /**
     * Starts a reduction that takes the parts one at a time, in run order ({@link Reduction#add}): what a consumer of
     * a stream sorted by run uses, holding the band rows of every run but the rows behind the mean of none (they are
     * summed as they pass).
     *
     * @param scenario the scenario the parts were computed from
     * @param mode     their mode
     * @param settings runs, seed and quantiles (ascending, in (0, 1))
     * @param grouping the parts' band grouping
     * @return the reduction, expecting run 0 first
     * @throws IllegalArgumentException when the quantiles are not ascending in (0, 1), or the runs' band rows exceed
     *                                  the exact budget
     */
    public static Reduction reduction(Scenario scenario, Mode mode, MonteCarloSettings settings, Grouping grouping) {
        return new Reduction(scenario, mode, settings, grouping);
    }

    /**
     * A reduction in progress: parts added in run order, then {@link #finish}. The sums behind the mean projection
     * are offsets from run 0's row added run by run, as {@link MonteCarlo#run} adds them, so the result has its bits.
     */
    public static final class Reduction {
        private final Scenario scenario;
        private final Mode mode;
        private final MonteCarloSettings settings;
        private final Grouping grouping;
        private final double[] probabilities;
        private final UncertainInputs uncertain;
        private final Timeline timeline;
        private final List<ResolvedDeployment> sizing;
        private final List<String> groups;
        private final List<String> deploymentIds;
        private final int runs;
        private final int cells;
        private final int deploymentCells;
        private final long exactBytes;
        private final int k;
        private final int deployments;
        private final double[][] rows;
        private final double[][] summaryRows;
        private final double[] summary;
        private final double[] sampled;
        private final double[] counts;
        private final double[] itMw;
        private final double[] facilityMw;
        private final double[] peakInRepair;
        private final double[] sum;
        private double[] first;
        private int next;

        private Reduction(Scenario scenario, Mode mode, MonteCarloSettings settings, Grouping grouping) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            this.mode = Objects.requireNonNull(mode, "mode");
            this.settings = Objects.requireNonNull(settings, "settings");
            this.grouping = Objects.requireNonNull(grouping, "grouping");
            probabilities = settings.quantiles();
            for (int q = 0; q < probabilities.length; q++) {
                if (!(probabilities[q] > 0 && probabilities[q] < 1) || (q > 0 && !(probabilities[q] > probabilities[q - 1]))) {
                    throw new IllegalArgumentException("quantiles must be ascending and inside (0, 1), got "
                            + java.util.Arrays.toString(probabilities));
                }
            }
            uncertain = UncertainInputs.of(scenario);
            timeline = Timeline.of(scenario);
            sizing = Pipeline.sizing(scenario);
            groups = MonteCarlo.groupsOf(sizing, grouping);
            deploymentIds = MonteCarlo.groupsOf(sizing, Grouping.DEPLOYMENT);
            runs = settings.runs();
            cells = MonteCarlo.cellsOf(groups.size(), timeline);
            deploymentCells = MonteCarlo.cellsOf(deploymentIds.size(), timeline);
            exactBytes = (long) runs * cells * Double.BYTES;
            if (exactBytes > MonteCarlo.DEFAULT_MEMORY_BUDGET) {
                throw new IllegalArgumentException(runs + " runs of " + cells + " cells exceed the exact bands' budget of "
                        + (MonteCarlo.DEFAULT_MEMORY_BUDGET >> 20) + " MiB; band by a coarser grouping or use fewer runs");
            }
            k = uncertain.size();
            deployments = deploymentIds.size();
            rows = new double[runs][];
            summaryRows = new double[runs][];
            summary = new double[Math.multiplyExact(runs, SummaryCells.COUNT)];
            sampled = new double[Math.multiplyExact(runs, k)];
            counts = new double[Math.multiplyExact(runs, deployments)];
            itMw = new double[counts.length];
            facilityMw = new double[counts.length];
            peakInRepair = new double[counts.length];
            sum = new double[deploymentCells];
        }

        /**
         * Adds the next part: its band rows are kept (not copied), its rows behind the mean summed and let go.
         *
         * @param part the part starting where the previous one ended (run 0 first), of this reduction's grouping
         * @throws IllegalArgumentException when the part is out of order, overlaps, runs past the end or has another
         *                                  grouping or shape
         */
        public void add(MonteCarloPart part) {
            if (part.from != next || part.to > runs || part.grouping != grouping) {
                throw new IllegalArgumentException("parts must cover runs 0 to " + runs + " once, in order, with one grouping; run "
                        + next + " is followed by a part of runs [" + part.from + ", " + part.to + ") by " + part.grouping.id());
            }
            int n = part.to - part.from;
            for (int i = 0; i < n; i++) {
                int run = part.from + i;
                double[] row = part.bandRows[i];
                if (row.length != cells) {
                    throw new IllegalArgumentException("run " + run + " has " + row.length + " cells, expected " + cells);
                }
                rows[run] = row;
                double[] meanRow = grouping == Grouping.DEPLOYMENT ? row : part.deploymentRows[i];
                if (meanRow.length != deploymentCells) {
                    throw new IllegalArgumentException("run " + run + " has " + meanRow.length + " deployment cells, expected "
                            + deploymentCells);
                }
                if (first == null) {
                    first = meanRow.clone();
                }
                for (int c = 0; c < deploymentCells; c++) {
                    sum[c] += meanRow[c] - first[c];
                }
                summaryRows[run] = java.util.Arrays.copyOfRange(part.summary, i * SummaryCells.COUNT,
                        (i + 1) * SummaryCells.COUNT);
            }
            System.arraycopy(part.summary, 0, summary, part.from * SummaryCells.COUNT, n * SummaryCells.COUNT);
            System.arraycopy(part.inputs, 0, sampled, part.from * k, n * k);
            System.arraycopy(part.counts, 0, counts, part.from * deployments, n * deployments);
            System.arraycopy(part.itMw, 0, itMw, part.from * deployments, n * deployments);
            System.arraycopy(part.facilityMw, 0, facilityMw, part.from * deployments, n * deployments);
            System.arraycopy(part.peakInRepair, 0, peakInRepair, part.from * deployments, n * deployments);
            next = part.to;
        }

        /**
         * The result, once every run was added.
         *
         * @param threads worker threads for the sorts, at least 1 (the result does not depend on it)
         * @return the Monte Carlo's result, with exact bands
         * @throws IllegalArgumentException when runs are missing
         */
        public MonteCarloResult finish(int threads) {
            if (next != runs) {
                throw new IllegalArgumentException("parts cover runs 0 to " + next + ", the settings ask for " + runs);
            }
            double[] mean = new double[deploymentCells];
            for (int c = 0; c < deploymentCells; c++) {
                mean[c] = first[c] + sum[c] / runs;
            }
            try (Parallel parallel = new Parallel(threads)) {
                Bands cubeBands = Bands.reduceExact(rows, cells, probabilities, parallel);
                Bands summaryBands = Bands.reduceExact(summaryRows, SummaryCells.COUNT, probabilities, parallel);
                Projection meanProjection = new Projection(scenario, mode, settings.seed(), sizing,
                        MetricCube.of(Grouping.DEPLOYMENT, deploymentIds, timeline, mean));
                MonteCarloResult.Sizing sizingStats = MonteCarloResult.Sizing.of(runs, deployments, counts, itMw, facilityMw,
                        peakInRepair);
                return new MonteCarloResult(scenario, mode, settings, grouping, groups, timeline, uncertain, sampled, summary,
                        null, cubeBands, summaryBands, meanProjection, sizingStats, true, exactBytes);
            }
        }
    }
}
