package io.fleetcast.sweep;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Timeline;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.analyse.SummaryCells;
import io.fleetcast.write.CsvWriter;
import io.fleetcast.write.Numbers;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a sweep's results, one definition for every writer (the CSV files of {@code fleetcast sweep} and
 * the Parquet tables of the Spark job).
 *
 * <p><b>results-long</b>: the columns of {@code results-long.csv} ({@link CsvWriter#LONG_COLUMNS}) after a
 * {@code variant} column; per variant, the rows {@code fleetcast run --runs N --csv-groupings KEY --bands-by KEY}
 * writes for its bands' grouping KEY: the mean of the runs ({@code statistic = mean}, {@code value} for one run),
 * then each quantile band ({@code p10} ...), each by metric, group, period.
 *
 * <p><b>summary</b>: per variant and summary figure ({@link SummaryCells#name}: {@code total.tco_usd},
 * {@code peak.facility_power_mw}, {@code npv_cash_usd} ...), the mean over the runs of each run's figure and its
 * quantiles (always exact order statistics): columns {@link #SUMMARY_COLUMNS}.
 *
 * <p><b>variants</b>: per variant, its base scenario and overrides: columns {@link #VARIANT_COLUMNS}.
 */
public final class SweepTables {

    /** The columns of the long table: {@code variant}, then those of {@code results-long.csv}. */
    public static final List<String> LONG_COLUMNS = longColumns();
    /** The columns of the summary table. */
    public static final List<String> SUMMARY_COLUMNS = List.of("variant", "scenario", "mode", "runs", "seed", "figure",
            "statistic", "value");
    /** The columns of the variants table. */
    public static final List<String> VARIANT_COLUMNS = List.of("variant", "scenario", "source", "sets");

    private SweepTables() {
    }

    private static List<String> longColumns() {
        List<String> c = new ArrayList<>();
        c.add("variant");
        c.addAll(CsvWriter.LONG_COLUMNS);
        return List.copyOf(c);
    }

    /** Receives the rows of one variant's long table. */
    @FunctionalInterface
    public interface LongRowSink {
        /**
         * One row.
         *
         * @param statistic   {@code mean}, {@code value} or a quantile name such as {@code p10}
         * @param method      {@code exact} or {@code p2-estimate}
         * @param grouping    the grouping's id
         * @param group       the group's name
         * @param periodStart start of the period (UTC)
         * @param periodEnd   end of the period (UTC)
         * @param metric      the metric (its id and unit are columns)
         * @param value       the value
         * @throws IOException when the sink cannot write
         */
        void row(String statistic, String method, String grouping, String group, LocalDateTime periodStart,
                 LocalDateTime periodEnd, Metric metric, double value) throws IOException;
    }

    /** Receives the rows of one variant's summary table. */
    @FunctionalInterface
    public interface SummaryRowSink {
        /**
         * One row.
         *
         * @param figure    the figure's name
         * @param statistic {@code mean} or a quantile name
         * @param value     the value
         * @throws IOException when the sink cannot write
         */
        void row(String figure, String statistic, double value) throws IOException;
    }

    /**
     * The long rows of one variant, in the order of {@code results-long.csv}: statistic, metric, group, period.
     *
     * @param r    the variant's Monte Carlo
     * @param sink receives each row
     * @throws IOException when the sink fails
     */
    public static void forEachLongRow(MonteCarloResult r, LongRowSink sink) throws IOException {
        Timeline t = r.timeline();
        int periods = t.periods();
        LocalDateTime[] starts = new LocalDateTime[periods];
        LocalDateTime[] ends = new LocalDateTime[periods];
        for (int i = 0; i < periods; i++) {
            starts[i] = t.periodStart(i);
            ends[i] = t.periodEnd(i);
        }
        String grouping = r.grouping().id();
        MetricCube mean = r.meanProjection().cube(r.grouping());
        String statistic = r.runs() > 1 ? "mean" : "value";
        for (Metric m : Metric.values()) {
            for (int g = 0; g < mean.groups().size(); g++) {
                for (int i = 0; i < periods; i++) {
                    sink.row(statistic, "exact", grouping, mean.groups().get(g), starts[i], ends[i], m, mean.value(m, g, i));
                }
            }
        }
        double[] q = r.quantiles();
        String method = r.bandsExact() ? "exact" : "p2-estimate";
        for (int k = 0; k < q.length; k++) {
            String name = Numbers.quantileName(q[k]);
            for (Metric m : Metric.values()) {
                for (int g = 0; g < r.groups().size(); g++) {
                    for (int i = 0; i < periods; i++) {
                        sink.row(name, method, grouping, r.groups().get(g), starts[i], ends[i], m,
                                r.cubeBands().quantile(k, r.cell(m, g, i)));
                    }
                }
            }
        }
    }

    /**
     * The summary rows of one variant: per figure, its mean over the runs, then each quantile.
     *
     * @param r    the variant's Monte Carlo
     * @param sink receives each row
     * @throws IOException when the sink fails
     */
    public static void forEachSummaryRow(MonteCarloResult r, SummaryRowSink sink) throws IOException {
        double[] q = r.quantiles();
        String[] names = new String[q.length];
        for (int k = 0; k < q.length; k++) {
            names[k] = Numbers.quantileName(q[k]);
        }
        for (int cell = 0; cell < SummaryCells.COUNT; cell++) {
            String figure = SummaryCells.name(cell);
            sink.row(figure, "mean", r.summaryMean(cell));
            for (int k = 0; k < q.length; k++) {
                sink.row(figure, names[k], r.summaryBands().quantile(k, cell));
            }
        }
    }

    /**
     * Writes the long table of every variant as CSV (values exact, as in {@code results-long.csv}).
     *
     * @param results the variants' results, in variant order
     * @param out     the destination; not closed
     * @throws IOException when writing fails
     */
    public static void writeLongCsv(List<SweepRunner.VariantResult> results, Writer out) throws IOException {
        out.write(longCsvHeader());
        for (SweepRunner.VariantResult vr : results) {
            writeLongCsvRows(vr, out);
        }
    }

    /** The header line of the long CSV, with its line break. */
    public static String longCsvHeader() {
        return String.join(",", LONG_COLUMNS) + "\n";
    }

    /**
     * Writes one variant's rows of the long CSV (no header).
     *
     * @param vr  the variant's result
     * @param out the destination; not closed
     * @throws IOException when writing fails
     */
    public static void writeLongCsvRows(SweepRunner.VariantResult vr, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(200);
        MonteCarloResult r = vr.result();
        String head = vr.variant().id() + "," + Numbers.csv(r.scenario().name()) + "," + r.mode().id() + ",";
        forEachLongRow(r, (statistic, method, grouping, group, start, end, metric, value) -> {
            b.setLength(0);
            b.append(head).append(statistic).append(',').append(method).append(',').append(grouping).append(',')
                    .append(Numbers.csv(group)).append(',').append(Numbers.instant(start)).append(',')
                    .append(Numbers.instant(end)).append(',').append(metric.id()).append(',').append(metric.unit())
                    .append(',').append(Numbers.exact(value)).append('\n');
            out.append(b);
        });
    }

    /**
     * Writes the summary table of every variant as CSV.
     *
     * @param sweep   the sweep (runs, seed)
     * @param results the variants' results, in variant order
     * @param out     the destination; not closed
     * @throws IOException when writing fails
     */
    public static void writeSummaryCsv(Sweep sweep, List<SweepRunner.VariantResult> results, Writer out) throws IOException {
        out.write(summaryCsvHeader());
        for (SweepRunner.VariantResult vr : results) {
            writeSummaryCsvRows(sweep, vr, out);
        }
    }

    /** The header line of the summary CSV, with its line break. */
    public static String summaryCsvHeader() {
        return String.join(",", SUMMARY_COLUMNS) + "\n";
    }

    /**
     * Writes one variant's rows of the summary CSV (no header).
     *
     * @param sweep the sweep (its seed)
     * @param vr    the variant's result
     * @param out   the destination; not closed
     * @throws IOException when writing fails
     */
    public static void writeSummaryCsvRows(Sweep sweep, SweepRunner.VariantResult vr, Writer out) throws IOException {
        MonteCarloResult r = vr.result();
        String head = vr.variant().id() + "," + Numbers.csv(r.scenario().name()) + "," + r.mode().id() + "," + r.runs()
                + "," + sweep.seed() + ",";
        forEachSummaryRow(r, (figure, statistic, value) -> out.append(head).append(figure).append(',').append(statistic)
                .append(',').append(Numbers.exact(value)).append('\n'));
    }

    /**
     * Writes the variants table as CSV.
     *
     * @param sweep the sweep
     * @param out   the destination; not closed
     * @throws IOException when writing fails
     */
    public static void writeVariantsCsv(Sweep sweep, Writer out) throws IOException {
        out.write(String.join(",", VARIANT_COLUMNS));
        out.write('\n');
        for (Variant v : sweep.variants()) {
            out.append(v.id()).append(',').append(Numbers.csv(v.scenario().name())).append(',').append(Numbers.csv(v.source()))
                    .append(',').append(Numbers.csv(v.setsText())).append('\n');
        }
    }
}
