package io.fleetcast;

import io.fleetcast.model.ScenarioBuilder;

/**
 * Small hand-checkable catalog entries and sites for engine tests: round figures so the expected values
 * can be computed by hand in a comment.
 */
final class TestFleets {

    private TestFleets() {
    }

    /**
     * 1,000 W all-in, no idle draw (power = 1 kW whenever up), 1,000 bf16 TFLOPS, capex 25,000 USD, useful
     * life 5 years (43,830 h), no failures, replacement 50 % of capex, 1,000 kgCO2e embodied, 2.5 USD/h lease.
     */
    static ScenarioBuilder.AcceleratorBuilder accelerator() {
        return ScenarioBuilder.accelerator("acc").vendor("Acme").allInPowerW(1000).idleFraction(0)
                .bf16Tflops(1000).fp8Tflops(2000).capexUsd(25_000).usefulLifeYears(5).afr(0)
                .replacementCostFraction(0.5).embodiedKgCo2e(1000).leasePriceUsdPerHour(2.5);
    }

    /**
     * Monthly PUE Jan..Dec = 1.10, 1.30, 1.10, 1.10, 1.10, 1.20, 1.25, 1.10, 1.10, 1.10, 1.10, 1.10 (design
     * PUE 1.30), 50 USD/MWh, 400 g/kWh, no facility capex.
     */
    static ScenarioBuilder.SiteBuilder site() {
        return ScenarioBuilder.site("site").monthlyPue(1.10, 1.30, 1.10, 1.10, 1.10, 1.20, 1.25, 1.10, 1.10, 1.10, 1.10, 1.10)
                .electricityUsdPerMwh(50).gridGPerKwh(400);
    }

    /** A scenario with the test accelerator and site. */
    static ScenarioBuilder scenario(int year, int month, int horizonMonths) {
        return ScenarioBuilder.scenario("test").start(year, month).horizonMonths(horizonMonths)
                .accelerator(accelerator().build()).site(site().build());
    }

    /** A deployment of the test accelerator at the test site. */
    static ScenarioBuilder.DeploymentBuilder deployment(String id) {
        return ScenarioBuilder.deployment(id, "acc", "site");
    }
}
