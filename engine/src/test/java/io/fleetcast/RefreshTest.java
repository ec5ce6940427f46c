package io.fleetcast;

import io.fleetcast.model.Deployment;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Refresh: a slot gets a new device (the same accelerator or a successor, at a capex that follows a price-performance
 * decline) at the end of each device's service life, so a deployment keeps its power envelope to the horizon.
 */
class RefreshTest {

    /** 2026-01-01 to 2032-01-01: 2,191 days (2028 is a leap year). */
    private static final double SIX_YEARS = 2191 * 24;
    /** 2032-01-01 to 2034-01-01: 731 days. */
    private static final double LAST_TWO_YEARS = 731 * 24;

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-9, what);
    }

    /** 100 owned test devices installed 2026-01-01, service life = book life = 72 months, horizon 96 months. */
    private static ScenarioBuilder scenario() {
        return ScenarioBuilder.scenario("refresh").start(2026, 1).horizonMonths(96)
                .accelerator(TestFleets.accelerator().usefulLifeHours(SIX_YEARS).build())
                .accelerator(ScenarioBuilder.accelerator("next").vendor("Acme").allInPowerW(2000).idleFraction(0)
                        .bf16Tflops(4000).capexUsd(60_000).usefulLifeHours(SIX_YEARS).afr(0).replacementCostFraction(0.5)
                        .embodiedKgCo2e(1500).build())
                .site(TestFleets.site().build());
    }

    @Test
    void project_refreshAtMonth72_slotsStayFullAndTheNewDevicesCostLess() {
        Scenario s = scenario().deployment(TestFleets.deployment("d").count(100).refresh(true).pricePerformance(0.1)).build();
        // the second generation installs at 2032-01-01 (month 72) at 25,000 x 0.9^(52,584 / 8,766 = 5.99863) = 25,000 x 0.531518 = 13,287.94 each
        double later = 25_000 * Math.pow(0.9, SIX_YEARS / Units.HOURS_PER_YEAR);
        assertEquals(13_287.94, later, 0.01, "hand value");
        for (Mode mode : Mode.values()) {
            MetricCube c = Fleetcast.project(s, mode, 2L).cube();
            for (int p = 0; p < 96; p++) {
                assertRel(100, c.value(Metric.SLOTS, "d", p), mode + " slots in month " + p);
            }
            assertRel(100, c.value(Metric.INSTALLED, "d", 0), mode + " first installs");
            assertRel(100, c.value(Metric.INSTALLED, "d", 72), mode + " refresh installs in month 72");
            assertRel(200, c.total(Metric.INSTALLED, "d"), mode + " installs");
            assertRel(100 * later, c.value(Metric.CAPEX_USD, "d", 72), mode + " refresh capex");
            // the first devices are depreciated entirely; the second for 17,544 of their 52,584 h, the rest held
            assertRel(2_500_000 + 100 * later * LAST_TWO_YEARS / SIX_YEARS, c.total(Metric.DEPRECIATION_USD, "d"),
                    mode + " depreciation");
            assertRel(100 * later * (1 - LAST_TWO_YEARS / SIX_YEARS), c.total(Metric.BOOK_VALUE_END_USD, "d"), mode + " held");
        }
        MetricCube dark = Fleetcast.project(scenario().deployment(TestFleets.deployment("d").count(100)).build()).cube();
        assertRel(0, dark.value(Metric.SLOTS, "d", 72), "without refresh the slots go dark at month 72");
    }

    @Test
    void project_refreshWithSuccessor_keepsTheItPowerWithFewerFasterDevices() {
        Scenario s = scenario().deployment(TestFleets.deployment("d").count(100).refresh(true).successor("next")).build();
        // 100 x 1,000 W kept with 2,000 W devices: 50 of them, at 60,000 USD (no price-performance decline)
        for (Mode mode : Mode.values()) {
            MetricCube c = Fleetcast.project(s, mode, 2L).cube();
            assertRel(50, c.value(Metric.INSTALLED, "d", 72), mode + " successors installed");
            assertRel(50, c.value(Metric.SLOTS, "d", 80), mode + " slots after the refresh");
            assertRel(0.1, c.value(Metric.IT_POWER_MW, "d", 10), mode + " IT power before: 100 x 1 kW");
            assertRel(0.1, c.value(Metric.IT_POWER_MW, "d", 80), mode + " IT power after: 50 x 2 kW");
            assertRel(3_000_000, c.value(Metric.CAPEX_USD, "d", 72), mode + " successor capex");
        }
    }

    @Test
    void read_refreshAndSuccessor_yamlFieldsAndErrors() throws ScenarioException {
        String base = """
                scenario: r
                description: refresh
                start: 2026-01
                horizon: 96 months
                deployments:
                  - id: d
                    accelerator: gb200
                    site: us-tx
                    size: { count: 1000 }
                    start: 2026-01
                """;
        Scenario ok = new ScenarioReader().readString(base + "    refresh: true\n    successor: gb300\n    price-performance: 15 %/year\n");
        Deployment d = ok.deployments().get(0);
        assertEquals("gb300", d.refreshWith().orElseThrow());
        assertRel(0.15, d.pricePerformanceDeclinePerYear(), "price-performance");
        ScenarioException noRefresh = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(base + "    successor: gb300\n"));
        assertTrue(noRefresh.getMessage().contains("deployments[0].successor") && noRefresh.getMessage().contains("refresh: true"),
                noRefresh.getMessage());
        ScenarioException unknown = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(base + "    refresh: true\n    successor: gb900\n"));
        assertTrue(unknown.getMessage().contains("gb900"), unknown.getMessage());
        ScenarioException leased = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readString(base + "    ownership: leased\n    refresh: true\n"));
        assertTrue(leased.getMessage().contains("refresh"), leased.getMessage());
    }
}
