package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.PowerCap;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.plan.FleetPlan;
import io.fleetcast.scenario.ScenarioReader;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, grid limits: installs that would exceed a site's power cap wait. The test accelerator draws 1,000 W
 * all-in and the test site's design PUE is 1.30, so a slot needs 1,300 W of design facility power and 1,000 slots
 * 1.3 MW. 2026 starts at hour 0; April 1 is hour 2,160 (90 days), July 1 hour 4,344 (181 days).
 */
class PowerCapTest {

    private static PowerCap cap(Object... fromAndMw) {
        List<PowerCap.Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < fromAndMw.length; i += 2) {
            steps.add(new PowerCap.Step(LocalDateTime.parse((String) fromAndMw[i] + "T00:00"), ((Number) fromAndMw[i + 1]).doubleValue() * 1e6));
        }
        return new PowerCap("site", steps);
    }

    private static ScenarioBuilder fleet(PowerCap cap) {
        return TestFleets.scenario(2026, 1, 24).powerCap(cap)
                .deployment(TestFleets.deployment("first").count(1000).rampMonths(3));
    }

    @Test
    void plan_capBelowTheRampUntilJuly_rampStretchesToStayUnder() {
        // 1 MW until July, 2 MW after: the line 1.3 MW x t / E must stay <= 1 MW until hour 4,344, so
        // E = 1.3 x 4,344 / 1 = 5,647.2 h instead of 2,160 h: the last install waits 3,487.2 h
        FleetPlan plan = FleetPlan.of(fleet(cap("2026-01-01", 1, "2026-07-01", 2)).build());
        assertEquals(0, plan.startHour[0]);
        assertEquals(5647.2, plan.rampHours[0], 1e-6);
        FleetPlan.CapDelay delay = plan.capDelays.get(0);
        assertEquals("first", delay.deployment());
        assertEquals(0, delay.startDelayHours(), 1e-9);
        assertEquals(3487.2, delay.endDelayHours(), 1e-6);
        // the sizing shows the new install end: hour 5,647.2 is 2026-08-24 07:12
        assertTrue(Math.abs(java.time.Duration.between(LocalDateTime.parse("2026-08-24T07:12"),
                plan.sizing().get(0).installEnd()).toMillis()) < 1000, plan.sizing().get(0).installEnd().toString());
    }

    @Test
    void plan_nothingAvailableUntilApril_startWaitsRampKept() {
        // 2 MW from April: the first install waits to hour 2,160 and the 3-month ramp (2,160 h) follows
        FleetPlan plan = FleetPlan.of(fleet(cap("2026-04-01", 2)).build());
        assertEquals(2160, plan.startHour[0], 1e-6);
        assertEquals(2160, plan.rampHours[0], 1e-6);
        assertEquals(2160, plan.capDelays.get(0).startDelayHours(), 1e-6);
    }

    @Test
    void plan_secondDeploymentSharesTheCap_waitsForTheHeadroom() {
        // 2 MW from January, 3 MW from July. The first (1.3 MW over Jan-Mar) fits. The second (1.3 MW, 3 months asked)
        // has 0.7 MW until July once the first is in. Starting in January its ramp must end at 1.3 x 4,344 / 0.7 =
        // 8,067.4 h (mean install time 4,033.7 h); starting when the first is complete (hour 2,160) at
        // 2,160 + 1.3 x 2,184 / 0.7 = 6,216 h (mean 4,188 h); starting in July at 4,344 + 2,160 = 6,504 h (mean
        // 5,424 h). The earliest mean install time wins: start 0, end 8,067.4.
        Scenario s = TestFleets.scenario(2026, 1, 24).powerCap(cap("2026-01-01", 2, "2026-07-01", 3))
                .deployment(TestFleets.deployment("first").count(1000).rampMonths(3))
                .deployment(TestFleets.deployment("second").count(1000).rampMonths(3)).build();
        FleetPlan plan = FleetPlan.of(s);
        assertEquals(2160, plan.rampHours[0], 1e-6);
        assertEquals(0, plan.startHour[1], 1e-6);
        assertEquals(1.3 * 4344 / 0.7, plan.rampHours[1], 1e-6);
        assertEquals(List.of("second"), plan.capDelays.stream().map(FleetPlan.CapDelay::deployment).toList());
        // the projection installs from the stretched plan: by July 1, 1,000 x 4,344 / 8,067.4 = 538.46 slots
        MetricCube c = Fleetcast.project(s).cube();
        double installedByJune = 0;
        for (int p = 0; p < 6; p++) {
            installedByJune += c.value(Metric.INSTALLED, 1, p);
        }
        assertEquals(1000 * 4344 / (1.3 * 4344 / 0.7), installedByJune, 1e-6);
    }

    @Test
    void plan_capBelowTheSitesDeployments_clearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FleetPlan.of(fleet(cap("2026-01-01", 1)).build()));
        assertEquals("power-caps.site: the deployments at site up to first need 1.3 MW of design facility power; expected"
                + " at most the cap's last step, 1.0 MW", e.getMessage());
    }

    @Test
    void read_badSteps_locatedProblems() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioReader().readString("""
                scenario: c
                description: caps
                start: 2026-07
                horizon: 24 months
                deployments:
                  - { id: d, accelerator: h100, site: us-tx, size: { count: 1000 }, start: 2026-07 }
                power-caps:
                  us-tz: [ { from: 2026-07, facility-power: 1 GW } ]
                  us-tx: [ { from: 2027-01, facility-power: 1 GW }, { from: 2026-07, facility-power: 2 GW } ]
                """));
        String m = e.getMessage();
        assertTrue(m.contains("power-caps.us-tz") && m.contains("did you mean us-tx?"), m);
        assertTrue(m.contains("power-caps.us-tx[1].from: expected a date after the previous step's"), m);
    }
}
