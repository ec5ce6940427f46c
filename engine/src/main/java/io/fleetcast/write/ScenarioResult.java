package io.fleetcast.write;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Projection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything the writers put into one scenario's files: the projection (sizing, cube, summary), how
 * many runs its cube stands for, and the optional Monte Carlo bands and tornado.
 *
 * @param projection the projection; for a Monte Carlo run, the projection of the mean cube
 * @param runs       1 for a single projection (its values are written with statistic {@code value}),
 *                   more for the mean of Monte Carlo runs (statistic {@code mean})
 * @param bands      quantile bands, when a Monte Carlo run produced them
 * @param tornado    the tornado of a sensitivity analysis, when one was made
 */
public record ScenarioResult(Projection projection, int runs, Optional<QuantileBands> bands, Optional<Tornado> tornado) {

    /** Checks the parts and that the bands cover the projection's timeline. */
    public ScenarioResult {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(tornado, "tornado");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, was " + runs);
        }
        if (bands.isPresent() && !bands.get().timeline().equals(projection.timeline())) {
            throw new IllegalArgumentException("bands cover " + bands.get().timeline() + ", the projection "
                    + projection.timeline());
        }
    }

    /**
     * The result of a single projection, without bands.
     *
     * @param projection the projection
     * @return the result
     */
    public static ScenarioResult of(Projection projection) {
        return new ScenarioResult(projection, 1, Optional.empty(), Optional.empty());
    }

    /**
     * This result with Monte Carlo bands; {@link #runs()} becomes the bands' run count.
     *
     * @param quantiles the bands
     * @return a new result
     */
    public ScenarioResult withBands(QuantileBands quantiles) {
        return new ScenarioResult(projection, quantiles.runs(), Optional.of(quantiles), tornado);
    }

    /**
     * This result with a tornado.
     *
     * @param t the tornado
     * @return a new result
     */
    public ScenarioResult withTornado(Tornado t) {
        return new ScenarioResult(projection, runs, bands, Optional.of(t));
    }

    /** The scenario's name, which names its output folder. */
    public String name() {
        return projection.scenario().name();
    }

    /** The statistic of the projection's own values: {@code value} for one run, {@code mean} for several. */
    public String statistic() {
        return runs > 1 ? "mean" : "value";
    }

    /**
     * The value of a headline figure as this result's {@link #statistic()}: the projection's summary, except
     * for a Monte Carlo result whose bands carry the runs' means, where every figure that is not a sum over
     * the cube (see {@link #runMean(String, double)}) is the mean over the runs of each run's figure.
     *
     * @param h the figure
     * @return its value in {@link Headline#unit()}
     */
    public double value(Headline h) {
        return runMean(h.figure(), h.value().applyAsDouble(projection.summary()));
    }

    /**
     * A summary figure as this result's {@link #statistic()}. For one projection, or a figure that is a sum
     * over the cube ({@code total.<metric>}, {@code slot_hours}: the total of the mean cube is the mean of
     * the runs' totals), the given value of the projection's own summary. For a Monte Carlo result, every
     * other figure (a peak, NPV, a ratio, the resolved count) is the mean over the runs of each run's
     * figure when the bands carry it: the peak or ratio of the mean cube is not the mean of the runs' peaks
     * or ratios (a peak of averages is at most the average of peaks), and the console prints the latter.
     *
     * @param figure           the figure's name (see {@link SummaryFigures#names()})
     * @param ofMeanProjection the figure of the projection's summary
     * @return the value to write
     */
    public double runMean(String figure, double ofMeanProjection) {
        if (runs > 1 && bands.isPresent() && !figure.startsWith("total.") && !figure.equals("slot_hours")) {
            OptionalDouble mean = bands.get().summaryMean(figure);
            if (mean.isPresent()) {
                return mean.getAsDouble();
            }
        }
        return ofMeanProjection;
    }

    /**
     * The resolved accelerators as this result's {@link #statistic()} (see {@link #value(Headline)}).
     *
     * @return the projection's count, or the mean over the Monte Carlo runs when the bands carry it
     */
    public double resolvedAccelerators() {
        if (runs > 1 && bands.isPresent()) {
            OptionalDouble mean = bands.get().summaryMean(SummaryFigures.RESOLVED_ACCELERATORS);
            if (mean.isPresent()) {
                return mean.getAsDouble();
            }
        }
        return projection.summary().resolvedAccelerators();
    }

    /**
     * The mean over the Monte Carlo runs of a deployment's resolved count, when the bands carry it.
     *
     * @param deploymentId the deployment's id
     * @return the mean, or empty for a single projection or bands without it
     */
    public OptionalDouble meanResolvedCount(String deploymentId) {
        if (runs > 1 && bands.isPresent()) {
            return bands.get().meanResolvedCount(deploymentId);
        }
        return OptionalDouble.empty();
    }

    /** True when the bands hold the {@link Grouping#TOTAL} group. */
    boolean hasTotalBands() {
        return bands.isPresent() && bands.get().grouping() == Grouping.TOTAL;
    }
}
