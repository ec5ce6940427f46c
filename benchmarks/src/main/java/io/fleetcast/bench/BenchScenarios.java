package io.fleetcast.bench;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.DistributionKind;
import io.fleetcast.model.InputDistribution;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Site;

/**
 * The synthetic fleets the benchmarks project, built in code so a catalog edit never moves a
 * benchmark: every figure is written here.
 *
 * <p>{@link #fleet(long)}: 120 monthly periods from January 2026; two owned deployments splitting the
 * devices in half, one of accelerators with an AFR of 5 %, one of 10 % (the range the speed target is
 * set at), each installed over a 24-month ramp (the second from July 2026), useful life 6 years (so the
 * first installs retire inside the horizon), 72 h repairs, replacement at half the capex, at a site
 * with monthly PUE and facility capex (so every device also adds a facility-depreciation interval).
 */
public final class BenchScenarios {

    /** The built-in scenario the portfolio benchmarks use: every OpenAI deal in one scenario. */
    public static final String PORTFOLIO = "openai-portfolio";

    private BenchScenarios() {}

    /**
     * The simulate-mode fleet.
     *
     * @param devices total accelerators, at least 2 (split in half between the AFR 5 % and 10 % deployments)
     * @return the scenario
     */
    public static Scenario fleet(long devices) {
        return fleetBuilder("bench-fleet-" + devices,
                "benchmark fleet: " + devices + " devices, AFR 5 % and 10 %, 120 months", devices).build();
    }

    /**
     * The simulate-mode fleet with uncertain inputs, for Monte Carlo: the AFR of the 10 % accelerators
     * triangular on [7 %, 10 %, 14 %], the capex of the 5 % ones PERT on [45,000, 55,000, 70,000] USD and the
     * site's electricity price triangular on [45, 60, 90] USD/MWh.
     *
     * @param devices total accelerators, at least 2
     * @param runs    Monte Carlo runs
     * @return the scenario
     */
    public static Scenario uncertainFleet(long devices, int runs) {
        return fleetBuilder("bench-fleet-mc-" + devices,
                        "benchmark fleet with uncertain AFR, capex and electricity price", devices)
                .uncertain("accelerators.gpu-afr10.afr", distribution(DistributionKind.TRIANGULAR, 0.07, 0.10, 0.14))
                .uncertain("accelerators.gpu-afr5.capex", distribution(DistributionKind.PERT, 45_000, 55_000, 70_000))
                .uncertain("sites.bench-site.electricity-price", distribution(DistributionKind.TRIANGULAR, 45, 60, 90))
                .monteCarlo(new MonteCarloSettings(runs, 42L, MonteCarloSettings.DEFAULT_QUANTILES))
                .build();
    }

    /** The two deployments of {@link #fleet(long)}, shared by the certain and the uncertain fleet. */
    private static ScenarioBuilder fleetBuilder(String name, String description, long devices) {
        long first = devices / 2;
        return ScenarioBuilder.scenario(name)
                .description(description)
                .start(2026, 1)
                .horizonMonths(120)
                .accelerator(accelerator("gpu-afr5", 0.05))
                .accelerator(accelerator("gpu-afr10", 0.10))
                .site(site())
                .deployment(ScenarioBuilder.deployment("fleet-afr5", "gpu-afr5", "bench-site")
                        .count(first).start(2026, 1).rampMonths(24).utilization(0.7))
                .deployment(ScenarioBuilder.deployment("fleet-afr10", "gpu-afr10", "bench-site")
                        .count(devices - first).start(2026, 7).rampMonths(24).utilization(0.7));
    }

    private static InputDistribution distribution(DistributionKind kind, double... parameters) {
        return new InputDistribution(kind, parameters, new double[0], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    /** 2,900 W all-in at full load, 30 % idle draw, 10 PFLOPS bf16, 55,000 USD, 6-year life, 72 h repairs. */
    private static Accelerator accelerator(String id, double afr) {
        return ScenarioBuilder.accelerator(id).vendor("bench").allInPowerW(2900).idleFraction(0.3)
                .bf16Tflops(10_000).capexUsd(55_000).usefulLifeYears(6).afr(afr).repairHours(72)
                .replacementCostFraction(0.5).embodiedKgCo2e(900).build();
    }

    /** Monthly PUE 1.12-1.26, 60 USD/MWh +3 %/year, 300 g/kWh, 11.7 M USD/MW facility capex over 20 years. */
    private static Site site() {
        return ScenarioBuilder.site("bench-site")
                .monthlyPue(1.12, 1.12, 1.14, 1.16, 1.20, 1.24, 1.26, 1.26, 1.22, 1.17, 1.13, 1.12)
                .electricityUsdPerMwh(60).electricityEscalationPerYear(0.03).gridGPerKwh(300)
                .facilityCapexUsdPerMw(11.7e6).build();
    }
}
