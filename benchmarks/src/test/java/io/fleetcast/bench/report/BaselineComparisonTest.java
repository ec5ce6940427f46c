package io.fleetcast.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    static JmhResult result(String method, String mode, Map<String, String> params, double score, String unit) {
        return new JmhResult("io.fleetcast.bench." + method, mode, params, new JmhResult.Metric(score, 0.0, unit),
                Map.of(), new JmhResult.RunSettings("1.37", 1, 1, 2, "1 s", 3, "1 s", List.of()),
                new JmhResult.JvmInfo("java", "25", "vm", "25"));
    }

    @Test
    void row_throughputHalved_exactlyAtThresholdIsStillOk() {
        // 50 / 100 = 0.50, and only "below one half" fails
        BaselineComparison.Row row = BaselineComparison.row(
                result("A.a", "thrpt", Map.of(), 50, "ops/s"), result("A.a", "thrpt", Map.of(), 100, "ops/s"), 0.5);

        assertEquals(0.5, row.ratio(), 1e-12);
        assertEquals(BaselineComparison.Status.OK, row.status());
    }

    @Test
    void row_throughputJustBelowHalf_isRegression() {
        // 49 / 100 = 0.49 < 0.5
        BaselineComparison.Row row = BaselineComparison.row(
                result("A.a", "thrpt", Map.of(), 49, "ops/s"), result("A.a", "thrpt", Map.of(), 100, "ops/s"), 0.5);

        assertEquals(0.49, row.ratio(), 1e-12);
        assertEquals(BaselineComparison.Status.REGRESSION, row.status());
    }

    @Test
    void row_averageTimeTwoAndAHalfTimesSlower_isRegression() {
        // 10 ms/op -> 25 ms/op: rates 100/s -> 40/s, ratio 40 / 100 = 0.4
        BaselineComparison.Row row = BaselineComparison.row(
                result("A.a", "avgt", Map.of(), 25, "ms/op"), result("A.a", "avgt", Map.of(), 10, "ms/op"), 0.5);

        assertEquals(0.4, row.ratio(), 1e-12);
        assertEquals(BaselineComparison.Status.REGRESSION, row.status());
    }

    static JmhResult noisy(double score, double error) {
        return new JmhResult("io.fleetcast.bench.A.a", "thrpt", Map.of(), new JmhResult.Metric(score, error, "ops/s"),
                Map.of(), new JmhResult.RunSettings("1.37", 1, 1, 2, "1 s", 3, "1 s", List.of()),
                new JmhResult.JvmInfo("java", "25", "vm", "25"));
    }

    @Test
    void row_belowHalfButErrorBarReachesHalf_isNoise() {
        // 40 +- 15 ops/s against 100: ratio 0.40, but 40 + 15 = 55 >= 50, so the machine may just be busy
        BaselineComparison.Row row = BaselineComparison.row(noisy(40, 15), noisy(100, 1), 0.5);

        assertEquals(0.4, row.ratio(), 1e-12);
        assertEquals(BaselineComparison.Status.OK, row.status());
    }

    @Test
    void row_collapseBeyondItsErrorBar_isRegression() {
        // 20 +- 5 ops/s against 100: even 25 is below 50
        BaselineComparison.Row row = BaselineComparison.row(noisy(20, 5), noisy(100, 1), 0.5);

        assertEquals(BaselineComparison.Status.REGRESSION, row.status());
    }

    @Test
    void row_errorUnknown_judgedOnTheRate() {
        // one iteration: JMH gives NaN for the error; 49 / 100 < 0.5
        assertEquals(BaselineComparison.Status.REGRESSION, BaselineComparison.row(noisy(49, Double.NaN), noisy(100, 1), 0.5).status());
    }

    @Test
    void row_baselineInOtherUnitAndMode_comparedAsRates() {
        // now 120 ops/s; baseline 10 ms/op = 100 ops/s; ratio 1.2
        BaselineComparison.Row row = BaselineComparison.row(
                result("A.a", "thrpt", Map.of(), 120, "ops/s"), result("A.a", "avgt", Map.of(), 10, "ms/op"), 0.5);

        assertEquals(1.2, row.ratio(), 1e-12);
        assertEquals(BaselineComparison.Status.OK, row.status());
    }

    @Test
    void compare_matchesByMethodAndParams_reportsNewAndNotRun() {
        List<JmhResult> now = List.of(
                result("S.sim", "thrpt", Map.of("devices", "1000000"), 30, "ops/s"),
                result("S.sim", "thrpt", Map.of("devices", "20"), 30, "ops/s"));
        List<JmhResult> base = List.of(
                result("S.sim", "thrpt", Map.of("devices", "1000000"), 100, "ops/s"),
                result("S.sim", "thrpt", Map.of("devices", "10000000"), 100, "ops/s"));

        BaselineComparison comparison = BaselineComparison.compare(now, base, 0.5);

        // devices=1000000: 30 / 100 = 0.3 -> regression; devices=20 has no baseline; 10000000 was not run
        assertEquals(BaselineComparison.Status.REGRESSION, comparison.rows().get(0).status());
        assertEquals(BaselineComparison.Status.NO_BASELINE, comparison.rows().get(1).status());
        assertNull(comparison.rows().get(1).baseline());
        assertEquals(1, comparison.notRun().size());
        assertEquals("10000000", comparison.notRun().get(0).params().get("devices"));
        assertTrue(comparison.failed());
    }

    @Test
    void compare_noBaselineAtAll_neverFails() {
        BaselineComparison comparison = BaselineComparison.compare(
                List.of(result("S.sim", "thrpt", Map.of(), 1, "ops/s")), List.of(), 0.5);

        assertFalse(comparison.failed());
        assertEquals(BaselineComparison.Status.NO_BASELINE, comparison.rows().get(0).status());
    }

    @Test
    void compare_thresholdOutsideUnitInterval_rejected() {
        ReportInputException e = assertThrows(ReportInputException.class,
                () -> BaselineComparison.compare(List.of(), List.of(), 1.5));

        assertEquals("--threshold: expected a ratio in (0, 1], got 1.5", e.getMessage());
    }
}
