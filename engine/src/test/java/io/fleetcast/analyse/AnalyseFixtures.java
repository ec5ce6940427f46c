package io.fleetcast.analyse;

import io.fleetcast.model.DistributionKind;
import io.fleetcast.model.InputDistribution;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Size;

/**
 * Small scenarios whose outputs are known in closed form. The accelerator {@code lin} draws exactly 1 kW
 * when up (idle fraction 0, utilization 1), never fails, costs 50,000 USD over 43,830 h (5 years); the site
 * {@code flat} has PUE 1 all year and 60 USD/MWh; the scenario runs the 12 months of 2026 (8,760 h).
 */
final class AnalyseFixtures {

    /** Hours of 2026. */
    static final double HOURS_2026 = 8760;
    /** Useful life of {@code lin}, hours. */
    static final double LIFE = 43_830;

    private AnalyseFixtures() {
    }

    static InputDistribution uniform(double lo, double hi) {
        return new InputDistribution(DistributionKind.UNIFORM, new double[] {lo, hi}, new double[0],
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    static InputDistribution point(double v) {
        return new InputDistribution(DistributionKind.TRIANGULAR, new double[] {v, v, v}, new double[0],
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    static ScenarioBuilder base() {
        return ScenarioBuilder.scenario("linear").start(2026, 1).horizonMonths(12)
                .accelerator(ScenarioBuilder.accelerator("lin").allInPowerW(1000).idleFraction(0).capexUsd(50_000)
                        .usefulLifeHours(LIFE).afr(0).leasePriceUsdPerHour(2).build())
                .site(ScenarioBuilder.site("flat").pue(1.0).electricityUsdPerMwh(60).gridGPerKwh(400).build());
    }

    /**
     * 1,000 owned {@code lin} from 2026-01-01: tco over 2026 = depreciation + energy
     * = 1000 x capex x 8760 / 43830 + 1 MW x 8760 h x price = 199.8631 capex + 8760 price.
     */
    static ScenarioBuilder linear() {
        return base().deployment(ScenarioBuilder.deployment("own", "lin", "flat").count(1000));
    }

    /** 1,000 leased {@code lin} for the whole year at the given price, energy included. */
    static ScenarioBuilder leased(double price) {
        return base().deployment(ScenarioBuilder.deployment("rent", "lin", "flat").ownership(Ownership.LEASED)
                .size(Size.count(1000)).leasePriceUsdPerHour(price));
    }

    /**
     * 2,000 accelerators of 1 kW with an AFR of 0.3 (uncertain: uniform 0.2 to 0.4) and 72 h repairs, installed over
     * the first 3 months of 2026: small enough to simulate every device in every run of a test.
     */
    static Scenario simulated() {
        return ScenarioBuilder.scenario("sim").start(2026, 1).horizonMonths(12)
                .accelerator(ScenarioBuilder.accelerator("f").allInPowerW(1000).capexUsd(20_000).afr(0.3)
                        .repairHours(72).build())
                .site(ScenarioBuilder.site("s").pue(1.2).electricityUsdPerMwh(50).build())
                .deployment(ScenarioBuilder.deployment("d", "f", "s").size(Size.count(2000)).rampMonths(3))
                .uncertain("accelerators.f.afr", uniform(0.2, 0.4))
                .build();
    }
}
