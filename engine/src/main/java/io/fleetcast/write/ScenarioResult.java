package io.fleetcast.write;

import io.fleetcast.Grouping;
import io.fleetcast.Projection;
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
     * The value of a headline figure as this result's {@link #statistic()}: the projection's summary,
     * except the resolved accelerators of a Monte Carlo result, which are the mean over the runs of each
     * run's resolved count when the bands carry it. The mean projection's own sizing is the nominal one (a
     * resolved deployment holds one whole count), and printing that as the "mean" would contradict the
     * quantiles beside it whenever a sizing input (all-in power, PUE, the size) is uncertain.
     *
     * @param h the figure
     * @return its value in {@link Headline#unit()}
     */
    public double value(Headline h) {
        if (runs > 1 && bands.isPresent() && h.figure().equals(SummaryFigures.RESOLVED_ACCELERATORS)) {
            OptionalDouble mean = bands.get().summaryMean(h.figure());
            if (mean.isPresent()) {
                return mean.getAsDouble();
            }
        }
        return h.value().applyAsDouble(projection.summary());
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
