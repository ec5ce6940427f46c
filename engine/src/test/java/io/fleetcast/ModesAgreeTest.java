package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md "Two modes, one answer": the mean of simulated runs converges to the expected mode. Each test
 * runs 200 simulations of 10,000 devices over 12 monthly periods and checks that, for energy, failures and
 * repair cost (totals and every period of failures), the sample mean lies within 3 standard errors of the
 * expected value. A failure rate far above the catalog's (AFR 30-50 %) makes failures, repairs and the
 * down time they cause large enough to be measured.
 */
class ModesAgreeTest {

    private static final int RUNS = 200;
    private static final Metric[] CHECKED = {Metric.ENERGY_MWH, Metric.FAILURES, Metric.REPAIR_COST_USD, Metric.ACTIVE,
            Metric.CO2_EMBODIED_T, Metric.DEPRECIATION_USD};

    private static Scenario fleet(ScenarioBuilder.AcceleratorBuilder acc, ScenarioBuilder.DeploymentBuilder dep) {
        return ScenarioBuilder.scenario("agree").start(2026, 1).horizonMonths(12)
                .accelerator(acc.build()).site(TestFleets.site().facilityCapexUsdPerMw(8e6).build())
                .deployment(dep).build();
    }

    private static void assertModesAgree(Scenario s) {
        Projection expected = Fleetcast.project(s);
        MetricCube e = expected.cube();
        int periods = e.timeline().periods();
        int metrics = CHECKED.length;
        double[] sum = new double[metrics * (periods + 1)];
        double[] sumSq = new double[metrics * (periods + 1)];
        for (int run = 0; run < RUNS; run++) {
            MetricCube c = Fleetcast.project(s, Mode.SIMULATE, 1000 + run).cube();
            for (int m = 0; m < metrics; m++) {
                // deviations from the expected value: sums of squares of the values themselves cancel
                // catastrophically for a quantity that barely varies (embodied carbon: 1e-8 relative)
                for (int p = 0; p < periods; p++) {
                    double v = c.value(CHECKED[m], 0, p) - e.value(CHECKED[m], 0, p);
                    sum[m * (periods + 1) + p] += v;
                    sumSq[m * (periods + 1) + p] += v * v;
                }
                double t = c.total(CHECKED[m], 0) - e.total(CHECKED[m], 0);
                sum[m * (periods + 1) + periods] += t;
                sumSq[m * (periods + 1) + periods] += t * t;
            }
        }
        for (int m = 0; m < metrics; m++) {
            for (int p = 0; p <= periods; p++) {
                int i = m * (periods + 1) + p;
                double deviation = sum[i] / RUNS;
                double var = Math.max(0, (sumSq[i] - RUNS * deviation * deviation) / (RUNS - 1));
                double se = Math.sqrt(var / RUNS);
                double exp = p < periods ? e.value(CHECKED[m], 0, p) : e.total(CHECKED[m], 0);
                double mean = exp + deviation;
                // a deterministic quantity (se 0) must agree to rounding
                double allowed = 3 * se + 1e-9 * Math.abs(exp) + 1e-9;
                assertTrue(Math.abs(mean - exp) <= allowed, CHECKED[m].id() + (p < periods ? " period " + p : " total")
                        + ": simulated mean " + mean + " vs expected " + exp + " (3 SE = " + 3 * se + ")");
            }
        }
    }

    @Test
    void project_exponentialLifetimesWithRepairAndRamp_simulatedMeanWithin3SeOfExpected() {
        assertModesAgree(fleet(TestFleets.accelerator().afr(0.4).repairHours(500).usefulLifeHours(6000),
                TestFleets.deployment("fleet").count(10_000).rampMonths(3)));
    }

    @Test
    void project_weibullWearOut_simulatedMeanWithin3SeOfExpected() {
        assertModesAgree(fleet(TestFleets.accelerator().afr(0.5).weibullShape(1.8).repairHours(300),
                TestFleets.deployment("fleet").count(10_000).rampHours(1000)));
    }

    @Test
    void project_weibullInfantMortality_simulatedMeanWithin3SeOfExpected() {
        assertModesAgree(fleet(TestFleets.accelerator().afr(0.3).weibullShape(0.6).repairHours(72),
                TestFleets.deployment("fleet").count(10_000)));
    }

    @Test
    void project_termCutWithWriteOff_simulatedMeanWithin3SeOfExpected() {
        assertModesAgree(fleet(TestFleets.accelerator().afr(0.3).repairHours(72),
                TestFleets.deployment("fleet").count(10_000).rampMonths(4).termMonths(7)));
    }
}
