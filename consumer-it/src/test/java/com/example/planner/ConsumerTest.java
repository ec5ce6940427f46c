package com.example.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.analyse.GoalSeek;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a planning tool does with fleetcast, from outside its packages and with the engine artifact alone on the
 * class path: build a scenario in code, project it, run a Monte Carlo of a built-in deal, solve for a price, write
 * the result files.
 */
class ConsumerTest {

    /** 1,000 leased accelerators at 2 USD/h for 2026 (8,760 h): 17.52 MUSD of lease. */
    private static Scenario leased() {
        return ScenarioBuilder.scenario("tool").start(2026, 1).horizonMonths(12)
                .accelerator(ScenarioBuilder.accelerator("gpu").allInPowerW(1000).bf16Tflops(1000).usefulLifeYears(5)
                        .leasePriceUsdPerHour(2).build())
                .site(ScenarioBuilder.site("dc").pue(1.2).electricityUsdPerMwh(50).build())
                .deployment(ScenarioBuilder.deployment("rent", "gpu", "dc").count(1000)
                        .ownership(io.fleetcast.model.Ownership.LEASED))
                .build();
    }

    @Test
    void project_leasedFleetBuiltInCode_leaseIsCountTimesHoursTimesPrice() {
        Projection p = Fleetcast.project(leased());
        // 1,000 x 8,760 h x 2 USD/h
        assertEquals(17_520_000, p.summary().total(Metric.LEASE_COST_USD), 1e-6);
    }

    @Test
    void solve_priceForABudget_theLeasePriceThatSpendsIt() {
        // 21.9 MUSD over 8.76 M accelerator-hours: 2.5 USD/h
        GoalSeek.Answer a = Fleetcast.solve(leased(), "deployments.rent.lease-price", "lease_cost_usd", 21_900_000);
        assertEquals(2.5, a.value(), 1e-6);
    }

    @Test
    void monteCarlo_builtInDeal_bandsAndAResultFolder(@TempDir Path tmp) throws Exception {
        Scenario deal = Fleetcast.builtIn("amd-openai-6gw");
        MonteCarloResult mc = Fleetcast.monteCarlo(deal, Mode.EXPECTED, new MonteCarloSettings(20, 7, new double[] {0.1, 0.9}));
        assertEquals(20, mc.runs());
        assertTrue(mc.meanProjection().summary().total(Metric.TCO_USD) > 1e11, "hundreds of billions");
        List<Path> files = Fleetcast.writeResults(mc, tmp.resolve("out"));
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("results.json")), files.toString());
        assertTrue(Files.readString(tmp.resolve("out/amd-openai-6gw/results.json")).contains("\"bands\""));
        // an input set as --set does
        Scenario cheaper = Fleetcast.with(deal, "sites.us-tx.electricity-price", 40);
        assertTrue(Fleetcast.project(cheaper).summary().total(Metric.ENERGY_COST_USD)
                < Fleetcast.project(deal).summary().total(Metric.ENERGY_COST_USD));
    }
}
