package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Size;
import io.fleetcast.model.Summary;
import io.fleetcast.model.TermFrom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Lease contracts: a term counted from each slot's install (the default) or from the deployment start, and
 * take-or-pay, hand-computed in both modes; sizing by budget under each; bad input.
 */
class ContractsTest {

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-9, what);
    }

    /** Leased at 2 USD/h, energy included, 2 slots over a 2-month ramp (Jan + Feb 2026 = 1,416 h), 6 months. */
    private static Scenario leased(ScenarioBuilder.DeploymentBuilder d) {
        return ScenarioBuilder.scenario("c").start(2026, 1).horizonMonths(6)
                .accelerator(TestFleets.accelerator().build()).site(TestFleets.site().build())
                .deployment(d.ownership(Ownership.LEASED).leasePriceUsdPerHour(2).rampMonths(2)).build();
    }

    @Test
    void project_termFromInstall_everySlotGetsItsFullTermInBothModes() {
        for (Mode mode : Mode.values()) {
            Summary s = Fleetcast.project(leased(TestFleets.deployment("d").count(2).termHours(1000)), mode, 5L).summary();
            // each of the 2 slots is leased 1,000 h from its own install (all end before the horizon):
            // 2 x 1,000 = 2,000 slot-hours, x 2 USD/h = 4,000 USD
            assertRel(2000, s.slotHours(), mode + " slot-hours");
            assertRel(4000, s.total(Metric.LEASE_COST_USD), mode + " lease");
        }
    }

    @Test
    void project_termFromDeploymentStart_slotsEndTogether() {
        Scenario s = leased(TestFleets.deployment("d").count(2).termHours(1000).termFrom(TermFrom.DEPLOYMENT_START));
        // installs at density 2 / 1,416 per hour; a slot installed at t0 < 1,000 runs to 1,000:
        // slot-hours = 2 / 1,416 x 1,000² / 2 = 706.2147 h; lease = 1,412.4294 USD
        Summary sum = Fleetcast.project(s).summary();
        assertRel(2.0 / 1416 * 1000 * 1000 / 2, sum.slotHours(), "slot-hours");
        assertRel(2.0 / 1416 * 1000 * 1000, sum.total(Metric.LEASE_COST_USD), "lease");
    }

    @Test
    void sizing_budgetWithTermFromInstall_eachSlotCostsItsWholeTerm() {
        // one slot costs 1,000 h x 2 USD/h = 2,000 USD whenever it is installed: 4,000 USD buys 2
        assertEquals(2, Fleetcast.sizing(leased(TestFleets.deployment("d").size(Size.budget(4000)).termHours(1000)))
                .get(0).count());
        // from the deployment start a slot costs 706.2147 / 2 x 2 = 706.2147 USD on average: 4,000 USD buys 5.66 -> 5
        assertEquals(5, Fleetcast.sizing(leased(TestFleets.deployment("d").size(Size.budget(4000)).termHours(1000)
                .termFrom(TermFrom.DEPLOYMENT_START))).get(0).count());
    }

    @Test
    void project_takeOrPay_slippedInstallsArePaidFromTheStart() {
        for (Mode mode : Mode.values()) {
            // 6 slots contracted for 12 months from 2026-01 at 2 USD/h, installed over a 6-month ramp
            Scenario s = ScenarioBuilder.scenario("top").start(2026, 1).horizonMonths(12)
                    .accelerator(TestFleets.accelerator().build()).site(TestFleets.site().build())
                    .deployment(TestFleets.deployment("d").count(6).ownership(Ownership.LEASED).leasePriceUsdPerHour(2)
                            .rampMonths(6).termMonths(12).takeOrPay(true)).build();
            MetricCube c = Fleetcast.project(s, mode, 9L).cube();
            // January: 6 x 744 h x 2 USD/h = 8,928 USD although about one slot is installed
            assertRel(8928, c.value(Metric.LEASE_COST_USD, "d", 0), mode + " january");
            assertTrue(c.value(Metric.SLOTS, "d", 0) < 1, mode + " slots in service in january");
            // the year: 6 x 8,760 h x 2 = 105,120 USD
            assertRel(105_120, c.total(Metric.LEASE_COST_USD, "d"), mode + " year");
        }
    }

    private static final String HEAD = """
            scenario: c
            description: contracts
            start: 2026-07
            horizon: 24 months
            deployments:
              - id: d
                accelerator: h100
                site: us-tx
                size: { count: 10 }
                start: 2026-07
                term: 12 months
            """;

    @Test
    void read_termFromAndTakeOrPay_readAndCheck() throws ScenarioException {
        Scenario s = new ScenarioReader().readString(HEAD + "    ownership: leased\n    take-or-pay: true\n");
        assertTrue(s.deployments().get(0).takeOrPay());
        assertEquals(TermFrom.DEPLOYMENT_START, s.deployments().get(0).termFrom());
        assertEquals(TermFrom.INSTALL,
                new ScenarioReader().readString(HEAD + "    ownership: leased\n").deployments().get(0).termFrom());

        ScenarioException bad = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(HEAD + "    ownership: leased\n    term-from: sometimes\n"));
        assertTrue(bad.getMessage().contains("deployments[0].term-from: expected one of install, deployment-start"),
                bad.getMessage());
        ScenarioException both = assertThrows(ScenarioException.class, () -> new ScenarioReader().readString(
                HEAD + "    ownership: leased\n    take-or-pay: true\n    term-from: install\n"));
        assertTrue(both.getMessage().contains("take-or-pay counts the term from the deployment start"), both.getMessage());
        ScenarioException owned = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(HEAD + "    take-or-pay: true\n"));
        assertTrue(owned.getMessage().contains("deployments[0].take-or-pay: only for leased deployments"), owned.getMessage());
        ScenarioException share = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(HEAD + "    ownership: leased\n    services-share: 100 %\n"));
        assertTrue(share.getMessage().contains("deployments[0].services-share") && share.getMessage().contains("in [0, 1)"),
                share.getMessage());
    }

    @Test
    void project_budgetWithServicesShare_buysAcceleratorsWithTheRestAndSpendsTheBudget() {
        for (Mode mode : Mode.values()) {
            Scenario s = leased(TestFleets.deployment("d").size(Size.budget(10_000)).termHours(1000)
                    .set(ModelField.SERVICES_SHARE, 0.2));
            // 20 % of 10,000 USD buys services: 8,000 / (1,000 h x 2 USD/h) = 4 accelerators
            assertEquals(4, Fleetcast.sizing(s).get(0).count());
            // the contract is paid in full: 4 x 1,000 h x 2 USD/h / (1 - 0.2) = 10,000 USD
            assertRel(10_000, Fleetcast.project(s, mode, 2L).summary().total(Metric.LEASE_COST_USD), mode + " lease");
        }
    }
}
