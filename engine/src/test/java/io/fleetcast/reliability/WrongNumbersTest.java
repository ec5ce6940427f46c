package io.fleetcast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.analyse.MonteCarlo;
import io.fleetcast.analyse.MonteCarloResult;
import org.junit.jupiter.api.Test;

/**
 * Reliability class 1, "wrong numbers" (issue #9): no negative residue after a deployment's end of life, in
 * expected mode and in the Monte Carlo means. The sizing and count cases live in {@code SizingTest} and
 * {@code ScenarioValidationTest}.
 */
class WrongNumbersTest {

    @Test
    void project_everyBuiltInScenarioExpectedMode_noNegativeValueInAnyMetric() throws Exception {
        for (String name : Fleetcast.builtInNames()) {
            Projection p = Fleetcast.project(Fleetcast.builtIn(name), Mode.EXPECTED, 0L);
            MetricCube c = p.cube(Grouping.DEPLOYMENT);
            int periods = c.timeline().periods();
            for (Metric m : Metric.values()) {
                for (int g = 0; g < c.groups().size(); g++) {
                    for (int t = 0; t < periods; t++) {
                        // cash is net of vendor consideration, so a month with a tranche can be negative: check it
                        // gross (capex + facility + energy + lease + repair + opex, each >= 0)
                        double v = c.value(m, g, t) + (m == Metric.CASH_USD ? c.value(Metric.CONSIDERATION_USD, g, t) : 0);
                        assertTrue(v >= 0, name + " " + m.id() + " " + c.groups().get(g) + " period " + t + ": " + v);
                    }
                }
            }
        }
    }

    @Test
    void project_amdOpenAiAfterFirstGigawattsEndOfLife_cellsExactlyZero() throws Exception {
        // mi450-first-gw installs over 2026-07..2027-01 and lives 6 years: from 2033-01 every slot is past its
        // life, so every power, energy and compute cell is exactly 0 (was -2.05e-8 active, -0.00077 EFLOP)
        Projection p = Fleetcast.project(Fleetcast.builtIn("amd-openai-6gw"), Mode.EXPECTED, 0L);
        MetricCube c = p.cube(Grouping.DEPLOYMENT);
        int g = c.groups().indexOf("mi450-first-gw");
        int from = 12 * 6 + 6; // 2033-01 is period 78 of a horizon starting 2026-07
        assertEquals("2033-01-01T00:00", c.timeline().periodStart(from).toString());
        for (Metric m : new Metric[] {Metric.ACTIVE, Metric.SLOTS, Metric.FAILURES, Metric.IT_POWER_MW, Metric.ENERGY_MWH,
                Metric.COMPUTE_EFLOP, Metric.ENERGY_COST_USD}) {
            for (int t = from + 1; t < c.timeline().periods(); t++) {
                assertEquals(0.0, c.value(m, g, t), m.id() + " period " + t);
            }
        }
    }

    @Test
    void monteCarlo_expectedModeMeansOfBuiltIns_noNegativeMean() throws Exception {
        for (String name : new String[] {"amd-openai-6gw", "stargate"}) {
            Scenario s = Fleetcast.builtIn(name);
            MonteCarloResult r = MonteCarlo.run(s, Mode.EXPECTED,
                    new MonteCarloSettings(20, 42L, MonteCarloSettings.DEFAULT_QUANTILES),
                    MonteCarlo.Options.of(2).withGrouping(Grouping.DEPLOYMENT));
            int periods = r.timeline().periods();
            for (Metric m : Metric.values()) {
                for (int g = 0; g < r.groups().size(); g++) {
                    for (int t = 0; t < periods; t++) {
                        double v = r.mean(m, g, t) + (m == Metric.CASH_USD ? r.mean(Metric.CONSIDERATION_USD, g, t) : 0);
                        assertTrue(v >= 0, name + " mean " + m.id() + " " + r.groups().get(g) + " period " + t + ": " + v);
                    }
                }
            }
        }
    }
}
