package io.fleetcast;

import io.fleetcast.model.Confidence;
import io.fleetcast.model.Consideration;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Issue #10, vendor consideration: received at a deployment milestone, netted in cash (and NPV), never in tco. */
class ConsiderationTest {

    private static final Provenance SOURCE = Provenance.UNSOURCED;

    /** 100 test accelerators (1,000 W, design PUE 1.30: 1,300 W of facility power each), installed over 1,000 h from Jan 2026. */
    private static ScenarioBuilder fleet() {
        return TestFleets.scenario(2026, 1, 3).deployment(TestFleets.deployment("fleet").count(100).rampHours(1000));
    }

    @Test
    void project_cashAndSharesAtTwoMilestones_inTheMilestoneMonthsNettedInCashNotTco() {
        Projection without = Fleetcast.project(fleet().build());
        Projection with = Fleetcast.project(fleet()
                // 50 of 100 slots: 1,000 h x 50/100 = hour 500, in January (744 h)
                .consideration(new Consideration("half", "fleet", Consideration.MilestoneKind.COUNT, 50, 1e6, 0, 0, SOURCE))
                // 130 kW / 1,300 W = 100 slots: hour 1,000, in February (hours 744 to 1,416); 1,000 shares x $50 = $50,000
                .consideration(new Consideration("all", "fleet", Consideration.MilestoneKind.FACILITY_POWER, 130_000, 0,
                        1000, 50, SOURCE))
                .build());
        MetricCube c = with.cube();
        MetricCube w = without.cube();
        assertEquals(1e6, c.value(Metric.CONSIDERATION_USD, 0, 0));
        assertEquals(5e4, c.value(Metric.CONSIDERATION_USD, 0, 1));
        assertEquals(0, c.value(Metric.CONSIDERATION_USD, 0, 2));
        assertEquals(w.value(Metric.CASH_USD, 0, 0) - 1e6, c.value(Metric.CASH_USD, 0, 0), 1e-6);
        assertEquals(w.value(Metric.CASH_USD, 0, 1) - 5e4, c.value(Metric.CASH_USD, 0, 1), 1e-6);
        for (int p = 0; p < 3; p++) {
            assertEquals(w.value(Metric.TCO_USD, 0, p), c.value(Metric.TCO_USD, 0, p), "tco never holds it");
        }
    }

    @Test
    void project_milestoneBeyondTheHorizon_nothingReceived() {
        // a 3-month horizon (2,160 h) and a ramp of 10,000 h: the last slot installs long after the horizon
        Projection p = Fleetcast.project(TestFleets.scenario(2026, 1, 3)
                .deployment(TestFleets.deployment("fleet").count(100).rampHours(10_000))
                .consideration(new Consideration("late", "fleet", Consideration.MilestoneKind.COUNT, 100, 1e6, 0, 0, SOURCE))
                .build());
        assertEquals(0, p.cube().total(Metric.CONSIDERATION_USD, 0));
    }

    @Test
    void project_milestoneTheDeploymentNeverReaches_neverReceived() {
        // 150 of 100 slots: a tranche that does not vest (the deployment was made smaller than the deal)
        Projection p = Fleetcast.project(fleet()
                .consideration(new Consideration("too-far", "fleet", Consideration.MilestoneKind.COUNT, 150, 1e6, 0, 0, SOURCE))
                .build());
        assertEquals(0, p.cube().total(Metric.CONSIDERATION_USD, 0));
    }

    @Test
    void read_yamlEntries_sharesAtAPriceWithTheirSource() throws ScenarioException {
        Scenario s = new ScenarioReader().readString(UNCERTAIN.substring(0, UNCERTAIN.indexOf("uncertainty:"))
                .replace("share-price: 200 USD", "share-price: { value: 200 USD, confidence: estimate, source: \"a quote\", note: \"n\" }"));
        Consideration c = s.consideration().get(0);
        assertEquals(Consideration.MilestoneKind.FACILITY_POWER, c.milestoneKind());
        assertEquals(1e6, c.milestone());
        // 1,000 shares x $200
        assertEquals(200_000, c.amountUsd());
        assertEquals(Confidence.ESTIMATE, c.provenance().confidence());
    }

    /** A scenario whose warrant (1,000 shares, vesting at 1 MW) has an uncertain share price. */
    private static final String UNCERTAIN = """
            scenario: c
            description: consideration
            start: 2026-07
            horizon: 24 months
            deployments:
              - { id: d, accelerator: h100, site: us-tx, size: { count: 1000 }, start: 2026-07, ramp: 12 months }
            consideration:
              - id: warrant
                deployment: d
                milestone: { facility-power: 1 MW }
                shares: 1000
                share-price: 200 USD
            uncertainty:
              consideration.warrant.share-price: { uniform: [100 USD, 300 USD] }
            """;

    @Test
    void monteCarlo_uncertainSharePrice_considerationFollowsEachRunsPrice() throws ScenarioException {
        Scenario s = new ScenarioReader().readString(UNCERTAIN);
        assertEquals("consideration.warrant.share-price", s.uncertainty().get(0).path());
        io.fleetcast.analyse.MonteCarloResult r = io.fleetcast.analyse.MonteCarlo.run(s, Mode.EXPECTED,
                new MonteCarloSettings(200, 3, new double[] {0.1, 0.9}), 1);
        double mean = 0;
        for (int run = 0; run < r.runs(); run++) {
            mean += 1000 * r.input(run, 0) / r.runs();
        }
        // each run receives 1,000 x its own price: the mean over the runs is 1,000 x the mean price (about 200,000)
        assertEquals(mean, r.meanProjection().summary().total(Metric.CONSIDERATION_USD), mean * 1e-12);
        assertTrue(mean > 180_000 && mean < 220_000, "mean " + mean);
        // --set and solve address the same path
        Scenario set = io.fleetcast.analyse.ScenarioEditor.compile(s,
                java.util.List.of(io.fleetcast.analyse.InputPath.parse("consideration.warrant.share-price", s)),
                java.util.List.of(io.fleetcast.analyse.ScenarioEditor.Mode.SET)).apply(new double[] {250});
        assertEquals(250_000, set.consideration().get(0).amountUsd());
    }

    @Test
    void read_badConsiderationPaths_locatedProblems() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioReader().readString(UNCERTAIN
                .replace("consideration.warrant.share-price:", "consideration.warant.share-price:")));
        assertTrue(e.getMessage().contains("no consideration entry warant; did you mean warrant?"), e.getMessage());
        ScenarioException f = assertThrows(ScenarioException.class, () -> new ScenarioReader().readString(UNCERTAIN
                .replace("consideration.warrant.share-price:", "consideration.warrant.price:")));
        assertTrue(f.getMessage().contains("price is not a numeric field of a consideration entry"), f.getMessage());
    }

    @Test
    void read_badEntries_locatedProblemsForEach() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioReader().readString("""
                scenario: c
                description: consideration
                start: 2026-07
                horizon: 24 months
                deployments:
                  - { id: d, accelerator: h100, site: us-tx, size: { count: 1000 }, start: 2026-07 }
                consideration:
                  - { id: a, deployment: dd, milestone: { count: 10 }, cash: 5 USD }
                  - { id: b, deployment: d, milestone: { count: 10, facility-power: 1 MW }, cash: 5 USD, shares: 3 }
                  - { id: c, deployment: d, milestone: { count: 10 }, shares: 3 }
                """));
        String m = e.getMessage();
        assertTrue(m.contains(":8:") && m.contains("consideration[0].deployment") && m.contains("did you mean d?"), m);
        assertTrue(m.contains("consideration[1].milestone: expected exactly one of count or facility-power"), m);
        assertTrue(m.contains("consideration[1]: expected either cash or shares with share-price"), m);
        assertTrue(m.contains("consideration[2].share-price"), m);
    }
}
