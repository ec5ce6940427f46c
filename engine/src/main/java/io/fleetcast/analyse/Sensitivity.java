package io.fleetcast.analyse;

import io.fleetcast.pipeline.Pipeline;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which uncertain input moves a metric the most, two ways:
 * <ul>
 * <li>a tornado, one-at-a-time: every input at its median gives the baseline; then each input in turn
 *     at its P10 and at its P90 (quantiles of its own distribution), the others at their medians, each a
 *     projection in {@link Mode#EXPECTED} mode; bars are sorted by swing {@code |at P90 - at P10|};</li>
 * <li>standardized regression coefficients of the metric on the inputs over Monte Carlo runs
 *     ({@link StandardizedRegression}, least squares with EJML), with R²: how much of the spread a linear
 *     model in the inputs explains, all inputs moving at once.</li>
 * </ul>
 * {@link Result#warnings()} says when the SRCs cannot be trusted: fewer than {@link #RUNS_PER_INPUT} runs
 * per input, or a metric whose spread over the runs is negligible ({@link #NEGLIGIBLE_SPREAD}).
 */
public final class Sensitivity {

    /** Probability of the low end of a tornado bar. */
    public static final double LOW = 0.10;
    /** Probability of the high end of a tornado bar. */
    public static final double HIGH = 0.90;

    /**
     * Below this coefficient of variation of the metric over the runs (standard deviation / |mean|) the
     * metric is taken as constant: what is left is floating-point rounding (1e-16 relative per operation,
     * grown over thousands of periods and deployments), so coefficients fitted to it are noise.
     */
    public static final double NEGLIGIBLE_SPREAD = 1e-9;

    /**
     * Below this coefficient of variation (0.01 %) the metric still varies, but by far less than the
     * precision of any input (catalog figures carry 2 to 3 significant digits): the SRCs are then flagged
     * as ranking effects that small (e.g. whole-accelerator rounding of a power-sized count).
     */
    public static final double SMALL_SPREAD = 1e-4;

    /**
     * Runs per uncertain input below which the SRCs and R² are flagged as unstable: with n runs and k
     * inputs, R² of pure noise is about k / (n - 1) on average (0.37 for 7 inputs and 20 runs; about 0.1 at
     * 10 runs per input), and an SRC's standard error about 1 / sqrt(n - k - 1) (0.13 for 7 inputs and 70
     * runs, 0.35 for one input and 10 runs).
     */
    public static final int RUNS_PER_INPUT = 10;

    /**
     * One bar of the tornado.
     *
     * @param input   the input's index among the scenario's uncertain inputs
     * @param path    the input
     * @param low     the field's value with the input at its P10 (base units; a delay in hours for start)
     * @param high    the field's value with the input at its P90
     * @param atLow   the metric with the input at P10, others at their medians
     * @param atHigh  the metric with the input at P90, others at their medians
     * @param src     the input's standardized regression coefficient (0 when it did not vary)
     */
    public record Bar(int input, InputPath path, double low, double high, double atLow, double atHigh, double src) {

        /** {@return the bar's width: {@code |atHigh - atLow|}} */
        public double swing() {
            return Math.abs(atHigh - atLow);
        }
    }

    /**
     * The analysis.
     *
     * @param metric     what was measured
     * @param baseline   the metric with every input at its median
     * @param bars       tornado bars, widest first (ties: input order)
     * @param regression SRCs and R² over the Monte Carlo runs, indexed by input
     * @param runs       the Monte Carlo runs behind the SRCs
     * @param seed       their seed
     * @param mode       the mode of the Monte Carlo runs
     * @param monteCarlo the Monte Carlo behind the SRCs (bands of the total, sampled inputs, the metric per run)
     */
    public record Result(MetricSelector metric, double baseline, List<Bar> bars,
                         StandardizedRegression.Result regression, int runs, long seed, Mode mode,
                         MonteCarloResult monteCarlo) {

        /** Copies the bar list. */
        public Result {
            bars = List.copyOf(bars);
        }

        /** {@return the mean of the metric over the Monte Carlo runs, summed in run order} */
        public double metricMean() {
            double[] y = monteCarlo.probeValues();
            double sum = 0;
            for (int r = 0; r < y.length; r++) {
                sum += y[r];
            }
            return sum / y.length;
        }

        /** {@return the sample standard deviation of the metric over the Monte Carlo runs (0 for one run)} */
        public double metricSd() {
            double[] y = monteCarlo.probeValues();
            double mean = metricMean();
            double ss = 0;
            for (int r = 0; r < y.length; r++) {
                double d = y[r] - mean;
                ss += d * d;
            }
            return y.length > 1 ? Math.sqrt(ss / (y.length - 1)) : 0;
        }

        /**
         * The metric's coefficient of variation over the runs: standard deviation / |mean|; 0 when it did
         * not vary, infinity when it varied around a mean of 0.
         *
         * @return the relative spread
         */
        public double relativeSpread() {
            double sd = metricSd();
            if (sd == 0) {
                return 0;
            }
            double mean = Math.abs(metricMean());
            return mean > 0 ? sd / mean : Double.POSITIVE_INFINITY;
        }

        /**
         * Whether the metric's spread over the runs is negligible ({@link #relativeSpread()} below
         * {@link #NEGLIGIBLE_SPREAD}): the SRCs and R² would then describe rounding noise, not the inputs.
         *
         * @return whether the spread is negligible
         */
        public boolean spreadNegligible() {
            return relativeSpread() < NEGLIGIBLE_SPREAD;
        }

        /** {@return whether there are fewer than {@link #RUNS_PER_INPUT} runs per uncertain input} */
        public boolean fewRuns() {
            return (long) runs < (long) RUNS_PER_INPUT * bars.size();
        }

        /**
         * What makes the SRCs untrustworthy, one sentence each (empty when nothing does): a metric that
         * does not vary over the runs (or hardly: below {@link #SMALL_SPREAD}), and too few runs per input.
         *
         * @return the warnings, in that order
         */
        public List<String> warnings() {
            List<String> w = new ArrayList<>(2);
            if (spreadNegligible()) {
                double cv = relativeSpread();
                w.add(metric.metricName() + " is constant over the " + runs + " runs ("
                        + (cv == 0 ? "no variation at all" : String.format(java.util.Locale.ROOT,
                        "coefficient of variation %.1e, below %.0e: floating-point rounding", cv, NEGLIGIBLE_SPREAD))
                        + "); no input moves it, so SRCs and R² are not defined");
            } else if (relativeSpread() < SMALL_SPREAD) {
                w.add(metric.metricName() + " hardly varies over the " + runs + " runs (standard deviation "
                        + String.format(java.util.Locale.ROOT, "%.1e", relativeSpread())
                        + " of its mean): the SRCs rank the inputs by effects that small");
            }
            if (fewRuns()) {
                int k = bars.size();
                w.add(runs + " runs for " + k + (k == 1 ? " uncertain input" : " uncertain inputs")
                        + ": SRCs and R² are unstable below " + RUNS_PER_INPUT + " runs per input (R² of pure noise is about "
                        + String.format(java.util.Locale.ROOT, "%.2f", Math.min(1.0, k / (double) Math.max(1, runs - 1)))
                        + " here); use --runs " + (long) RUNS_PER_INPUT * k + " or more");
            }
            return w;
        }
    }

    private Sensitivity() {
    }

    /**
     * Runs the tornado and the regression.
     *
     * @param scenario the scenario with its {@code uncertainty:} block (at least one input)
     * @param metric   the metric to explain
     * @param mode     mode of the Monte Carlo runs behind the SRCs (the tornado is always expected mode)
     * @param settings runs and seed of the Monte Carlo
     * @param threads  worker threads (results do not depend on it)
     * @param progress told of each finished run
     * @return bars and SRCs
     * @throws IllegalArgumentException when the scenario has no uncertain inputs, an input cannot be compiled, a
     *                                  projection fails, or the regression cannot be fitted (no more runs than the
     *                                  varying inputs + 1, or collinear draws)
     */
    public static Result run(Scenario scenario, MetricSelector metric, Mode mode, MonteCarloSettings settings,
                             int threads, ProgressListener progress) {
        Objects.requireNonNull(metric, "metric");
        UncertainInputs inputs = UncertainInputs.of(scenario);
        int k = inputs.size();
        if (k == 0) {
            throw new IllegalArgumentException("scenario " + scenario.name()
                    + " has no uncertainty: block; sensitivity needs at least one uncertain input");
        }
        double[] medians = inputs.quantiles(0.5);
        double[] lows = inputs.quantiles(LOW);
        double[] highs = inputs.quantiles(HIGH);
        // evaluation 0: all medians; 2i + 1: input i at P10; 2i + 2: input i at P90
        double[] values = new double[2 * k + 1];
        try (Parallel parallel = new Parallel(threads)) {
            parallel.forRange(values.length, (from, to) -> {
                double[] x = new double[k];
                for (int e = from; e < to; e++) {
                    System.arraycopy(medians, 0, x, 0, k);
                    if (e > 0) {
                        int i = (e - 1) / 2;
                        x[i] = (e - 1) % 2 == 0 ? lows[i] : highs[i];
                    }
                    values[e] = metric.value(Pipeline.project(inputs.apply(x), Mode.EXPECTED, 0L));
                }
            });
        }
        MonteCarlo.Options options = MonteCarlo.Options.of(threads).withGrouping(Grouping.TOTAL)
                .withProgress(progress).withProbe(metric);
        MonteCarloResult mc = MonteCarlo.run(scenario, mode, settings, options);
        StandardizedRegression.Result regression =
                StandardizedRegression.fit(mc.sampledInputs(), mc.runs(), k, mc.probeValues());
        List<Bar> bars = new ArrayList<>(k);
        ScenarioEditor editor = inputs.editor();
        for (int i = 0; i < k; i++) {
            bars.add(new Bar(i, inputs.path(i), editor.resulting(i, lows[i]), editor.resulting(i, highs[i]),
                    values[2 * i + 1], values[2 * i + 2], regression.coefficient(i)));
        }
        bars.sort(Comparator.comparingDouble(Bar::swing).reversed().thenComparingInt(Bar::input));
        return new Result(metric, values[0], bars, regression, mc.runs(), settings.seed(), mode, mc);
    }
}
