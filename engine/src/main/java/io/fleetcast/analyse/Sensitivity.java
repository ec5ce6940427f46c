package io.fleetcast.analyse;

import io.fleetcast.Fleetcast;
import io.fleetcast.Grouping;
import io.fleetcast.Mode;
import io.fleetcast.MonteCarloSettings;
import io.fleetcast.ProgressListener;
import io.fleetcast.Scenario;
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
 */
public final class Sensitivity {

    /** Probability of the low end of a tornado bar. */
    public static final double LOW = 0.10;
    /** Probability of the high end of a tornado bar. */
    public static final double HIGH = 0.90;

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

        /** The bar's width: {@code |atHigh - atLow|}. */
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
     * @throws IllegalArgumentException when the scenario has no uncertain inputs, or an input cannot be compiled
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
                    values[e] = metric.value(Fleetcast.project(inputs.apply(x), Mode.EXPECTED, 0L));
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
