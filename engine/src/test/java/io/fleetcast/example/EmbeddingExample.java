package io.fleetcast.example;

import io.fleetcast.model.Accelerator;
import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Site;
import io.fleetcast.model.Size;
import io.fleetcast.model.Summary;
import io.fleetcast.model.Timeline;

import java.io.PrintStream;
import java.util.Locale;

/**
 * How a capacity-planning tool embeds fleetcast: take the shipped catalog and sites, build a scenario in
 * code ("1 GW of MI450 in Texas versus Norway"), project it in both modes, and read the sizing, the cube
 * and the summary. Run it with {@code main}; {@code EmbeddingExampleTest} runs it as a test.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws ScenarioException if the shipped models do not load
     */
    public static void main(String[] args) throws ScenarioException {
        run(System.out);
    }

    /**
     * Runs the example, printing to {@code out}.
     *
     * @param out where to print. Modified.
     * @return the Texas projection (expected mode), for the test to check
     * @throws ScenarioException if the shipped models do not load
     */
    public static Projection run(PrintStream out) throws ScenarioException {
        // 1. Reuse the shipped catalog and sites (any built-in scenario carries them)...
        Scenario shipped = Fleetcast.builtIn("amd-openai-6gw");
        Accelerator mi450 = shipped.accelerators().get("mi450");
        // ...and the planner's own assumption: a cheaper MI450
        Accelerator cheaper = ScenarioBuilder.AcceleratorBuilder.from(mi450).capexUsd(mi450.capexUsd() * 0.9).build();
        Site texas = shipped.sites().get("us-tx");

        // 2. A scenario in code: 1 GW of facility power, installed over 6 months, plus 20,000 leased GPUs
        Scenario scenario = ScenarioBuilder.scenario("planner-1gw").description("1 GW of MI450 in Texas")
                .start(2026, 7).horizonMonths(60).discountRate(0.08)
                .accelerators(shipped.accelerators()).sites(shipped.sites())
                .accelerator(cheaper).site(texas)
                .deployment(ScenarioBuilder.deployment("tx-1gw", "mi450", "us-tx")
                        .size(Size.facilityPower(1e9)).rampMonths(6).utilization(0.7))
                .deployment(ScenarioBuilder.deployment("burst", "mi450", "us-tx")
                        .ownership(Ownership.LEASED).count(20_000).termMonths(12).leasePriceUsdPerHour(2.0))
                .build();

        // 3. Project: expected (exact, fast) and one simulated fleet
        Projection expected = Fleetcast.project(scenario);
        Projection simulated = Fleetcast.project(scenario, Mode.SIMULATE, 42L);

        // 4. Read the results
        for (ResolvedDeployment r : expected.sizing()) {
            out.printf(Locale.ROOT, "%s: %s of %s = %,d accelerators (%.0f MW IT, %.0f MW facility)%n",
                    r.id(), r.size().kind().name().toLowerCase(Locale.ROOT), r.acceleratorId(), r.count(), r.itMw(), r.facilityMw());
        }
        MetricCube byDeployment = expected.cube();
        Timeline t = expected.timeline();
        int lastPeriod = t.periods() - 1;
        out.printf(Locale.ROOT, "tx-1gw facility power in %s: %.1f MW%n", t.periodStart(lastPeriod).toLocalDate(),
                byDeployment.value(Metric.FACILITY_POWER_MW, "tx-1gw", lastPeriod));
        MetricCube total = expected.cube(Grouping.TOTAL);
        out.printf(Locale.ROOT, "energy over %d months: %.2f TWh; failures: expected %.0f, simulated %.0f%n",
                t.periods(), total.total(Metric.ENERGY_MWH, 0) / 1e6, total.total(Metric.FAILURES, 0),
                simulated.cube(Grouping.TOTAL).total(Metric.FAILURES, 0));
        Summary s = expected.summary();
        out.printf(Locale.ROOT, "NPV of cash %.2f B USD, %.2f USD per accelerator-hour, tco %.2f B USD%n",
                s.npvCashUsd() / 1e9, s.usdPerAcceleratorHour(), s.total(Metric.TCO_USD) / 1e9);
        return expected;
    }
}
