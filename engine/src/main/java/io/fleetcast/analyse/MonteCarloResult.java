package io.fleetcast.analyse;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Timeline;
import java.util.List;

/**
 * The outcome of {@link MonteCarlo#run}: mean and quantile bands per metric x group x period (cells in
 * the layout of a {@code MetricCube}: {@code (metric * groups + group) * periods + period}) and per
 * summary figure ({@link SummaryCells}), plus every run's sampled inputs and summary row.
 *
 * <p>Immutable once built; the array accessors return copies.
 */
public final class MonteCarloResult {

    private final Scenario scenario;
    private final Mode mode;
    private final MonteCarloSettings settings;
    private final Grouping grouping;
    private final List<String> groups;
    private final Timeline timeline;
    private final UncertainInputs inputs;
    private final double[] sampled;
    private final double[] summaryRows;
    private final double[] probe;
    private final Bands cubeBands;
    private final Bands summaryBands;
    private final Projection meanProjection;
    private final Sizing sizing;
    private final boolean exact;
    private final long bandBytes;

    MonteCarloResult(Scenario scenario, Mode mode, MonteCarloSettings settings, Grouping grouping, List<String> groups,
                     Timeline timeline, UncertainInputs inputs, double[] sampled, double[] summaryRows, double[] probe,
                     Bands cubeBands, Bands summaryBands, Projection meanProjection, Sizing sizing, boolean exact,
                     long bandBytes) {
        this.scenario = scenario;
        this.mode = mode;
        this.settings = settings;
        this.grouping = grouping;
        this.groups = List.copyOf(groups);
        this.timeline = timeline;
        this.inputs = inputs;
        this.sampled = sampled;
        this.summaryRows = summaryRows;
        this.probe = probe;
        this.cubeBands = cubeBands;
        this.summaryBands = summaryBands;
        this.meanProjection = meanProjection;
        this.sizing = sizing;
        this.exact = exact;
        this.bandBytes = bandBytes;
    }

    /** {@return the scenario that was run (without sampled values applied)} */
    public Scenario scenario() {
        return scenario;
    }

    /** {@return the projection mode of every run} */
    public Mode mode() {
        return mode;
    }

    /** {@return the runs, seed and quantiles} */
    public MonteCarloSettings settings() {
        return settings;
    }

    /** {@return the number of runs} */
    public int runs() {
        return settings.runs();
    }

    /** {@return the quantile probabilities of the bands (a copy)} */
    public double[] quantiles() {
        return settings.quantiles();
    }

    /** {@return the grouping of the cube bands} */
    public Grouping grouping() {
        return grouping;
    }

    /** {@return the group names of the cube bands} */
    public List<String> groups() {
        return groups;
    }

    /** {@return the periods of the cube bands} */
    public Timeline timeline() {
        return timeline;
    }

    /** {@return the compiled uncertain inputs (paths and samplers)} */
    public UncertainInputs inputs() {
        return inputs;
    }

    /** {@return the number of uncertain inputs} */
    public int inputCount() {
        return inputs.size();
    }

    /**
     * The draw of an input in a run (before any shift is added: what the distribution produced).
     *
     * @param run   run index
     * @param input input index
     * @return the draw
     */
    public double input(int run, int input) {
        return sampled[run * inputs.size() + input];
    }

    /** {@return every run's draws, {@code [run * inputCount() + input]} (a copy)} */
    public double[] sampledInputs() {
        return sampled.clone();
    }

    /** {@return every run's summary row, {@code [run * SummaryCells.COUNT + cell]} (a copy)} */
    public double[] summaryRuns() {
        return summaryRows.clone();
    }

    /**
     * One run's summary figure.
     *
     * @param run  run index
     * @param cell a {@link SummaryCells} index
     * @return its value in that run
     */
    public double summaryRun(int run, int cell) {
        return summaryRows[run * SummaryCells.COUNT + cell];
    }

    /** {@return whether a probe value was kept per run} */
    public boolean hasProbe() {
        return probe != null;
    }

    /**
     * The probe's value per run.
     *
     * @return one value per run, in run order (a copy)
     * @throws IllegalStateException when the Monte Carlo had no probe ({@link #hasProbe()} is false)
     */
    public double[] probeValues() {
        if (probe == null) {
            throw new IllegalStateException("no probe was given to this Monte Carlo");
        }
        return probe.clone();
    }

    /**
     * The mean of the runs as a projection: its cube (by deployment, rolling up to any grouping) holds the
     * mean over runs of every cell, summed in run order; its sizing is the scenario's NOMINAL one (every
     * input at its scenario value), because a resolved deployment holds one whole count; a run whose size,
     * all-in power or PUE was sampled resolved its own count, and the mean and quantiles of those are in
     * {@link #sizing()} and {@link #summaryBands()} ({@link SummaryCells#RESOLVED_ACCELERATORS}). Its
     * summary is the summary of the mean cube, which for peaks and ratios is not the mean of the runs'
     * figures (those are in {@link #summaryBands()}), and whose resolved accelerators are the nominal count.
     *
     * @return the mean projection
     */
    public Projection meanProjection() {
        return meanProjection;
    }

    /** {@return each run's resolved sizing per deployment, and its means over the runs} */
    public Sizing sizing() {
        return sizing;
    }

    /**
     * Mean over the runs of the total resolved count (the sum over deployments of each run's count),
     * summed in run order (the mean of {@link SummaryCells#RESOLVED_ACCELERATORS} in
     * {@link #summaryBands()}): what "how many accelerators" means under uncertainty. Differs from the
     * nominal count of {@link #meanProjection()} whenever a sizing input (size, all-in power, PUE) is
     * uncertain.
     *
     * @return the mean total count
     */
    public double meanResolvedAccelerators() {
        return summaryBands.mean(SummaryCells.RESOLVED_ACCELERATORS);
    }

    /**
     * The resolved sizing of every run, by deployment (in the scenario's order, as in
     * {@code Projection.sizing()}), and its means over the runs.
     *
     * <p>Layout of the per-run arrays: {@code [run * deployments + deployment]}. Means are sums in run
     * order divided by the number of runs, so they do not depend on the thread count.
     */
    public static final class Sizing {
        private final int runs;
        private final int deployments;
        private final double[] counts;
        private final double[] itMw;
        private final double[] facilityMw;
        private final double[] peakInRepair;
        private final double[] meanCounts;
        private final double[] meanItMw;
        private final double[] meanFacilityMw;

        private Sizing(int runs, int deployments, double[] counts, double[] itMw, double[] facilityMw,
                       double[] peakInRepair) {
            this.runs = runs;
            this.peakInRepair = peakInRepair;
            this.deployments = deployments;
            this.counts = counts;
            this.itMw = itMw;
            this.facilityMw = facilityMw;
            this.meanCounts = new double[deployments];
            this.meanItMw = new double[deployments];
            this.meanFacilityMw = new double[deployments];
            for (int r = 0; r < runs; r++) {
                for (int d = 0; d < deployments; d++) {
                    int i = r * deployments + d;
                    meanCounts[d] += counts[i];
                    meanItMw[d] += itMw[i];
                    meanFacilityMw[d] += facilityMw[i];
                }
            }
            for (int d = 0; d < deployments; d++) {
                meanCounts[d] /= runs;
                meanItMw[d] /= runs;
                meanFacilityMw[d] /= runs;
            }
        }

        /**
         * Folds the runs' sizings (in run order).
         *
         * @param runs        number of runs, at least 1
         * @param deployments number of deployments
         * @param counts      resolved count per run and deployment; kept, not modified
         * @param itMw        IT MW at full load per run and deployment; kept, not modified
         * @param facilityMw  facility MW at the design PUE per run and deployment; kept, not modified
         * @param peakInRepair the highest period average of devices in repair per run and deployment; kept, not
         *                     modified
         * @return the sizing statistics
         */
        static Sizing of(int runs, int deployments, double[] counts, double[] itMw, double[] facilityMw,
                         double[] peakInRepair) {
            if (runs < 1 || counts.length != runs * deployments || itMw.length != counts.length
                    || facilityMw.length != counts.length || peakInRepair.length != counts.length) {
                throw new IllegalArgumentException("sizing of " + runs + " runs x " + deployments + " deployments, got "
                        + counts.length + " counts");
            }
            return new Sizing(runs, deployments, counts, itMw, facilityMw, peakInRepair);
        }

        /**
         * The spares question, "how many spares cover the devices down at once with probability q": the type-7
         * quantile over the runs of a deployment's peak period average of devices in repair (the highest monthly
         * average over the horizon with monthly periods). Devices are down one repair time per failure, so the
         * answer comes from simulate-mode runs (sampled failures); an expected-mode run gives each run's expectation,
         * so its quantile spans only the uncertain inputs. A period average: inside a period the count moves around
         * it (about its square root for a large fleet).
         *
         * @param deployment deployment index (scenario order)
         * @param q          probability in [0, 1]
         * @return devices
         */
        public double peakInRepairQuantile(int deployment, double q) {
            java.util.Objects.checkIndex(deployment, deployments);
            double[] sorted = new double[runs];
            for (int r = 0; r < runs; r++) {
                sorted[r] = peakInRepair[r * deployments + deployment];
            }
            java.util.Arrays.sort(sorted);
            return Bands.type7(sorted, runs, q);
        }

        /**
         * The spares that cover {@link #peakInRepairQuantile}: that number rounded up to whole devices.
         *
         * @param deployment deployment index (scenario order)
         * @param q          probability in [0, 1]
         * @return whole spares
         */
        public long recommendedSpares(int deployment, double q) {
            return sparesFor(peakInRepairQuantile(deployment, q));
        }

        /**
         * Whole spares covering a number of devices down: rounded up, with 1e-9 of slack so that a count that is a
         * whole number up to rounding is not rounded up to the next one.
         *
         * @param devicesDown devices down (a quantile of a period average)
         * @return spares
         */
        public static long sparesFor(double devicesDown) {
            return (long) Math.ceil(devicesDown - 1e-9);
        }

        /** {@return the number of deployments (in the scenario's order)} */
        public int deployments() {
            return deployments;
        }

        /**
         * The resolved count of a deployment in one run: sizes given as power or budget resolve to a count that
         * depends on the run's sampled inputs.
         *
         * @param run        run index
         * @param deployment deployment index (scenario order)
         * @return accelerators
         */
        public double count(int run, int deployment) {
            return counts[index(run, deployment)];
        }

        /**
         * Mean over the runs of a deployment's resolved count.
         *
         * @param deployment deployment index (scenario order)
         * @return accelerators
         */
        public double meanCount(int deployment) {
            return meanCounts[deployment];
        }

        /**
         * Mean over the runs of a deployment's IT power at full load.
         *
         * @param deployment deployment index (scenario order)
         * @return MW
         */
        public double meanItMw(int deployment) {
            return meanItMw[deployment];
        }

        /**
         * Mean over the runs of a deployment's facility power at full load and design PUE.
         *
         * @param deployment deployment index (scenario order)
         * @return MW
         */
        public double meanFacilityMw(int deployment) {
            return meanFacilityMw[deployment];
        }

        /** {@return every deployment's mean count, in scenario order (a copy)} */
        public double[] meanCounts() {
            return meanCounts.clone();
        }

        private int index(int run, int deployment) {
            java.util.Objects.checkIndex(run, runs);
            java.util.Objects.checkIndex(deployment, deployments);
            return run * deployments + deployment;
        }
    }

    /** {@return the bands of the cube cells} */
    public Bands cubeBands() {
        return cubeBands;
    }

    /** {@return the bands of the summary cells} */
    public Bands summaryBands() {
        return summaryBands;
    }

    /**
     * {@return whether every run's cube row was held, so the cube quantiles are exact order statistics (false: they
     * were streamed through P², see {@link Bands#exact()}, which stays true for at most five runs); the summary bands
     * are always exact}
     */
    public boolean bandsExact() {
        return exact;
    }

    /**
     * {@return the bytes held for the cube bands while reducing (every run's row, or the P² markers and one block)}
     */
    public long bandBytes() {
        return bandBytes;
    }

    /**
     * The cell of a metric, group and period in {@link #cubeBands()}.
     *
     * @param metric the metric
     * @param group  group index
     * @param period period index
     * @return {@code (metric * groups + group) * periods + period}
     */
    public int cell(Metric metric, int group, int period) {
        java.util.Objects.checkIndex(group, groups.size());
        java.util.Objects.checkIndex(period, timeline.periods());
        return (metric.ordinal() * groups.size() + group) * timeline.periods() + period;
    }

    /**
     * Mean of a metric for a group in a period over the runs (summed in run order).
     *
     * @param metric the metric
     * @param group  group index
     * @param period period index
     * @return the mean, in the metric's unit
     */
    public double mean(Metric metric, int group, int period) {
        return cubeBands.mean(cell(metric, group, period));
    }

    /**
     * A quantile of a metric for a group in a period.
     *
     * @param p      one of {@link #quantiles()}
     * @param metric the metric
     * @param group  group index
     * @param period period index
     * @return the quantile over the runs
     * @throws IllegalArgumentException when p was not reduced
     */
    public double quantile(double p, Metric metric, int group, int period) {
        return cubeBands.quantile(quantileIndex(p), cell(metric, group, period));
    }

    /**
     * Mean of a summary figure over the runs.
     *
     * @param cell a {@link SummaryCells} index
     * @return the mean
     */
    public double summaryMean(int cell) {
        return summaryBands.mean(cell);
    }

    /**
     * A quantile of a summary figure.
     *
     * @param p    one of {@link #quantiles()}
     * @param cell a {@link SummaryCells} index
     * @return the quantile over the runs (always an exact type-7 order statistic)
     * @throws IllegalArgumentException when p was not reduced
     */
    public double summaryQuantile(double p, int cell) {
        return summaryBands.quantile(quantileIndex(p), cell);
    }

    /**
     * The index of a probability among {@link #quantiles()}.
     *
     * @param p a probability
     * @return its index
     * @throws IllegalArgumentException when p was not reduced
     */
    public int quantileIndex(double p) {
        int q = cubeBands.indexOf(p);
        if (q < 0) {
            throw new IllegalArgumentException("quantile " + p + " was not computed; the bands hold "
                    + java.util.Arrays.toString(settings.quantiles()));
        }
        return q;
    }
}
