package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Size;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

    private static final double[] Q = MonteCarloSettings.DEFAULT_QUANTILES;

    private static Scenario uncertain() {
        return AnalyseFixtures.linear()
                .uncertain("accelerators.lin.capex", AnalyseFixtures.uniform(40_000, 60_000))
                .uncertain("sites.flat.electricity-price", AnalyseFixtures.uniform(40, 80))
                .uncertain("deployments.own.start", AnalyseFixtures.uniform(0, 24 * 60))
                .build();
    }

    @Test
    void run_everyInputFixed_bandsCollapseOntoDeterministicResult() {
        Scenario s = AnalyseFixtures.linear()
                .uncertain("accelerators.lin.capex", AnalyseFixtures.point(50_000))
                .uncertain("sites.flat.electricity-price", AnalyseFixtures.point(60))
                .build();
        Projection det = Fleetcast.project(s, Mode.EXPECTED, 0L);
        MonteCarloResult r = MonteCarlo.run(s, Mode.EXPECTED, new MonteCarloSettings(50, 3L, Q),
                MonteCarlo.Options.of(2).withGrouping(Grouping.DEPLOYMENT));
        MetricCube c = det.cube();
        int periods = c.timeline().periods();
        for (Metric m : Metric.values()) {
            for (int p = 0; p < periods; p++) {
                double v = c.value(m, 0, p);
                assertEquals(v, r.mean(m, 0, p), m.id() + " mean, period " + p);
                for (double q : Q) {
                    assertEquals(v, r.quantile(q, m, 0, p), m.id() + " P" + q + ", period " + p);
                }
            }
            assertEquals(det.summary().total(m), r.summaryQuantile(0.5, SummaryCells.total(m)), m.id());
        }
        assertEquals(det.summary().npvCashUsd(), r.summaryQuantile(0.1, SummaryCells.NPV_CASH_USD));
        assertEquals(det.cube(), r.meanProjection().cube(), "the mean of identical runs is the run");
    }

    @Test
    void run_oneAndFourThreads_identicalBits() {
        Scenario s = uncertain();
        MonteCarloSettings settings = new MonteCarloSettings(200, 42L, Q);
        MonteCarloResult one = MonteCarlo.run(s, Mode.EXPECTED, settings, 1);
        MonteCarloResult four = MonteCarlo.run(s, Mode.EXPECTED, settings, 4);
        assertIdentical(one, four);
    }

    @Test
    void run_simulateOneAndFourThreads_identicalBits() {
        Scenario s = AnalyseFixtures.simulated();
        MonteCarloSettings settings = new MonteCarloSettings(24, 7L, Q);
        MonteCarloResult one = MonteCarlo.run(s, Mode.SIMULATE, settings, 1);
        MonteCarloResult four = MonteCarlo.run(s, Mode.SIMULATE, settings, 4);
        assertIdentical(one, four);
        // the device streams differ by run: failures in the last month are not all equal
        assertTrue(one.quantile(0.05, Metric.FAILURES, 0, 11) < one.quantile(0.95, Metric.FAILURES, 0, 11));
    }

    @Test
    void meanResolvedAccelerators_uncertainAllInPower_isMeanOfEachRunsCountNotNominal() {
        // 1 MW of IT power of lin (nominal 1,000 W: 1e6 / 1000 = 1,000 accelerators); the all-in power is a
        // choice of 500 W or 2,000 W, so a run resolves 1e6 / 500 = 2,000 or 1e6 / 2000 = 500 accelerators.
        // With n500 runs at 500 W out of 40, the mean is (2,000 n500 + 500 (40 - n500)) / 40
        // = 500 + 37.5 n500, which is 1,000 only if n500 = 13.33: never the nominal count
        Scenario s = AnalyseFixtures.base()
                .deployment(ScenarioBuilder.deployment("it", "lin", "flat").size(Size.itPower(1e6)))
                .uncertain("accelerators.lin.all-in-power", new io.fleetcast.model.InputDistribution(
                        io.fleetcast.model.DistributionKind.CHOICE, new double[] {500, 2000}, new double[] {1, 1},
                        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false))
                .build();
        MonteCarloSettings settings = new MonteCarloSettings(40, 11L, new double[] {0.1, 0.5, 0.9});
        MonteCarloResult one = MonteCarlo.run(s, Mode.EXPECTED, settings, 1);
        int n500 = 0;
        for (int run = 0; run < one.runs(); run++) {
            double watts = one.input(run, 0);
            assertTrue(watts == 500 || watts == 2000, "draw " + watts);
            n500 += watts == 500 ? 1 : 0;
            assertEquals(watts == 500 ? 2000 : 500, one.sizing().count(run, 0), "run " + run + " resolves its own count");
        }
        assertTrue(n500 > 0 && n500 < 40, "both powers drawn: " + n500);
        double expected = 500 + 37.5 * n500;
        assertEquals(expected, one.sizing().meanCount(0), 1e-9);
        assertEquals(expected, one.meanResolvedAccelerators(), 1e-9);
        assertEquals(one.summaryMean(SummaryCells.RESOLVED_ACCELERATORS), one.meanResolvedAccelerators());
        // mean IT power: every run draws 1 MW of IT power whatever its count (count x all-in W = 1e6 W)
        assertEquals(1.0, one.sizing().meanItMw(0), 1e-9);
        // the mean projection keeps the nominal sizing, 1e6 / 1000 = 1,000, and says so
        assertEquals(1000, one.meanProjection().sizing().get(0).count());
        // in run order: the thread count changes no bit of the means
        MonteCarloResult four = MonteCarlo.run(s, Mode.EXPECTED, settings, 4);
        assertArrayEquals(one.sizing().meanCounts(), four.sizing().meanCounts());
        assertEquals(one.meanResolvedAccelerators(), four.meanResolvedAccelerators());
    }

    private static void assertIdentical(MonteCarloResult a, MonteCarloResult b) {
        assertArrayEquals(a.sampledInputs(), b.sampledInputs());
        assertArrayEquals(a.summaryRuns(), b.summaryRuns());
        Bands x = a.cubeBands();
        Bands y = b.cubeBands();
        for (int c = 0; c < x.cells(); c++) {
            assertEquals(x.mean(c), y.mean(c), "mean of cell " + c);
            for (int q = 0; q < Q.length; q++) {
                assertEquals(x.quantile(q, c), y.quantile(q, c), "quantile " + q + " of cell " + c);
            }
        }
        assertEquals(a.meanProjection().cube(), b.meanProjection().cube());
        assertArrayEquals(a.sizing().meanCounts(), b.sizing().meanCounts());
    }

    @Test
    void run_linearScenario_tcoQuantilesFollowTheInputs() {
        // with the start delay pinned, tco = 199.8631 capex + 8760 price: its median lies near
        // 199.8631 x 50,000 + 8760 x 60 = 9,993,155 + 525,600 = 10,518,755 (both inputs symmetric)
        Scenario s = AnalyseFixtures.linear()
                .uncertain("accelerators.lin.capex", AnalyseFixtures.uniform(40_000, 60_000))
                .uncertain("sites.flat.electricity-price", AnalyseFixtures.uniform(40, 80))
                .build();
        MonteCarloResult r = MonteCarlo.run(s, Mode.EXPECTED, new MonteCarloSettings(2000, 1L, Q), 2);
        int tco = SummaryCells.total(Metric.TCO_USD);
        double a = 1000 * AnalyseFixtures.HOURS_2026 / AnalyseFixtures.LIFE;
        // the P50 of a sum of two uniforms is its centre; sampling error: sd 1.158e6 / sqrt(2000) * 1.25 = 32,400
        assertEquals(a * 50_000 + 8760 * 60, r.summaryQuantile(0.5, tco), 3 * 32_400);
        // every run's tco is exactly the linear formula of its own draws
        for (int run = 0; run < 20; run++) {
            double expected = a * r.input(run, 0) + 8760 * r.input(run, 1);
            assertEquals(expected, r.summaryRun(run, tco), 1e-9 * expected);
        }
    }

    @Test
    void run_tinyMemoryBudget_streamsWithSameMeanAndCloseQuantiles() {
        Scenario s = uncertain();
        MonteCarloSettings settings = new MonteCarloSettings(300, 5L, Q);
        MonteCarloResult exact = MonteCarlo.run(s, Mode.EXPECTED, settings, MonteCarlo.Options.of(2));
        MonteCarloResult streamed = MonteCarlo.run(s, Mode.EXPECTED, settings,
                MonteCarlo.Options.of(2).withMemoryBudget(64 * 1024));
        assertTrue(exact.bandsExact());
        assertFalse(streamed.bandsExact());
        // the means are the same sums in the same order: equal bits
        for (int c = 0; c < exact.cubeBands().cells(); c++) {
            assertEquals(exact.cubeBands().mean(c), streamed.cubeBands().mean(c), "mean of cell " + c);
        }
        // P50 of tco in the last month: P² within 2 % of the exact order statistic on 300 runs
        int last = exact.timeline().periods() - 1;
        double e = exact.quantile(0.5, Metric.TCO_USD, 0, last);
        assertEquals(e, streamed.quantile(0.5, Metric.TCO_USD, 0, last), 0.02 * e);
    }
}
