package io.fleetcast.model;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results of a projection: every {@link Metric} for every group for every period of a
 * {@link Timeline}, held in one row-major array
 *
 * <pre>{@code values[(metric * groups + group) * periods + period]}</pre>
 *
 * where {@code metric} is {@link Metric#ordinal()}, {@code group} indexes {@link #groups()} and
 * {@code period} indexes the timeline. A period value of a flow metric is its integral over the period; of
 * a level metric, its time average over the period.
 *
 * <p>Immutable and thread-safe. Cubes with the same grouping, groups and timeline combine with
 * {@link #plus(MetricCube)} and {@link #scaled(double)}, so partial results (runs, shards, device blocks)
 * merge associatively, e.g. the mean of runs is {@code a.plus(b).plus(c).scaled(1.0 / 3)}. Every value is
 * finite: factories reject NaN and infinity.
 */
public final class MetricCube {

    private final Grouping grouping;
    private final List<String> groups;
    private final Map<String, Integer> groupIndex;
    private final Timeline timeline;
    private final double[] values;

    private MetricCube(Grouping grouping, List<String> groups, Timeline timeline, double[] values) {
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.groups = List.copyOf(groups);
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        if (this.groups.isEmpty()) {
            throw new IllegalArgumentException("a cube needs at least one group");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < this.groups.size(); g++) {
            if (index.put(this.groups.get(g), g) != null) {
                throw new IllegalArgumentException("duplicate group '" + this.groups.get(g) + "'");
            }
        }
        this.groupIndex = Map.copyOf(index);
        int expected = Metric.COUNT * this.groups.size() * timeline.periods();
        if (values.length != expected) {
            throw new IllegalArgumentException("cube of " + Metric.COUNT + " metrics x " + this.groups.size()
                    + " groups x " + timeline.periods() + " periods needs " + expected + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                int periods = timeline.periods();
                int gm = i / periods;
                throw new ArithmeticException("non-finite value " + values[i] + " for metric "
                        + Metric.ofIndex(gm / this.groups.size()).id() + ", group '"
                        + this.groups.get(gm % this.groups.size()) + "', period " + (i % periods));
            }
        }
        this.values = values;
    }

    /**
     * A cube over the given values (copied).
     *
     * @param grouping how the groups were formed
     * @param groups   group names, distinct, at least one
     * @param timeline the periods
     * @param values   {@code Metric.COUNT * groups.size() * timeline.periods()} finite values in the
     *                 layout of the class comment. Not modified.
     * @return the cube
     * @throws IllegalArgumentException on a size mismatch or duplicate group
     * @throws ArithmeticException      when a value is NaN or infinite, naming its metric, group and period
     */
    public static MetricCube of(Grouping grouping, List<String> groups, Timeline timeline, double[] values) {
        return new MetricCube(grouping, groups, timeline, values.clone());
    }

    /**
     * A cube that takes the given array as its own, without the copy {@link #of} makes: for a producer that fills
     * an array for the cube and then drops it. The portfolio's deployment cube is 0.7 MB; its copy was 3 % of the
     * samples of {@code serve} answering projections (JFR, 2026-12-03).
     *
     * @param grouping how the groups were formed
     * @param groups   group names, distinct, at least one
     * @param timeline the periods
     * @param values   the values as for {@link #of}; the caller must not write to the array afterwards
     * @return the cube
     * @throws IllegalArgumentException on a size mismatch or duplicate group
     * @throws ArithmeticException      when a value is NaN or infinite, naming its metric, group and period
     */
    public static MetricCube ofOwned(Grouping grouping, List<String> groups, Timeline timeline, double[] values) {
        return new MetricCube(grouping, groups, timeline, values);
    }

    /**
     * The flat index of a value: {@code (metric * groups + group) * periods + period}.
     *
     * @param metric the metric
     * @param group  group index
     * @param period period index
     * @return the index into {@link #toArray()}
     */
    public int index(Metric metric, int group, int period) {
        int periods = timeline.periods();
        Objects.checkIndex(group, groups.size());
        Objects.checkIndex(period, periods);
        return (metric.ordinal() * groups.size() + group) * periods + period;
    }

    /** {@return how the groups were formed} */
    public Grouping grouping() {
        return grouping;
    }

    /** {@return the group names, in cube order (immutable)} */
    public List<String> groups() {
        return groups;
    }

    /**
     * The index of a group.
     *
     * @param group a group name
     * @return its index in {@link #groups()}
     * @throws IllegalArgumentException when the cube has no such group
     */
    public int groupIndex(String group) {
        Integer g = groupIndex.get(group);
        if (g == null) {
            throw new IllegalArgumentException("no group '" + group + "' in this cube (groups: " + groups + ")");
        }
        return g;
    }

    /** {@return the periods} */
    public Timeline timeline() {
        return timeline;
    }

    /**
     * One value.
     *
     * @param metric the metric
     * @param group  group index
     * @param period period index
     * @return the flow over the period, or the level's time average over the period
     */
    public double value(Metric metric, int group, int period) {
        return values[index(metric, group, period)];
    }

    /**
     * One value, addressed by group name.
     *
     * @param metric the metric
     * @param group  group name
     * @param period period index
     * @return the flow over the period, or the level's time average over the period
     */
    public double value(Metric metric, String group, int period) {
        return value(metric, groupIndex(group), period);
    }

    /**
     * The values of one metric and group for every period (a copy).
     *
     * @param metric the metric
     * @param group  group index
     * @return {@code timeline().periods()} values
     */
    public double[] series(Metric metric, int group) {
        int from = index(metric, group, 0);
        double[] out = new double[timeline.periods()];
        System.arraycopy(values, from, out, 0, out.length);
        return out;
    }

    /**
     * The metric over the whole horizon: the sum over periods for a flow, the hour-weighted average for a
     * level.
     *
     * @param metric the metric
     * @param group  group index
     * @return the total (flow) or horizon average (level)
     */
    public double total(Metric metric, int group) {
        return aggregate(metric, group, 0, timeline.periods());
    }

    /**
     * The metric over the whole horizon for a named group.
     *
     * @param metric the metric
     * @param group  group name
     * @return the total (flow) or horizon average (level)
     */
    public double total(Metric metric, String group) {
        return total(metric, groupIndex(group));
    }

    /**
     * The metric over periods {@code [fromPeriod, toPeriod)}: the sum for a flow, the hour-weighted average
     * for a level (0 for an empty range).
     *
     * @param metric     the metric
     * @param group      group index
     * @param fromPeriod first period, inclusive
     * @param toPeriod   last period, exclusive
     * @return the aggregate
     */
    public double aggregate(Metric metric, int group, int fromPeriod, int toPeriod) {
        Objects.checkFromToIndex(fromPeriod, toPeriod, timeline.periods());
        if (fromPeriod == toPeriod) {
            return 0;
        }
        int base = index(metric, group, 0);
        if (metric.isFlow()) {
            double sum = 0;
            for (int p = fromPeriod; p < toPeriod; p++) {
                sum += values[base + p];
            }
            return sum;
        }
        double weighted = 0;
        double hours = 0;
        for (int p = fromPeriod; p < toPeriod; p++) {
            double h = timeline.hours(p);
            weighted += values[base + p] * h;
            hours += h;
        }
        return weighted / hours;
    }

    /**
     * The largest period value of a metric for a group (for a level: the highest period average).
     *
     * @param metric the metric
     * @param group  group index
     * @return the maximum over periods
     */
    public double peak(Metric metric, int group) {
        return peak(metric, group, 0, timeline.periods());
    }

    /**
     * The largest period value of a metric for a named group.
     *
     * @param metric the metric
     * @param group  group name
     * @return the maximum over periods
     */
    public double peak(Metric metric, String group) {
        return peak(metric, groupIndex(group));
    }

    /**
     * The largest period value over periods {@code [fromPeriod, toPeriod)} (0 for an empty range).
     *
     * @param metric     the metric
     * @param group      group index
     * @param fromPeriod first period, inclusive
     * @param toPeriod   last period, exclusive
     * @return the maximum
     */
    public double peak(Metric metric, int group, int fromPeriod, int toPeriod) {
        Objects.checkFromToIndex(fromPeriod, toPeriod, timeline.periods());
        if (fromPeriod == toPeriod) {
            return 0;
        }
        int base = index(metric, group, 0);
        double max = values[base + fromPeriod];
        for (int p = fromPeriod + 1; p < toPeriod; p++) {
            max = Math.max(max, values[base + p]);
        }
        return max;
    }

    /**
     * Rolls groups up into coarser groups by summing them (every metric, levels included, is additive
     * across groups).
     *
     * @param target  the grouping of the result
     * @param groupOf for every group of this cube, the name of the group it belongs to in the result; the
     *                result's groups are in order of first appearance. Not modified.
     * @return the rolled-up cube
     * @throws IllegalArgumentException when a group of this cube has no target group
     */
    public MetricCube rollUp(Grouping target, Map<String, String> groupOf) {
        Map<String, Integer> targetIndex = new LinkedHashMap<>();
        int[] map = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            String to = groupOf.get(groups.get(g));
            if (to == null) {
                throw new IllegalArgumentException("group '" + groups.get(g) + "' has no " + target.id() + " to roll up into");
            }
            Integer t = targetIndex.get(to);
            if (t == null) {
                t = targetIndex.size();
                targetIndex.put(to, t);
            }
            map[g] = t;
        }
        int periods = timeline.periods();
        int from = groups.size();
        int to = targetIndex.size();
        double[] out = new double[Metric.COUNT * to * periods];
        for (int m = 0; m < Metric.COUNT; m++) {
            for (int g = 0; g < from; g++) {
                int src = (m * from + g) * periods;
                int dst = (m * to + map[g]) * periods;
                for (int p = 0; p < periods; p++) {
                    out[dst + p] += values[src + p];
                }
            }
        }
        return new MetricCube(target, new ArrayList<>(targetIndex.keySet()), timeline, out);
    }

    /**
     * The element-wise sum of two cubes over the same grouping, groups and timeline. Associative and
     * commutative up to floating-point rounding; sum in a fixed order for bit-for-bit reproducibility.
     *
     * @param other a cube with the same shape
     * @return a new cube
     * @throws IllegalArgumentException when the shapes differ
     */
    public MetricCube plus(MetricCube other) {
        checkSameShape(other);
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += other.values[i];
        }
        return new MetricCube(grouping, groups, timeline, out);
    }

    /**
     * Every value multiplied by a factor (e.g. {@code 1.0 / runs} to turn a sum of runs into their mean).
     *
     * @param factor a finite factor
     * @return a new cube
     */
    public MetricCube scaled(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("scale factor must be finite, was " + factor);
        }
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return new MetricCube(grouping, groups, timeline, out);
    }

    /** {@return a read-only view of the values in the layout of the class comment (no copy)} */
    public DoubleBuffer values() {
        return DoubleBuffer.wrap(values).asReadOnlyBuffer();
    }

    /** {@return the values in the layout of the class comment (a copy)} */
    public double[] toArray() {
        return values.clone();
    }

    private void checkSameShape(MetricCube other) {
        if (grouping != other.grouping || !groups.equals(other.groups) || !timeline.equals(other.timeline)) {
            throw new IllegalArgumentException("cubes differ in shape: " + describe() + " vs " + other.describe());
        }
    }

    private String describe() {
        return grouping.id() + " " + groups + " " + timeline;
    }

    /** Equal when grouping, groups, timeline and every value (bit for bit) are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MetricCube c && grouping == c.grouping && groups.equals(c.groups)
                && timeline.equals(c.timeline) && java.util.Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grouping, groups, timeline, java.util.Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "MetricCube[" + describe() + "]";
    }
}
