package io.fleetcast.write;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Timeline;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a scenario's cube as CSV, in two shapes.
 *
 * <p><b>Long (tidy)</b>, for pandas, DuckDB, R and BI tools: one value per row, columns
 * {@code scenario,mode,statistic,statistic_method,grouping,group,period_start,period_end,metric,unit,value}.
 * {@code statistic} is {@code value} for a single projection, {@code mean} for the mean of Monte Carlo
 * runs, and {@code p10}, {@code p50}, ... for quantile bands (written for the bands' own grouping only);
 * {@code statistic_method} is {@code exact} for values, means and quantiles that are order statistics of
 * the runs, and {@code p2-estimate} for quantiles estimated by the streaming P² algorithm (when the runs x
 * cells exceed the memory budget). Periods are {@code [period_start, period_end)}
 * in UTC ({@code 2026-07-01T00:00:00Z}). Rows are ordered by statistic, grouping, metric, group, period.
 *
 * <p><b>Wide</b>, for spreadsheets: one row per period, columns {@code period_start,period_end,hours,statistic},
 * then one column per metric x group named {@code metric[grouping=group]}, or {@code metric[total]}
 * for the total; metrics in their fixed order, each metric's groups together. Only the projection's
 * own statistic (value or mean, named in the {@code statistic} column of every row) is in the wide file.
 * Dates are {@code 2026-07-01 00:00:00} (UTC), which spreadsheets read as dates; every other column is
 * a number in every row.
 *
 * <p>Values are exact ({@link Numbers#exact(double)}), in the unit the metric's name carries; the
 * caller owns and closes the writer, and writes through {@link AtomicFiles}.
 */
public final class CsvWriter {

    /** The columns of the long file, in order. */
    public static final List<String> LONG_COLUMNS = List.of("scenario", "mode", "statistic", "statistic_method",
            "grouping", "group", "period_start", "period_end", "metric", "unit", "value");

    /** The leading columns of the wide file, in order; the metric x group columns follow. */
    public static final List<String> WIDE_LEADING_COLUMNS = List.of("period_start", "period_end", "hours", "statistic");

    private CsvWriter() {
    }

    /**
     * Receives the rows of the long layout ({@link #LONG_COLUMNS}), in file order, one call per row. The
     * {@code scenario} and {@code mode} columns are the same in every row of a result ({@link ScenarioResult#name()},
     * the projection's mode); the period's start and end are those of period {@code period} of the projection's
     * timeline; {@code metric} gives the {@code metric} and {@code unit} columns. Every writer of the long layout
     * (this CSV, the Parquet module's table) takes its rows from {@link #forEachLongRow}, so they cannot drift apart.
     */
    @FunctionalInterface
    public interface LongRowSink {
        /**
         * One row.
         *
         * @param statistic {@code value}, {@code mean} or a quantile name such as {@code p10}; the same String
         *                  instance for every row of one statistic
         * @param method    {@code exact} or {@code p2-estimate}
         * @param grouping  the grouping
         * @param group     the group's name; the same String instance for every row of one group
         * @param period    the period's index in the projection's timeline
         * @param metric    the metric
         * @param value     the value
         * @throws IOException when the sink cannot write
         */
        void row(String statistic, String method, Grouping grouping, String group, int period, Metric metric, double value)
                throws IOException;
    }

    /**
     * The rows of the long layout, in order: statistic, grouping, metric, group, period. First the projection's own
     * values ({@code value}, or {@code mean} for Monte Carlo) of every grouping in {@code groupings}, then each
     * quantile band ({@code p10} ...) of the bands' own grouping, if the result has bands.
     *
     * @param result    the scenario's results
     * @param groupings the groupings to give the projection's values for, e.g. deployment, deal, total
     * @param sink      receives each row
     * @throws IOException when the sink fails
     */
    public static void forEachLongRow(ScenarioResult result, List<Grouping> groupings, LongRowSink sink) throws IOException {
        Projection p = result.projection();
        int periods = p.timeline().periods();
        String statistic = result.statistic();
        for (Grouping grouping : groupings) {
            MetricCube cube = p.cube(grouping);
            List<String> groups = cube.groups();
            for (Metric m : Metric.values()) {
                for (int g = 0; g < groups.size(); g++) {
                    String group = groups.get(g);
                    for (int i = 0; i < periods; i++) {
                        sink.row(statistic, "exact", grouping, group, i, m, cube.value(m, g, i));
                    }
                }
            }
        }
        if (result.bands().isPresent()) {
            QuantileBands b = result.bands().get();
            double[] probabilities = b.probabilities();
            String method = b.exact() ? "exact" : "p2-estimate";
            List<String> groups = b.groups();
            for (int q = 0; q < probabilities.length; q++) {
                String quantile = Numbers.quantileName(probabilities[q]);
                for (Metric m : Metric.values()) {
                    for (int g = 0; g < groups.size(); g++) {
                        String group = groups.get(g);
                        for (int i = 0; i < periods; i++) {
                            sink.row(quantile, method, b.grouping(), group, i, m, b.quantile(q, m, g, i));
                        }
                    }
                }
            }
        }
    }

    /**
     * Writes the long (tidy) CSV: the rows of {@link #forEachLongRow}.
     *
     * @param result    the scenario's results
     * @param groupings the groupings to write the projection's values for, e.g. deployment, deal, total
     * @param out       the destination; not closed
     * @throws IOException when writing fails
     */
    public static void writeLong(ScenarioResult result, List<Grouping> groupings, Writer out) throws IOException {
        Projection p = result.projection();
        Timeline t = p.timeline();
        String[] starts = new String[t.periods()];
        String[] ends = new String[t.periods()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = Numbers.instant(t.periodStart(i));
            ends[i] = Numbers.instant(t.periodEnd(i));
        }
        out.write(String.join(",", LONG_COLUMNS));
        out.write('\n');
        forEachLongRow(result, groupings, new LongCsvRows(Numbers.csv(result.name()) + "," + p.mode().id() + ",", starts, ends, out));
    }

    /**
     * Formats the long rows as CSV lines. The text before the group ({@code scenario,...,grouping,}) and the quoted
     * group change once per block of rows, so they are rebuilt only when the (identical) instances passed in change.
     * A named class rather than a lambda: the launcher's start-up cache is made without linked invokedynamic call
     * sites ({@code ./fleetcast}), so a lambda here would be spun up on every start.
     */
    private static final class LongCsvRows implements LongRowSink {
        private final String head;
        private final String[] starts;
        private final String[] ends;
        private final Writer out;
        private final StringBuilder row = new StringBuilder(160);
        private String statistic;
        private String method;
        private Grouping grouping;
        private String prefix;
        private String group;
        private String quotedGroup;

        LongCsvRows(String head, String[] starts, String[] ends, Writer out) {
            this.head = head;
            this.starts = starts;
            this.ends = ends;
            this.out = out;
        }

        @Override
        public void row(String statistic, String method, Grouping grouping, String group, int period, Metric metric,
                        double value) throws IOException {
            if (statistic != this.statistic || method != this.method || grouping != this.grouping) {
                this.statistic = statistic;
                this.method = method;
                this.grouping = grouping;
                prefix = head + statistic + "," + method + "," + grouping.id() + ",";
            }
            if (group != this.group) {
                this.group = group;
                quotedGroup = Numbers.csv(group);
            }
            row.setLength(0);
            row.append(prefix).append(quotedGroup).append(',').append(starts[period]).append(',').append(ends[period])
                    .append(',').append(metric.id()).append(',').append(metric.unit()).append(',')
                    .append(Numbers.exact(value)).append('\n');
            out.append(row);
        }
    }

    /**
     * Writes the wide CSV: one row per period.
     *
     * @param result    the scenario's results
     * @param groupings the groupings whose groups become columns
     * @param out       the destination; not closed
     * @throws IOException when writing fails
     */
    public static void writeWide(ScenarioResult result, List<Grouping> groupings, Writer out) throws IOException {
        Projection p = result.projection();
        Timeline t = p.timeline();
        MetricCube[] cubes = new MetricCube[groupings.size()];
        for (int k = 0; k < cubes.length; k++) {
            cubes[k] = p.cube(groupings.get(k));
        }
        StringBuilder header = new StringBuilder(String.join(",", WIDE_LEADING_COLUMNS));
        for (Metric m : Metric.values()) {
            for (MetricCube cube : cubes) {
                for (String group : cube.groups()) {
                    header.append(',').append(Numbers.csv(wideColumn(m, cube.grouping(), group)));
                }
            }
        }
        out.write(header.append('\n').toString());
        StringBuilder row = new StringBuilder(4096);
        for (int i = 0; i < t.periods(); i++) {
            row.setLength(0);
            row.append(Numbers.spreadsheetInstant(t.periodStart(i))).append(',')
                    .append(Numbers.spreadsheetInstant(t.periodEnd(i))).append(',').append(Numbers.exact(t.hours(i)))
                    .append(',').append(result.statistic());
            for (Metric m : Metric.values()) {
                for (MetricCube cube : cubes) {
                    for (int g = 0; g < cube.groups().size(); g++) {
                        row.append(',').append(Numbers.exact(cube.value(m, g, i)));
                    }
                }
            }
            out.append(row.append('\n'));
        }
    }

    /**
     * The wide file's column name of a metric and group: {@code energy_mwh[deal=amd-openai]}, or
     * {@code energy_mwh[total]} for the total.
     *
     * @param metric   the metric
     * @param grouping the grouping
     * @param group    the group name
     * @return the column name
     */
    public static String wideColumn(Metric metric, Grouping grouping, String group) {
        return grouping == Grouping.TOTAL ? metric.id() + "[total]" : metric.id() + "[" + grouping.id() + "=" + group + "]";
    }
}
