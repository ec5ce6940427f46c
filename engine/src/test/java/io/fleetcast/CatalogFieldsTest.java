package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The catalog fields of the calibration work: {@code mfu} (accelerator and deployment), {@code network-capex}
 * and {@code storage-capex}, hand-computed on the test accelerator of {@link TestFleets} (1 kW, 1,000 bf16
 * TFLOPS, capex 25,000 USD), in both modes.
 */
class CatalogFieldsTest {

    private static final double EPS = 1e-9;

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * EPS + 1e-12, what);
    }

    private static MetricCube july(ScenarioBuilder.AcceleratorBuilder acc, ScenarioBuilder.DeploymentBuilder dep, Mode mode) {
        Scenario s = ScenarioBuilder.scenario("t").start(2026, 7).horizonMonths(1).accelerator(acc.build())
                .site(TestFleets.site().build()).deployment(dep).build();
        return Fleetcast.project(s, mode, 1L).cube();
    }

    @Test
    void project_mfuGiven_computeFollowsMfuPowerFollowsUtilization() {
        for (Mode mode : Mode.values()) {
            // July 2026, 744 h, one device, utilization 0.8, no failures
            MetricCube noMfu = july(TestFleets.accelerator(), TestFleets.deployment("d").count(1).utilization(0.8), mode);
            // 744 h x 1,000 TFLOPS x 0.8 x 3,600 s / 1e6 = 2,142.72 EFLOP; power 1 kW x 0.8 = 0.8 kW (no idle draw)
            assertRel(2142.72, noMfu.value(Metric.COMPUTE_EFLOP, "d", 0), mode + " compute at utilization");
            assertRel(0.0008, noMfu.value(Metric.IT_POWER_MW, "d", 0), mode + " power");

            MetricCube catalogMfu = july(TestFleets.accelerator().set(ModelField.MFU, 0.5),
                    TestFleets.deployment("d").count(1).utilization(0.8), mode);
            // 744 x 1,000 x 0.5 x 3,600 / 1e6 = 1,339.2 EFLOP; power unchanged
            assertRel(1339.2, catalogMfu.value(Metric.COMPUTE_EFLOP, "d", 0), mode + " compute at the catalog mfu");
            assertRel(0.0008, catalogMfu.value(Metric.IT_POWER_MW, "d", 0), mode + " power with mfu");

            MetricCube deploymentMfu = july(TestFleets.accelerator().set(ModelField.MFU, 0.5),
                    TestFleets.deployment("d").count(1).utilization(0.8).set(ModelField.DEPLOYMENT_MFU, 0.4), mode);
            // the deployment's mfu wins: 744 x 1,000 x 0.4 x 3,600 / 1e6 = 1,071.36 EFLOP
            assertRel(1071.36, deploymentMfu.value(Metric.COMPUTE_EFLOP, "d", 0), mode + " compute at the deployment mfu");
        }
    }

    @Test
    void project_networkAndStorageCapex_addToItCapexNotToReplacements() {
        // capex 25,000 + network 3,000 + storage 2,000 = 30,000 USD per accelerator, life 5 years = 43,830 h
        ScenarioBuilder.AcceleratorBuilder acc = TestFleets.accelerator().set(ModelField.NETWORK_CAPEX, 3000)
                .set(ModelField.STORAGE_CAPEX, 2000).afr(0.1);
        MetricCube c = july(acc, TestFleets.deployment("d").count(10).opexFractionPerYear(0.02), Mode.EXPECTED);
        // 10 installs x 30,000 = 300,000 USD
        assertRel(300_000, c.value(Metric.CAPEX_USD, "d", 0), "capex");
        // depreciation: 10 x 30,000 x 744 / 43,830 = 5,092.4024640657...
        assertRel(10 * 30_000.0 * 744 / 43_830, c.value(Metric.DEPRECIATION_USD, "d", 0), "depreciation");
        // other opex 2 %/year of IT capex: slot-hours 7,440 x 0.02 x 30,000 / 8,766
        assertRel(7440 * 0.02 * 30_000 / 8766, c.value(Metric.OPEX_OTHER_USD, "d", 0), "opex");
        // a replacement costs 50 % of the accelerator's 25,000 USD only: 12,500 USD per failure
        double failures = c.value(Metric.FAILURES, "d", 0);
        assertTrue(failures > 0, "failures");
        assertRel(12_500 * failures, c.value(Metric.REPAIR_COST_USD, "d", 0), "repair");
    }

    @Test
    void sizing_ownedBudget_dividesByItCapexWithNetworkAndStorage() {
        // 300,000 USD / (25,000 + 3,000 + 2,000) = 10 accelerators
        Scenario s = ScenarioBuilder.scenario("t").start(2026, 7).horizonMonths(1)
                .accelerator(TestFleets.accelerator().set(ModelField.NETWORK_CAPEX, 3000)
                        .set(ModelField.STORAGE_CAPEX, 2000).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("d").size(Size.budget(300_000))).build();
        assertEquals(10, Fleetcast.sizing(s).get(0).count());
    }

    @Test
    void read_mfuOutOfRange_isAnErrorNamingTheField() {
        String yaml = """
                scenario: bad
                description: mfu above 1
                start: 2026-07
                horizon: 12 months
                accelerators:
                  h100: { mfu: 1.4 }
                deployments:
                  - id: d
                    accelerator: h100
                    site: us-tx
                    size: { count: 1 }
                    start: 2026-07
                    mfu: 140 %
                """;
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(yaml));
        String m = e.getMessage();
        assertTrue(m.contains("accelerators.h100.mfu"), m);
        assertTrue(m.contains("deployments[0].mfu"), m);
        assertTrue(m.contains("in [0, 1]"), m);
    }

    @Test
    void read_negativeNetworkCapex_isAnError() {
        String yaml = """
                scenario: bad
                description: negative network capex
                start: 2026-07
                horizon: 12 months
                accelerators:
                  h100: { network-capex: -5 USD }
                deployments:
                  - id: d
                    accelerator: h100
                    site: us-tx
                    size: { count: 1 }
                    start: 2026-07
                """;
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(yaml));
        assertTrue(e.getMessage().contains("accelerators.h100.network-capex"), e.getMessage());
        assertTrue(e.getMessage().contains("in [0, 1e15 USD]"), e.getMessage());
    }

    @Test
    void project_spares_addCapexIdlePowerAndEmbodiedNotCompute() {
        for (Mode mode : Mode.values()) {
            // 100 owned slots + 5 % spares, idle fraction 0.3, July 2026 (744 h), no failures
            MetricCube c = july(TestFleets.accelerator().idleFraction(0.3),
                    TestFleets.deployment("d").count(100).set(ModelField.SPARES, 0.05), mode);
            // capex: 100 x 25,000 x 1.05 = 2,625,000 USD
            assertRel(2_625_000, c.value(Metric.CAPEX_USD, "d", 0), mode + " capex");
            // IT energy: 100 x 744 h x 1 kW (utilization 1) + 5 spares x 744 h x 0.3 kW = 74.4 + 1.116 = 75.516 MWh
            assertRel(75.516 / 744, c.value(Metric.IT_POWER_MW, "d", 0), mode + " IT power");
            // compute: the 100 slots only, 100 x 744 x 3.6 = 267,840 EFLOP
            assertRel(267_840, c.value(Metric.COMPUTE_EFLOP, "d", 0), mode + " compute");
            // embodied: 1,000 kg x 1.05 per slot x 100 x 744 / 43,830 h = 1.782341 t
            assertRel(1.05 * 100 * 744 / 43_830.0, c.value(Metric.CO2_EMBODIED_T, "d", 0), mode + " embodied");
        }
    }
}
