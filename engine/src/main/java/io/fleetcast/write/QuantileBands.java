package io.fleetcast.write;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Timeline;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Monte Carlo quantile bands as the writers see them: for each quantile probability (say P10, P50,
 * P90), a value per metric x group x period, and optionally per summary figure. The CSV writer adds a
 * row per quantile ({@code statistic = p10}), the JSON writer a {@code bands} block, and the HTML
 * report a P10-P90 band chart per headline metric.
 *
 * <p>This is a view, not a result type: it holds nothing itself. The analysis stage comes before
 * {@code write} in the data flow and must not depend on it, so whoever holds both (the command line)
 * adapts the analysis result with {@link #of}, e.g. for a Monte Carlo result {@code r}:
 *
 * <pre>{@code
 * QuantileBands bands = QuantileBands.of(r.grouping(), r.groups(), r.timeline(), r.runs(), r.quantiles(),
 *         (q, metric, group, period) -> r.cubeBands().quantile(q, r.cell(metric, group, period)),
 *         figure -> summaryQuantiles(r, figure));
 * }</pre>
 *
 * <p>Groups are those of {@link #grouping()}, which may differ from the groupings the writers use
 * for the mean: quantiles do not add up, so bands are only written for the grouping they were
 * computed for. The report draws band charts from the {@link Grouping#TOTAL} group when the bands have
 * that grouping, and otherwise one chart per group for the first few groups.
 */
public interface QuantileBands {

    /** A quantile of one metric x group x period cell. */
    @FunctionalInterface
    interface CellLookup {
        /**
         * The quantile.
         *
         * @param q      index into {@link QuantileBands#probabilities()}
         * @param metric the metric
         * @param group  index into {@link QuantileBands#groups()}
         * @param period period index
         * @return the value in the metric's unit
         */
        double quantile(int q, Metric metric, int group, int period);
    }

    /** The quantiles of a summary figure over the whole horizon, when they were computed. */
    @FunctionalInterface
    interface SummaryLookup {
        /**
         * The quantiles of one figure.
         *
         * @param figure {@code total.<metric>} (sum of a flow, horizon average of a level),
         *               {@code peak.<metric>}, {@code npv_cash_usd}, {@code usd_per_accelerator_hour},
         *               {@code usd_per_eflop}
         * @return one value per probability, or empty when the figure was not banded
         */
        Optional<double[]> quantiles(String figure);
    }

    /** How the groups of the bands were formed. */
    Grouping grouping();

    /** The group names, in band order. */
    List<String> groups();

    /** The periods (the scenario's timeline). */
    Timeline timeline();

    /** Number of Monte Carlo runs the quantiles were computed from. */
    int runs();

    /**
     * Whether the cell quantiles are exact order statistics of the runs; false when they are streaming
     * (P²) estimates, used when the runs x cells exceed the memory budget. Every file that holds bands says
     * which (results.json {@code bands.exact}, results-long.csv {@code statistic_method}). Summary quantiles
     * are always exact.
     *
     * @return true for exact order statistics
     */
    boolean exact();

    /** The quantile probabilities, ascending in (0, 1) (a copy). */
    double[] probabilities();

    /**
     * A quantile of one cell.
     *
     * @param q      index into {@link #probabilities()}
     * @param metric the metric
     * @param group  index into {@link #groups()}
     * @param period period index
     * @return the value, in the metric's unit
     */
    double quantile(int q, Metric metric, int group, int period);

    /**
     * The quantiles of a summary figure across runs, e.g. {@code total.tco_usd}: not derivable from the
     * per-period quantiles, since quantiles do not add.
     *
     * @param figure the figure's name (see {@link SummaryLookup#quantiles(String)})
     * @return one value per probability, or empty when the figure was not banded (the default)
     */
    default Optional<double[]> summaryQuantiles(String figure) {
        return Optional.empty();
    }

    /**
     * The mean over the runs of a summary figure, e.g. {@code resolved_accelerators}: for a figure that is
     * not a sum over the cube (a resolved count, a peak, a ratio) the mean of the runs differs from the
     * figure of the mean cube.
     *
     * @param figure the figure's name (see {@link SummaryLookup#quantiles(String)})
     * @return the mean, or empty when it was not computed (the default)
     */
    default OptionalDouble summaryMean(String figure) {
        return OptionalDouble.empty();
    }

    /**
     * The mean over the runs of a deployment's resolved count: each run resolves its size with its own
     * sampled inputs (all-in power, PUE, the size itself), so it can differ from the nominal count.
     *
     * @param deploymentId the deployment's id
     * @return the mean count, or empty when it was not computed (the default)
     */
    default OptionalDouble meanResolvedCount(String deploymentId) {
        return OptionalDouble.empty();
    }

    /**
     * The quantiles over the runs (one per probability) of a deployment's peak period average of devices down for
     * repair: the devices spares must cover.
     *
     * @param deploymentId the deployment's id
     * @return one value per probability, or empty when not computed (the default)
     */
    default Optional<double[]> peakInRepairQuantiles(String deploymentId) {
        return Optional.empty();
    }

    /**
     * These bands with the runs' means of summary figures and resolved counts, and the spares question.
     *
     * @param summaryMeans figure name to its mean over the runs (empty when not computed)
     * @param countMeans   deployment id to its mean resolved count over the runs (empty when unknown)
     * @param peakInRepair deployment id to its {@link #peakInRepairQuantiles} (empty when unknown)
     * @return a view answering {@link #summaryMean}, {@link #meanResolvedCount} and {@link #peakInRepairQuantiles}
     *         from the lookups and everything else from this one
     */
    default QuantileBands withMeans(Function<String, OptionalDouble> summaryMeans,
                                    Function<String, OptionalDouble> countMeans,
                                    Function<String, Optional<double[]>> peakInRepair) {
        Objects.requireNonNull(summaryMeans, "summaryMeans");
        Objects.requireNonNull(countMeans, "countMeans");
        Objects.requireNonNull(peakInRepair, "peakInRepair");
        QuantileBands base = this;
        return new QuantileBands() {
            @Override
            public Grouping grouping() {
                return base.grouping();
            }

            @Override
            public List<String> groups() {
                return base.groups();
            }

            @Override
            public Timeline timeline() {
                return base.timeline();
            }

            @Override
            public int runs() {
                return base.runs();
            }

            @Override
            public boolean exact() {
                return base.exact();
            }

            @Override
            public double[] probabilities() {
                return base.probabilities();
            }

            @Override
            public double quantile(int q, Metric metric, int group, int period) {
                return base.quantile(q, metric, group, period);
            }

            @Override
            public Optional<double[]> summaryQuantiles(String figure) {
                return base.summaryQuantiles(figure);
            }

            @Override
            public OptionalDouble summaryMean(String figure) {
                return summaryMeans.apply(figure);
            }

            @Override
            public OptionalDouble meanResolvedCount(String deploymentId) {
                return countMeans.apply(deploymentId);
            }

            @Override
            public Optional<double[]> peakInRepairQuantiles(String deploymentId) {
                return peakInRepair.apply(deploymentId);
            }
        };
    }

    /**
     * The index of a probability, within 1e-9.
     *
     * @param probability e.g. 0.1
     * @return its index in {@link #probabilities()}, or -1
     */
    default int indexOf(double probability) {
        double[] p = probabilities();
        for (int q = 0; q < p.length; q++) {
            if (Math.abs(p[q] - probability) < 1e-9) {
                return q;
            }
        }
        return -1;
    }

    /**
     * The writers' view of Monte Carlo bands.
     *
     * @param r the result
     * @return the bands: cells, every summary figure's quantiles and mean over the runs, every deployment's mean
     *         resolved count and the quantiles of its peak devices in repair
     */
    static QuantileBands of(io.fleetcast.analyse.MonteCarloResult r) {
        return QuantileBands.of(r.grouping(), r.groups(), r.timeline(), r.runs(), r.bandsExact(), r.quantiles(),
                (q, metric, group, period) -> r.cubeBands().quantile(q, r.cell(metric, group, period)),
                figure -> {
                    int cell = io.fleetcast.analyse.SummaryCells.byName(figure);
                    if (cell < 0) {
                        return Optional.empty();
                    }
                    double[] out = new double[r.quantiles().length];
                    for (int q = 0; q < out.length; q++) {
                        out[q] = r.summaryBands().quantile(q, cell);
                    }
                    return Optional.of(out);
                }).withMeans(figure -> {
                    int cell = io.fleetcast.analyse.SummaryCells.byName(figure);
                    return cell < 0 ? OptionalDouble.empty() : OptionalDouble.of(r.summaryMean(cell));
                }, id -> {
                    List<String> ids = r.meanProjection().cube().groups();
                    int d = ids.indexOf(id);
                    return d < 0 ? OptionalDouble.empty() : OptionalDouble.of(r.sizing().meanCount(d));
                }, id -> {
                    int d = r.meanProjection().cube().groups().indexOf(id);
                    if (d < 0) {
                        return Optional.empty();
                    }
                    double[] out = new double[r.quantiles().length];
                    for (int q = 0; q < out.length; q++) {
                        out[q] = r.sizing().peakInRepairQuantile(d, r.quantiles()[q]);
                    }
                    return Optional.of(out);
                });
    }

    /**
     * Bands over lookups.
     *
     * @param grouping      grouping of the groups
     * @param groups        group names
     * @param timeline      periods
     * @param runs          number of runs
     * @param exact         whether the cell quantiles are exact order statistics (false: estimates)
     * @param probabilities ascending probabilities in (0, 1); copied
     * @param cells         the cell quantiles
     * @param summary       the summary quantiles, or null when there are none
     * @return the view
     * @throws IllegalArgumentException when the probabilities are not ascending in (0, 1) or {@code runs < 1}
     */
    static QuantileBands of(Grouping grouping, List<String> groups, Timeline timeline, int runs, boolean exact,
                            double[] probabilities, CellLookup cells, SummaryLookup summary) {
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(cells, "cells");
        List<String> g = List.copyOf(groups);
        double[] p = probabilities.clone();
        if (runs < 1) {
            throw new IllegalArgumentException("bands need at least one run, got " + runs);
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] > 0 && p[i] < 1) || (i > 0 && !(p[i] > p[i - 1]))) {
                throw new IllegalArgumentException("quantile probabilities must ascend in (0, 1): " + java.util.Arrays.toString(p));
            }
        }
        return new QuantileBands() {
            @Override
            public Grouping grouping() {
                return grouping;
            }

            @Override
            public List<String> groups() {
                return g;
            }

            @Override
            public Timeline timeline() {
                return timeline;
            }

            @Override
            public int runs() {
                return runs;
            }

            @Override
            public boolean exact() {
                return exact;
            }

            @Override
            public double[] probabilities() {
                return p.clone();
            }

            @Override
            public double quantile(int q, Metric metric, int group, int period) {
                return cells.quantile(q, metric, group, period);
            }

            @Override
            public Optional<double[]> summaryQuantiles(String figure) {
                return summary == null ? Optional.empty() : summary.quantiles(figure);
            }
        };
    }

    /**
     * Bands held as one cube per probability (all with the same grouping, groups and timeline). The cubes
     * are the quantiles themselves, so the view reports them as {@link #exact()}.
     *
     * @param probabilities ascending probabilities in (0, 1)
     * @param cubes         {@code cubes.get(q)} holds the quantile {@code probabilities[q]} of every cell
     * @param runs          number of runs
     * @return the view
     */
    static QuantileBands ofCubes(double[] probabilities, List<MetricCube> cubes, int runs) {
        if (cubes.size() != probabilities.length || cubes.isEmpty()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities but " + cubes.size() + " cubes");
        }
        MetricCube first = cubes.get(0);
        for (MetricCube c : cubes) {
            if (c.grouping() != first.grouping() || !c.groups().equals(first.groups()) || !c.timeline().equals(first.timeline())) {
                throw new IllegalArgumentException("quantile cubes differ in shape: " + first + " vs " + c);
            }
        }
        List<MetricCube> copy = List.copyOf(cubes);
        return of(first.grouping(), first.groups(), first.timeline(), runs, true, probabilities,
                (q, metric, group, period) -> copy.get(q).value(metric, group, period), null);
    }
}
