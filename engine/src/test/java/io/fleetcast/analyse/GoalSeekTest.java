package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Size;
import org.junit.jupiter.api.Test;

class GoalSeekTest {

    private static GoalSeek seek(Scenario s, String path, String metric, String group) {
        return GoalSeek.of(s, InputPath.parse(path, s), MetricSelector.parse(metric, group, s));
    }

    @Test
    void solve_leasePriceForBudget_equalsBudgetOverCountTimesContractedHours() {
        // 1,000 leased for the 8,760 h of 2026: lease cost = 1000 x 8760 x price; a budget of 21.9e6 USD
        // gives price = 21.9e6 / (1000 x 8760) = 2.5 USD/h
        Scenario s = AnalyseFixtures.leased(2.0).build();
        GoalSeek g = seek(s, "deployments.rent.lease-price", "lease_cost_usd@total", "deal:rent");
        GoalSeek.Answer a = g.solve(21.9e6, 0.1, 10);
        assertEquals(2.5, a.value(), 1e-9);
        assertEquals(21.9e6, a.achieved(), 1e-3);
        assertTrue(!a.whole());
    }

    @Test
    void solve_countForFacilityPower_equalsPowerOverAllInTimesDesignPue() {
        // full load, no failures, flat PUE 1.25 = design PUE: facility MW = count x 1000 W x 1.25 / 1e6;
        // 1 GW = 1000 MW needs 1e9 / (1000 x 1.25) = 800,000 accelerators
        Scenario s = ScenarioBuilder.scenario("gw").start(2026, 1).horizonMonths(12)
                .accelerator(ScenarioBuilder.accelerator("lin").allInPowerW(1000).idleFraction(0.3).capexUsd(1)
                        .afr(0).build())
                .site(ScenarioBuilder.site("warm").pue(1.25).electricityUsdPerMwh(60).build())
                .deployment(ScenarioBuilder.deployment("big", "lin", "warm").size(Size.facilityPower(5e8)))
                .build();
        GoalSeek g = seek(s, "deployments.big.count", "facility_power_mw@peak", null);
        // the nominal count is what 0.5 GW resolves to: 5e8 / 1250 = 400,000
        assertEquals(400_000, g.nominal(), 1e-6);
        GoalSeek.Answer a = g.solve(1000, 1, 2_000_000);
        assertTrue(a.whole());
        assertEquals(800_000, a.value());
        assertEquals(1000.0, a.achieved(), 1e-9);
    }

    @Test
    void solve_electricityPriceDoublingEnergyShare_matchesClosedForm() {
        // owned linear fleet: energy = 8760 p, tco = 9,993,155 + 8760 p; share s(p) = 8760 p / (9,993,155 + 8760 p).
        // At p = 60: s = 525,600 / 10,518,755 = 0.049968. Doubling: 8760 p / (D + 8760 p) = 2 s0
        // -> p = 2 s0 D / (8760 (1 - 2 s0)) with D = 9,993,155: 126.3 USD/MWh
        Scenario s = AnalyseFixtures.linear().build();
        GoalSeek g = seek(s, "sites.flat.electricity-price", "energy_share_of_tco@total", null);
        double s0 = g.baseValue();
        double d = 1000 * 50_000 * AnalyseFixtures.HOURS_2026 / AnalyseFixtures.LIFE;
        assertEquals(8760 * 60 / (d + 8760 * 60), s0, 1e-12);
        GoalSeek.Answer a = g.solve(2 * s0, 1, 1000);
        assertEquals(2 * s0 * d / (8760 * (1 - 2 * s0)), a.value(), 1e-6);
    }

    @Test
    void solve_targetOutsideBracket_namesValuesAtBothEnds() {
        Scenario s = AnalyseFixtures.leased(2.0).build();
        GoalSeek g = seek(s, "deployments.rent.lease-price", "lease_cost_usd", null);
        // at 1 and 2 USD/h the lease costs 8.76e6 and 17.52e6 USD; 38e9 is far above both
        GoalSeek.NoRootException e = assertThrows(GoalSeek.NoRootException.class, () -> g.solve(38e9, 1, 2));
        assertEquals(8.76e6, e.atLo(), 1e-3);
        assertEquals(17.52e6, e.atHi(), 1e-3);
        assertTrue(e.getMessage().contains("8760000") && e.getMessage().contains("1.752E7"), e.getMessage());
    }

    @Test
    void selector_yearAndPeriod_aggregateTheRightPeriods() {
        Scenario s = AnalyseFixtures.linear().build();
        var p = Fleetcast.project(s);
        // March 2026: 744 h x 1 MW x 60 USD/MWh = 44,640 USD
        assertEquals(44_640, MetricSelector.parse("energy_cost_usd@2026-03", null, s).value(p), 1e-6);
        assertEquals(p.summary().total(Metric.ENERGY_COST_USD),
                MetricSelector.parse("energy_cost_usd@2026", "own", s).value(p), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> MetricSelector.parse("energy_cost_usd@2030", null, s));
        assertThrows(IllegalArgumentException.class, () -> MetricSelector.parse("tco", null, s));
    }
}
