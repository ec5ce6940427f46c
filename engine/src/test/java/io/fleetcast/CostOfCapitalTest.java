package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Summary;
import io.fleetcast.model.Timeline;
import io.fleetcast.model.Units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.cube.CapitalCharge;
import io.fleetcast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Cost of capital: the capital charge on the capital still tied up, hand-computed against the closed-form
 * capital-recovery factor, interest during construction, both modes, and bad input.
 */
class CostOfCapitalTest {

    private static final double RATE = 0.08;
    /** ln(1.08) / 8766 per hour. */
    private static final double DELTA = Math.log1p(RATE) / Units.HOURS_PER_YEAR;

    private static void assertRel(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, Math.abs(expected) * rel + 1e-9, what);
    }

    /** One owned accelerator, capex 10,000 USD, life 8,760 h, no failures, no energy cost, 2026 (8,760 h). */
    private static Scenario oneDeviceOneYear(double costOfCapital) {
        return ScenarioBuilder.scenario("one").start(2026, 1).horizonMonths(12).costOfCapital(costOfCapital)
                .accelerator(TestFleets.accelerator().capexUsd(10_000).usefulLifeHours(8760).build())
                .site(TestFleets.site().electricityUsdPerMwh(0).build())
                .deployment(TestFleets.deployment("d").count(1)).build();
    }

    @Test
    void project_oneDeviceOneYearLife_depreciationPlusChargeEqualsTheCapitalRecoveryAnnuity() {
        for (Mode mode : Mode.values()) {
            Summary s = Fleetcast.project(oneDeviceOneYear(RATE), mode, 3L).summary();
            // δ = ln(1.08) / 8,766 h; L = 8,760 h; continuous CRF over the life: κL = δL / (1 - e^(-δL))
            //   δL = 0.0769610 x 8,760 / 8,766 = 0.0769083; κL = 1.0389470
            // annuity over the full life = 10,000 x 1.0389470 = 10,389.47 USD
            //   = depreciation 10,000 + capital charge 389.47
            double kL = DELTA * 8760 / -Math.expm1(-DELTA * 8760);
            assertRel(1.0389470415, kL, 1e-9, "closed form");
            assertRel(10_000, s.total(Metric.DEPRECIATION_USD), 1e-12, mode + " depreciation");
            assertRel(389.47041542, s.total(Metric.CAPITAL_CHARGE_USD), 1e-9, mode + " capital charge");
            assertRel(10_389.47041542, s.total(Metric.DEPRECIATION_USD) + s.total(Metric.CAPITAL_CHARGE_USD), 1e-9,
                    mode + " annuity");
            // tco adds the charge (no energy cost, no repairs, no opex); cash does not
            assertRel(10_389.47041542, s.total(Metric.TCO_USD), 1e-9, mode + " tco");
            assertRel(10_000, s.total(Metric.CASH_USD), 1e-12, mode + " cash");
        }
    }

    @Test
    void project_oneDeviceOneYear_chargeIsFrontLoadedOnTheUnrecoveredBalance() {
        MetricCube c = Fleetcast.project(oneDeviceOneYear(RATE)).cube();
        // January (744 h): κ (744 - e^(-δL) (e^(744 δ) - 1) / δ) x 10,000, the balance still near 1
        double life = 8760;
        double kappa = CapitalCharge.kappa(DELTA, life);
        double january = 10_000 * kappa * (744 - Math.exp(-DELTA * life) * Math.expm1(DELTA * 744) / DELTA);
        assertRel(january / 10_000, CapitalCharge.cumulative(744, DELTA, life, kappa, Math.exp(-DELTA * life)), 1e-12, "cumulative");
        assertRel(january, c.value(Metric.CAPITAL_CHARGE_USD, "d", 0), 1e-9, "january");
        // about 8 % x 744 / 8,766 of 10,000 = 65.3 at the start of life, falling to near 0 in December
        assertTrue(january > 60 && january < 66, "january " + january);
        assertTrue(c.value(Metric.CAPITAL_CHARGE_USD, "d", 11) < 6, "december");
    }

    @Test
    void project_noCostOfCapital_noChargeAndTcoAsBefore() {
        Summary s = Fleetcast.project(oneDeviceOneYear(0)).summary();
        assertEquals(0, s.total(Metric.CAPITAL_CHARGE_USD));
        assertRel(10_000, s.total(Metric.TCO_USD), 1e-12, "tco");
    }

    @Test
    void project_rampedFleet_chargeMatchesASumOverSlotsAndBothModesAgree() {
        // 1,200 slots installed uniformly over 6 months from 2026-01, 5-year life, horizon 24 months, 8 %/year
        Scenario s = ScenarioBuilder.scenario("ramp").start(2026, 1).horizonMonths(24).costOfCapital(RATE)
                .accelerator(TestFleets.accelerator().afr(0.1).repairHours(48).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("d").count(1200).rampMonths(6)).build();
        MetricCube expected = Fleetcast.project(s, Mode.EXPECTED, 0L).cube();
        MetricCube simulated = Fleetcast.project(s, Mode.SIMULATE, 11L).cube();
        Timeline t = expected.timeline();
        double ramp = t.startHour(6);
        double life = 5 * Units.HOURS_PER_YEAR;
        double kappa = CapitalCharge.kappa(DELTA, life);
        double eLife = Math.exp(-DELTA * life);
        for (int p = 0; p < t.periods(); p++) {
            // brute force: every slot at the middle of its stratum of the ramp, 25,000 USD each
            double a = t.startHour(p);
            double b = t.endHour(p);
            double sum = 0;
            for (int i = 0; i < 1200; i++) {
                double t0 = ramp * (i + 0.5) / 1200;
                sum += 25_000 * (CapitalCharge.cumulative(b - t0, DELTA, life, kappa, eLife)
                        - CapitalCharge.cumulative(a - t0, DELTA, life, kappa, eLife));
            }
            double e = expected.value(Metric.CAPITAL_CHARGE_USD, "d", p);
            assertRel(sum, e, 1e-4, "period " + p);
            // the charge depends on install instants and lives only: the same in both modes, failures or not
            assertRel(e, simulated.value(Metric.CAPITAL_CHARGE_USD, "d", p), 1e-12, "simulate period " + p);
        }
    }

    @Test
    void project_buildTime_interestDuringConstructionChargedAtInstall() {
        // facility capex 10e6 USD/MW x 1 kW x design PUE 1.30 = 13,000 USD, paid evenly over 2 years before install
        // interest during construction = 13,000 x ((e^(δT) - 1) / (δT) - 1), δT = 2 ln 1.08 = 0.1539221
        //   = 13,000 x 0.0810665 = 1,053.86 USD, in the install month (January)
        Scenario with = ScenarioBuilder.scenario("idc").start(2026, 1).horizonMonths(1).costOfCapital(RATE)
                .accelerator(TestFleets.accelerator().build())
                .site(TestFleets.site().facilityCapexUsdPerMw(10e6).set(ModelField.BUILD_TIME, 2 * Units.HOURS_PER_YEAR).build())
                .deployment(TestFleets.deployment("d").count(1)).build();
        Scenario without = ScenarioBuilder.scenario("idc").start(2026, 1).horizonMonths(1).costOfCapital(RATE)
                .accelerator(TestFleets.accelerator().build())
                .site(TestFleets.site().facilityCapexUsdPerMw(10e6).build())
                .deployment(TestFleets.deployment("d").count(1)).build();
        double diff = Fleetcast.project(with).cube().value(Metric.CAPITAL_CHARGE_USD, "d", 0)
                - Fleetcast.project(without).cube().value(Metric.CAPITAL_CHARGE_USD, "d", 0);
        assertRel(1053.8639295, diff, 1e-8, "interest during construction");
    }

    @Test
    void project_deploymentOverride_winsOverTheScenarioRateAndLeasedHasNoCharge() {
        Scenario s = ScenarioBuilder.scenario("o").start(2026, 1).horizonMonths(12).costOfCapital(0.5)
                .accelerator(TestFleets.accelerator().capexUsd(10_000).usefulLifeHours(8760).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("own").count(1).set(ModelField.COST_OF_CAPITAL, RATE))
                .deployment(TestFleets.deployment("rent").count(1).ownership(Ownership.LEASED)).build();
        MetricCube c = Fleetcast.project(s).cube();
        assertRel(389.47041542, c.total(Metric.CAPITAL_CHARGE_USD, "own"), 1e-9, "override");
        assertEquals(0, c.total(Metric.CAPITAL_CHARGE_USD, "rent"));
    }

    @Test
    void read_costOfCapital_scenarioAndDeploymentAndErrors() throws ScenarioException {
        String ok = """
                scenario: c
                description: cost of capital
                start: 2026-07
                horizon: 12 months
                cost-of-capital: 8 %/year
                deployments:
                  - id: d
                    accelerator: h100
                    site: us-tx
                    size: { count: 1 }
                    start: 2026-07
                    cost-of-capital: 10 %/year
                """;
        Scenario s = new ScenarioReader().readString(ok);
        assertRel(0.08, s.costOfCapitalPerYear(), 1e-15, "scenario");
        assertRel(0.10, s.deployments().get(0).costOfCapitalPerYear(), 1e-15, "deployment");

        ScenarioException tooHigh = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(ok.replace("cost-of-capital: 8 %/year", "cost-of-capital: 120 %/year")));
        assertTrue(tooHigh.getMessage().contains("cost-of-capital"), tooHigh.getMessage());
        ScenarioException leased = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(ok.replace("size: { count: 1 }",
                        "size: { count: 1 }\n    ownership: leased")));
        assertTrue(leased.getMessage().contains("deployments[0].cost-of-capital: only for owned"), leased.getMessage());
    }
}
