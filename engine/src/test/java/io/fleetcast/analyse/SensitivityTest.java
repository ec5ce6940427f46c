package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Scenario;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    /** tco per USD of capex: 1000 accelerators x 8760 h / 43,830 h of life = 199.8631. */
    private static final double A = 1000 * AnalyseFixtures.HOURS_2026 / AnalyseFixtures.LIFE;
    /** tco per USD/MWh: 1 MW x 8760 h. */
    private static final double B = 8760;

    private static Sensitivity.Result run(Scenario s, int threads) {
        MetricSelector tco = MetricSelector.parse("tco_usd@total", null, s);
        return Sensitivity.run(s, tco, Mode.EXPECTED, new MonteCarloSettings(2000, 9L, new double[] {0.5}), threads,
                ProgressListener.NONE);
    }

    @Test
    void run_linearScenario_recoversTornadoAndSrcs() {
        // tco = A capex + B price (+ nothing from the delay input, pinned to a point)
        Scenario s = AnalyseFixtures.linear()
                .uncertain("accelerators.lin.capex", AnalyseFixtures.uniform(40_000, 60_000))
                .uncertain("sites.flat.electricity-price", AnalyseFixtures.uniform(40, 80))
                .uncertain("accelerators.lin.repair-time", AnalyseFixtures.point(72))
                .build();
        Sensitivity.Result r = run(s, 2);
        // baseline: medians 50,000 and 60: 9,993,155 + 525,600 = 10,518,755
        assertEquals(A * 50_000 + B * 60, r.baseline(), 1e-6 * r.baseline());
        // capex bar: P10 = 42,000, P90 = 58,000: swing A x 16,000 = 3,197,810; price bar: 44..76, swing B x 32 = 280,320
        Sensitivity.Bar capex = r.bars().get(0);
        Sensitivity.Bar price = r.bars().get(1);
        assertEquals("accelerators.lin.capex", capex.path().text());
        assertEquals(42_000, capex.low(), 1e-9);
        assertEquals(58_000, capex.high(), 1e-9);
        assertEquals(A * 16_000, capex.swing(), 1e-6 * A * 16_000);
        assertEquals(B * 32, price.swing(), 1e-6 * B * 32);
        assertEquals(0, r.bars().get(2).swing(), 1e-6);
        // SRC: uniform sd = range / sqrt(12); A x 5773.50 = 1,153,906, B x 11.5470 = 101,152, sd_tco = 1,158,331:
        // SRC_capex = 0.99618, SRC_price = 0.08733 (sample sds move these by ~1 %)
        StandardizedRegression.Result src = r.regression();
        assertEquals(1.0, src.rSquared(), 1e-9);
        assertEquals(0.99618, src.coefficient(0), 0.005);
        assertEquals(0.08733, src.coefficient(1), 0.005);
        assertEquals(0.0, src.coefficient(2));
        assertEquals(src.coefficient(0), capex.src());
    }

    @Test
    void warnings_twentyRunsThreeInputs_flagsTooFewRunsOnlyBelowTenPerInput() {
        // 3 inputs x 10 runs per input = 30: 20 runs are too few, 30 are enough; tco varies (CV ~ 0.1), so
        // no spread warning. R² of pure noise with k = 3, n = 20: 3 / 19 = 0.16
        Scenario s = AnalyseFixtures.linear()
                .uncertain("accelerators.lin.capex", AnalyseFixtures.uniform(40_000, 60_000))
                .uncertain("sites.flat.electricity-price", AnalyseFixtures.uniform(40, 80))
                .uncertain("deployments.own.utilization", AnalyseFixtures.uniform(0.5, 1.0))
                .build();
        MetricSelector tco = MetricSelector.parse("tco_usd@total", null, s);
        Sensitivity.Result few = Sensitivity.run(s, tco, Mode.EXPECTED, new MonteCarloSettings(20, 9L, new double[] {0.5}),
                1, ProgressListener.NONE);
        assertTrue(few.fewRuns());
        assertFalse(few.spreadNegligible());
        assertEquals(java.util.List.of("20 runs for 3 uncertain inputs: SRCs and R² are unstable below 10 runs per input"
                + " (R² of pure noise is about 0.16 here); use --runs 30 or more"), few.warnings());
        Sensitivity.Result enough = Sensitivity.run(s, tco, Mode.EXPECTED, new MonteCarloSettings(30, 9L, new double[] {0.5}),
                1, ProgressListener.NONE);
        assertFalse(enough.fewRuns());
        assertEquals(java.util.List.of(), enough.warnings());
    }

    @Test
    void warnings_metricNoInputMoves_spreadNegligibleAndSaysSo() {
        // capex_usd of the linear fleet is 1,000 x 50,000 = 5e7 USD in every run: the electricity price and the
        // utilization do not touch it, so its spread is 0 (coefficient of variation 0 < 1e-9)
        Scenario s = AnalyseFixtures.linear()
                .uncertain("sites.flat.electricity-price", AnalyseFixtures.uniform(40, 80))
                .uncertain("deployments.own.utilization", AnalyseFixtures.uniform(0.5, 1.0))
                .build();
        MetricSelector capex = MetricSelector.parse("capex_usd@total", null, s);
        Sensitivity.Result r = Sensitivity.run(s, capex, Mode.EXPECTED, new MonteCarloSettings(40, 9L, new double[] {0.5}),
                1, ProgressListener.NONE);
        assertEquals(5e7, r.metricMean(), 1e-6);
        assertEquals(0.0, r.relativeSpread());
        assertTrue(r.spreadNegligible());
        assertFalse(r.fewRuns(), "40 runs >= 10 x 2 inputs");
        assertEquals(java.util.List.of("capex_usd is constant over the 40 runs (no variation at all); no input moves it,"
                + " so SRCs and R² are not defined"), r.warnings());
    }

    @Test
    void run_oneAndTwoThreads_sameResult() {
        Scenario s = AnalyseFixtures.linear()
                .uncertain("accelerators.lin.capex", AnalyseFixtures.uniform(40_000, 60_000))
                .uncertain("deployments.own.utilization", AnalyseFixtures.uniform(0.5, 1.0))
                .build();
        Sensitivity.Result one = run(s, 1);
        Sensitivity.Result two = run(s, 2);
        assertEquals(one.regression().rSquared(), two.regression().rSquared());
        assertEquals(one.bars(), two.bars());
    }

    @Test
    void run_noUncertainty_isAnError() {
        Scenario s = AnalyseFixtures.linear().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(s, 1));
        assertEquals(true, e.getMessage().contains("no uncertainty"), e.getMessage());
    }
}
