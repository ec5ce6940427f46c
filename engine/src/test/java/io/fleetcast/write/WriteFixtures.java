package io.fleetcast.write;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Confidence;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.InputDistribution;
import io.fleetcast.model.DistributionKind;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Site;
import io.fleetcast.model.Size;
import io.fleetcast.model.Timeline;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-made projection for the writers' unit tests: two deployments of one deal, three months from
 * 2026-07, and a cube whose values are {@code (metric + 1) + group / 3 + period / 7} so that most of them
 * have no short decimal form (exactness of the written numbers matters).
 */
public final class WriteFixtures {

    /** The golden scenarios, from the engine's or the command line's module folder (siblings). */
    public static final java.nio.file.Path GOLDEN = java.nio.file.Path.of("../engine/src/test/resources/golden");

    /** A fixed provenance, so that written files do not change with the clock or the JDK. */
    public static final RunInfo RUN = new RunInfo("test", "25 (test JDK)", Instant.parse("2026-01-02T03:04:05Z"));

    private WriteFixtures() {
    }

    public static Scenario scenario(String name) {
        Accelerator mi450 = new Accelerator("mi450", "AMD Instinct MI450 <test> & \"friends\"", "AMD",
                ScenarioBuilder.accelerator("mi450").bf16Tflops(10_000).fp8Tflops(20_000).fp4Tflops(40_000).hbmGb(432)
                        .tdpW(2300).allInPowerW(2900).idleFraction(0.3).capexUsd(55_000).usefulLifeHours(6 * 8766.0)
                        .afr(0.11).weibullShape(1).repairHours(72).replacementCostFraction(0.5).embodiedKgCo2e(900)
                        .leasePriceUsdPerHour(0).build().values(),
                Map.of("capex", new Provenance("AMD press (https://ir.amd.com/x?a=1&b=2)", Confidence.ESTIMATE, "all-in"),
                        "all-in-power", new Provenance("Helios rack / 72", Confidence.REPORTED, "")));
        Site tx = ScenarioBuilder.site("us-tx").name("Texas").pue(1.2).designPue(1.25).electricityUsdPerMwh(66)
                .gridGPerKwh(299).build();
        return ScenarioBuilder.scenario(name).description("two deployments, three months").start(2026, 7).horizonMonths(3)
                .accelerator(mi450).site(tx)
                .deployment(ScenarioBuilder.deployment("first", "mi450", "us-tx").deal("amd-openai").count(1000).start(2026, 7))
                .deployment(ScenarioBuilder.deployment("next", "mi450", "us-tx").deal("amd-openai").count(500).start(2026, 8))
                .uncertain("sites.us-tx.pue", new InputDistribution(DistributionKind.NORMAL, new double[] {1.2, 0.03},
                        new double[0], 1.0, Double.POSITIVE_INFINITY, false))
                .build();
    }

    public static MetricCube cube(Timeline t, List<String> groups) {
        int periods = t.periods();
        double[] v = new double[Metric.COUNT * groups.size() * periods];
        for (int m = 0; m < Metric.COUNT; m++) {
            for (int g = 0; g < groups.size(); g++) {
                for (int p = 0; p < periods; p++) {
                    v[(m * groups.size() + g) * periods + p] = (m + 1) + g / 3.0 + p / 7.0;
                }
            }
        }
        return MetricCube.of(Grouping.DEPLOYMENT, groups, t, v);
    }

    public static Projection projection(String name) {
        Scenario s = scenario(name);
        Timeline t = Timeline.of(s);
        List<ResolvedDeployment> sizing = List.of(resolved("first", 1000, s), resolved("next", 500, s));
        return new Projection(s, io.fleetcast.model.Mode.EXPECTED, 0L, sizing, cube(t, List.of("first", "next")));
    }

    private static ResolvedDeployment resolved(String id, long count, Scenario s) {
        LocalDateTime start = s.deployments().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().start();
        return new ResolvedDeployment(id, "amd-openai", "mi450", "AMD", "us-tx", Ownership.OWNED, count, count,
                Size.count(count), count * 2900 / 1e6, count * 2900 * 1.25 / 1e6, start, start, 6 * 8766.0, true,
                Optional.empty(), s.end());
    }
}
