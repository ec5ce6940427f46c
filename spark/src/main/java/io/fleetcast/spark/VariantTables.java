package io.fleetcast.spark;

import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.sweep.SweepTables;
import io.fleetcast.sweep.Variant;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One variant's reduced tables, as they travel from the executor that reduced them to the Parquet writers: the
 * rows of {@link SweepTables#forEachLongRow} and {@link SweepTables#forEachSummaryRow}, column by column.
 * Strings repeat (a few distinct values per column), so Java serialization's back-references keep them small.
 */
final class VariantTables implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String variant;
    private final String scenario;
    private final String mode;
    private final int runs;
    private final long seed;
    private final List<String> statistic = new ArrayList<>();
    private final List<String> method = new ArrayList<>();
    private final List<String> grouping = new ArrayList<>();
    private final List<String> group = new ArrayList<>();
    private final List<Timestamp> start = new ArrayList<>();
    private final List<Timestamp> end = new ArrayList<>();
    private final List<String> metric = new ArrayList<>();
    private final List<String> unit = new ArrayList<>();
    private double[] value = new double[64];
    private int longRows;
    private final List<String> figure = new ArrayList<>();
    private final List<String> figureStatistic = new ArrayList<>();
    private double[] figureValue = new double[64];
    private int summaryRows;

    private VariantTables(String variant, String scenario, String mode, int runs, long seed) {
        this.variant = variant;
        this.scenario = scenario;
        this.mode = mode;
        this.runs = runs;
        this.seed = seed;
    }

    /**
     * The tables of one variant's Monte Carlo.
     *
     * @param v    the variant
     * @param r    its reduced Monte Carlo
     * @param seed the sweep's seed
     * @return the tables
     */
    static VariantTables of(Variant v, MonteCarloResult r, long seed) {
        VariantTables t = new VariantTables(v.id(), r.scenario().name(), r.mode().id(), r.runs(), seed);
        try {
            SweepTables.forEachLongRow(r, (statistic, method, grouping, group, start, end, metric, value) -> {
                t.statistic.add(statistic);
                t.method.add(method);
                t.grouping.add(grouping);
                t.group.add(group);
                t.start.add(Timestamp.from(start.toInstant(ZoneOffset.UTC)));
                t.end.add(Timestamp.from(end.toInstant(ZoneOffset.UTC)));
                t.metric.add(metric.id());
                t.unit.add(metric.unit());
                if (t.longRows == t.value.length) {
                    t.value = java.util.Arrays.copyOf(t.value, 2 * t.longRows);
                }
                t.value[t.longRows++] = value;
            });
            SweepTables.forEachSummaryRow(r, (figure, statistic, value) -> {
                t.figure.add(figure);
                t.figureStatistic.add(statistic);
                if (t.summaryRows == t.figureValue.length) {
                    t.figureValue = java.util.Arrays.copyOf(t.figureValue, 2 * t.summaryRows);
                }
                t.figureValue[t.summaryRows++] = value;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sinks above do no I/O
        }
        return t;
    }

    /** The long rows, in the columns of {@link Tables#LONG}. */
    List<Row> longRows() {
        List<Row> rows = new ArrayList<>(longRows);
        for (int i = 0; i < longRows; i++) {
            rows.add(RowFactory.create(variant, scenario, mode, statistic.get(i), method.get(i), grouping.get(i), group.get(i),
                    start.get(i), end.get(i), metric.get(i), unit.get(i), value[i]));
        }
        return rows;
    }

    /** The summary rows, in the columns of {@link Tables#SUMMARY}. */
    List<Row> summaryRows() {
        List<Row> rows = new ArrayList<>(summaryRows);
        for (int i = 0; i < summaryRows; i++) {
            rows.add(RowFactory.create(variant, scenario, mode, runs, seed, figure.get(i), figureStatistic.get(i), figureValue[i]));
        }
        return rows;
    }
}
