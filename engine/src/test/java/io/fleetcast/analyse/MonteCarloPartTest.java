package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parts of a Monte Carlo, computed apart and reduced in run order, give the bits of one {@link MonteCarlo#run}. */
class MonteCarloPartTest {

    private static final double[] Q = MonteCarloSettings.DEFAULT_QUANTILES;

    /** Two deployments in two deals, three uncertain inputs (one a start delay). */
    private static Scenario twoDeals() {
        return AnalyseFixtures.base()
                .deployment(ScenarioBuilder.deployment("own", "lin", "flat").count(1000).deal("a"))
                .deployment(ScenarioBuilder.deployment("own2", "lin", "flat").count(500).deal("b"))
                .uncertain("accelerators.lin.capex", AnalyseFixtures.uniform(40_000, 60_000))
                .uncertain("sites.flat.electricity-price", AnalyseFixtures.uniform(40, 80))
                .uncertain("deployments.own.start", AnalyseFixtures.uniform(0, 24 * 60))
                .build();
    }

    @Test
    void reduce_threePartsOutOfOrder_bitIdenticalToMonteCarloRun() {
        Scenario s = twoDeals();
        MonteCarloSettings settings = new MonteCarloSettings(50, 42L, Q);
        for (Grouping g : new Grouping[] {Grouping.TOTAL, Grouping.DEAL, Grouping.DEPLOYMENT}) {
            MonteCarloResult whole = MonteCarlo.run(s, Mode.EXPECTED, settings, MonteCarlo.Options.of(2).withGrouping(g));
            List<MonteCarloPart> parts = List.of(MonteCarloPart.run(s, Mode.EXPECTED, 42L, g, 30, 50),
                    MonteCarloPart.run(s, Mode.EXPECTED, 42L, g, 0, 7), MonteCarloPart.run(s, Mode.EXPECTED, 42L, g, 7, 30));
            assertIdentical(whole, MonteCarloPart.reduce(s, Mode.EXPECTED, settings, parts, 1));
        }
    }

    @Test
    void reduce_simulateRunsInPartsOfFive_bitIdenticalToMonteCarloRun() {
        Scenario s = AnalyseFixtures.simulated();
        MonteCarloSettings settings = new MonteCarloSettings(12, 7L, Q);
        MonteCarloResult whole = MonteCarlo.run(s, Mode.SIMULATE, settings, 2);
        List<MonteCarloPart> parts = List.of(MonteCarloPart.run(s, Mode.SIMULATE, 7L, Grouping.TOTAL, 0, 5),
                MonteCarloPart.run(s, Mode.SIMULATE, 7L, Grouping.TOTAL, 5, 10),
                MonteCarloPart.run(s, Mode.SIMULATE, 7L, Grouping.TOTAL, 10, 12));
        MonteCarloResult reduced = MonteCarloPart.reduce(s, Mode.SIMULATE, settings, parts, 2);
        assertIdentical(whole, reduced);
        assertTrue(reduced.quantile(0.05, Metric.FAILURES, 0, 11) < reduced.quantile(0.95, Metric.FAILURES, 0, 11),
                "the device streams differ by run");
    }

    @Test
    void reduce_fixedInputs_tcoIsTheLinearFormula() {
        // every input pinned: tco over 2026 = 1000 x 50,000 x 8760 / 43830 + 1 MW x 8760 h x 60 USD/MWh
        // = 9,993,155.37 + 525,600 = 10,518,755.37 in every run, so every band is that number
        Scenario s = AnalyseFixtures.linear()
                .uncertain("accelerators.lin.capex", AnalyseFixtures.point(50_000))
                .uncertain("sites.flat.electricity-price", AnalyseFixtures.point(60))
                .build();
        MonteCarloSettings settings = new MonteCarloSettings(6, 1L, Q);
        MonteCarloResult r = MonteCarloPart.reduce(s, Mode.EXPECTED, settings,
                List.of(MonteCarloPart.run(s, Mode.EXPECTED, 1L, Grouping.TOTAL, 0, 4),
                        MonteCarloPart.run(s, Mode.EXPECTED, 1L, Grouping.TOTAL, 4, 6)), 1);
        double expected = 1000 * 50_000 * AnalyseFixtures.HOURS_2026 / AnalyseFixtures.LIFE + 8760 * 60;
        int tco = SummaryCells.total(Metric.TCO_USD);
        assertEquals(expected, r.summaryQuantile(0.1, tco), 1e-6 * expected);
        assertEquals(expected, r.summaryQuantile(0.9, tco), 1e-6 * expected);
        assertEquals(6, r.runs());
        assertTrue(r.bandsExact());
    }

    @Test
    void reduce_gapBetweenParts_rejectedNamingTheRun() {
        Scenario s = twoDeals();
        MonteCarloSettings settings = new MonteCarloSettings(10, 3L, Q);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MonteCarloPart.reduce(s,
                Mode.EXPECTED, settings, List.of(MonteCarloPart.run(s, Mode.EXPECTED, 3L, Grouping.TOTAL, 0, 4),
                        MonteCarloPart.run(s, Mode.EXPECTED, 3L, Grouping.TOTAL, 5, 10)), 1));
        assertTrue(e.getMessage().contains("run 4 is followed by a part of runs [5, 10)"), e.getMessage());
    }

    static void assertIdentical(MonteCarloResult a, MonteCarloResult b) {
        assertArrayEquals(a.sampledInputs(), b.sampledInputs());
        assertArrayEquals(a.summaryRuns(), b.summaryRuns());
        assertEquals(a.groups(), b.groups());
        for (Bands[] pair : new Bands[][] {{a.cubeBands(), b.cubeBands()}, {a.summaryBands(), b.summaryBands()}}) {
            Bands x = pair[0];
            Bands y = pair[1];
            assertEquals(x.cells(), y.cells());
            for (int c = 0; c < x.cells(); c++) {
                assertEquals(Double.doubleToRawLongBits(x.mean(c)), Double.doubleToRawLongBits(y.mean(c)), "mean of cell " + c);
                for (int q = 0; q < Q.length; q++) {
                    assertEquals(Double.doubleToRawLongBits(x.quantile(q, c)), Double.doubleToRawLongBits(y.quantile(q, c)),
                            "quantile " + q + " of cell " + c);
                }
            }
        }
        assertEquals(a.meanProjection().cube(), b.meanProjection().cube());
        assertArrayEquals(a.sizing().meanCounts(), b.sizing().meanCounts());
        assertEquals(a.bandsExact(), b.bandsExact());
    }
}
