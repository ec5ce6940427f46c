package io.fleetcast;

import io.fleetcast.model.Deployment;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Size;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** DESIGN.md "Deployment": every sizing form resolves to a reported count. Test accelerator: 1,000 W, 25,000 USD. */
class SizingTest {

    private static ResolvedDeployment resolve(ScenarioBuilder b, ScenarioBuilder.DeploymentBuilder d) {
        List<ResolvedDeployment> r = Fleetcast.sizing(b.deployment(d).build());
        return r.get(0);
    }

    @Test
    void sizing_count_isTheCount() {
        ResolvedDeployment r = resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("c").count(10));
        assertEquals(10, r.count());
        // 10 x 1,000 W = 0.01 MW IT; x design PUE 1.30 = 0.013 MW facility
        assertEquals(0.01, r.itMw(), 1e-15);
        assertEquals(0.013, r.facilityMw(), 1e-15);
    }

    @Test
    void sizing_itPower_isPowerOverAllInWatts() {
        // 1 MW / 1,000 W = 1,000
        ResolvedDeployment r = resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("p").size(Size.itPower(1e6)));
        assertEquals(1000, r.count());
        assertEquals(1.0, r.itMw(), 1e-12);
    }

    @Test
    void sizing_facilityPower_usesDesignPue() {
        // 1.3 MW / (1,000 W x design PUE 1.30) = 1,000; 1 MW / 1,300 W = 769.23 -> 769
        assertEquals(1000, resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("f").size(Size.facilityPower(1.3e6))).count());
        ResolvedDeployment r = resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("f").size(Size.facilityPower(1e6)));
        assertEquals(769, r.count());
        assertEquals(1e6 / 1300, r.exactCount(), 1e-9);
    }

    @Test
    void sizing_budgetOwned_isBudgetOverCapex() {
        // 1,000,000 USD / 25,000 USD = 40
        assertEquals(40, resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("b").size(Size.budget(1e6))).count());
    }

    @Test
    void sizing_budgetLeased_isBudgetOverPriceTimesContractedHours() {
        // 2026: 8,760 contracted hours x 2.5 USD/h = 21,900 USD per slot; 1e6 / 21,900 = 45.66 -> 45
        ResolvedDeployment r = resolve(TestFleets.scenario(2026, 1, 12),
                TestFleets.deployment("l").size(Size.budget(1e6)).ownership(Ownership.LEASED));
        assertEquals(45, r.count());
        assertEquals(1e6 / 21_900, r.exactCount(), 1e-9);
    }

    @Test
    void sizing_budgetLeasedWithRamp_averagesContractedHoursOverTheRamp() {
        // installs uniform over the 12 months: a slot is leased 8,760 / 2 = 4,380 h on average;
        // 1e6 / (2.5 x 4,380) = 91.32 -> 91
        ResolvedDeployment r = resolve(TestFleets.scenario(2026, 1, 12),
                TestFleets.deployment("l").size(Size.budget(1e6)).ownership(Ownership.LEASED).rampMonths(12));
        assertEquals(91, r.count());
    }

    @Test
    void sizing_budgetLeasedWithDecline_sumsTheDecliningPrice() {
        // 2026 at 2.5 and 2027 at 2.25 USD/h, 8,760 h each: 21,900 + 19,710 = 41,610 USD per slot;
        // 1e9 / 41,610 = 24,032.68 -> 24,032
        ResolvedDeployment r = resolve(TestFleets.scenario(2026, 1, 24),
                TestFleets.deployment("l").size(Size.budget(1e9)).ownership(Ownership.LEASED).leasePriceDeclinePerYear(0.10));
        assertEquals(24_032, r.count());
        assertEquals(1e9 / 41_610, r.exactCount(), 1e-6);
    }

    @Test
    void sizing_budgetLeasedWithTerm_countsOnlyHoursInsideTheTerm() {
        // term 6 months from 2026-01-01: 181 d = 4,344 h x 2.5 = 10,860 USD; 1e6 / 10,860 = 92.08 -> 92
        ResolvedDeployment r = resolve(TestFleets.scenario(2026, 1, 24),
                TestFleets.deployment("l").size(Size.budget(1e6)).ownership(Ownership.LEASED).termMonths(6));
        assertEquals(92, r.count());
    }

    @Test
    void sizing_quotientOneUlpBelowAWholeNumber_roundsUpOnlyTheRoundOff() {
        // 3,190 W facility of a 2,900 W accelerator at PUE 1.1: 2,900 x 1.1 = 3,190.0000000000005 as a double,
        // 3,190 / that = 0.9999999999999999 (one ulp below 1): round-off of exactly 1 accelerator, counted as 1
        ScenarioBuilder b = ScenarioBuilder.scenario("ulp").start(2026, 1).horizonMonths(12)
                .accelerator(TestFleets.accelerator().allInPowerW(2900).build())
                .site(ScenarioBuilder.site("site").pue(1.1).electricityUsdPerMwh(50).gridGPerKwh(400).build());
        assertEquals(1, resolve(b, TestFleets.deployment("u").size(Size.facilityPower(3190))).count());
        // 2,999.9999999 W of 1,000 W accelerators is 2.9999999999, far more than round-off below 3: 2
        assertEquals(2, resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("t").size(Size.itPower(2999.9999999))).count());
        assertEquals(2, resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("t").size(Size.itPower(2999))).count());
    }

    @Test
    void sizing_countOneBillion_isExactlyOneBillion() {
        // regression (issue #9): floor(1e9 + 1e-9 x 1e9) gave 1,000,000,001; 1e12 gave 1,000,000,001,000
        assertEquals(1_000_000_000L, resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("b").count(1_000_000_000L)).count());
        assertEquals(1_000_000_000_000L, resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("t").count(1_000_000_000_000L)).count());
        assertEquals(1_000_000_000_000_000L, resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("t").count(1_000_000_000_000_000L)).count());
    }

    @Test
    void sizing_itPowerOfOneBillionAccelerators_isExactlyOneBillion() {
        // 1e12 W / 1,000 W = 1e9 exactly: no tolerance added on top of an exact quotient
        assertEquals(1_000_000_000L, resolve(TestFleets.scenario(2026, 1, 12), TestFleets.deployment("p").size(Size.itPower(1e12))).count());
    }

    @Test
    void sizing_budgetWithFreeAccelerator_failsNamingTheDeployment() {
        ScenarioBuilder b = ScenarioBuilder.scenario("free").start(2026, 1).horizonMonths(12)
                .accelerator(TestFleets.accelerator().capexUsd(0).build()).site(TestFleets.site().build())
                .deployment(TestFleets.deployment("free").size(Size.budget(1e6)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fleetcast.sizing(b.build()));
        assertEquals(true, e.getMessage().startsWith("deployments.free.size"), e.getMessage());
    }
}
