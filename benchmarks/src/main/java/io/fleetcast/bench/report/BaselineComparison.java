package io.fleetcast.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches fresh results to the committed baseline (same method, same parameters) and decides which
 * collapsed. The ratio is always "rate now / rate then" in the method's domain unit (see
 * {@link Rates} and {@link DomainInfo#rate}), so above 1 is faster in every mode.
 *
 * <p>Noise must never fail a build, a collapse must. The machine is shared (two cores, other builds
 * running: a quick-profile score can drop to a third of a quiet one while its error bar says so), so a
 * result fails only when even the optimistic end of its 99.9 % confidence interval, rate plus error, is
 * below the threshold (one half by default) times the baseline rate. A result without an error (one
 * iteration) is judged on its rate. Even so, a busy quick run measured the scenario loader at 0.02x of its
 * baseline, and a lost vector path would still pass: {@link BenchReport} fails the build on this comparison
 * only with {@code --gate-absolute}; CI gates on {@link RatioGate}.
 */
public final class BaselineComparison {

    /** The default failure threshold: below half of the baseline rate. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** How a result stands against its baseline. */
    public enum Status {
        /** At or above the threshold. */
        OK,
        /** Below the threshold: the only status that fails the build. */
        REGRESSION,
        /** No baseline entry with the same method and parameters. */
        NO_BASELINE
    }

    /**
     * One compared result.
     *
     * @param result the fresh result
     * @param baseline the baseline entry, or null
     * @param ratio rate now / rate in the baseline; NaN without a baseline
     * @param status the verdict
     */
    public record Row(JmhResult result, JmhResult baseline, double ratio, Status status) {}

    private final List<Row> rows;
    private final List<JmhResult> notRun;
    private final double threshold;

    private BaselineComparison(List<Row> rows, List<JmhResult> notRun, double threshold) {
        this.rows = rows;
        this.notRun = notRun;
        this.threshold = threshold;
    }

    /**
     * Compares results with a baseline.
     *
     * @param current fresh results; not modified
     * @param baseline baseline results (empty when there is no baseline file); not modified
     * @param threshold the ratio below which a result is a regression, in (0, 1]
     * @return the comparison
     */
    public static BaselineComparison compare(List<JmhResult> current, List<JmhResult> baseline, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new ReportInputException("--threshold: expected a ratio in (0, 1], got " + threshold);
        }
        Map<String, JmhResult> byKey = new HashMap<>();
        for (JmhResult entry : baseline) {
            byKey.putIfAbsent(entry.key(), entry);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>(current.size());
        for (JmhResult result : current) {
            JmhResult base = byKey.get(result.key());
            seen.add(result.key());
            rows.add(row(result, base, threshold));
        }
        List<JmhResult> notRun = new ArrayList<>();
        for (JmhResult entry : baseline) {
            if (!seen.contains(entry.key())) {
                notRun.add(entry);
                seen.add(entry.key());
            }
        }
        return new BaselineComparison(Collections.unmodifiableList(rows), Collections.unmodifiableList(notRun), threshold);
    }

    /**
     * Compares one result with its baseline entry.
     *
     * @param result the fresh result
     * @param base its baseline entry, or null
     * @param threshold the regression threshold
     * @return the row
     */
    static Row row(JmhResult result, JmhResult base, double threshold) {
        if (base == null) {
            return new Row(result, null, Double.NaN, Status.NO_BASELINE);
        }
        DomainInfo domain = DomainInfo.of(result.benchmark());
        double now = domain.rate(result);
        double then = domain.rate(base);
        if (!(now >= 0) || !(then > 0)) {
            // A unit JMH does not write, or a zero baseline: nothing to compare, never a failure.
            return new Row(result, base, Double.NaN, Status.NO_BASELINE);
        }
        double ratio = now / then;
        double error = domain.rateError(result);
        double optimistic = (Double.isNaN(error) ? now : now + error) / then;
        return new Row(result, base, ratio, optimistic < threshold ? Status.REGRESSION : Status.OK);
    }

    /** @return one row per fresh result, in result order */
    public List<Row> rows() {
        return rows;
    }

    /** @return baseline entries with no fresh result (for example parameters the quick profile skips) */
    public List<JmhResult> notRun() {
        return notRun;
    }

    /** @return the regression threshold */
    public double threshold() {
        return threshold;
    }

    /** @return the rows that fell below the threshold */
    public List<Row> regressions() {
        List<Row> bad = new ArrayList<>();
        for (Row row : rows) {
            if (row.status() == Status.REGRESSION) {
                bad.add(row);
            }
        }
        return bad;
    }

    /** @return true when at least one result fell below the threshold */
    public boolean failed() {
        return !regressions().isEmpty();
    }
}
