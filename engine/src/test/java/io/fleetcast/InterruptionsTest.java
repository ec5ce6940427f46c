package io.fleetcast;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue #10, the reliability split: {@code interruption-rate} and {@code interruption-time} cost availability,
 * delivered compute and idle power, but no hardware.
 */
class InterruptionsTest {

    /** One device for one year (8,760 h: 2026 has 365 days), installed at the start, no failures. */
    private static Scenario oneDevice(double interruptionsPerYear, double hoursEach) {
        return ScenarioBuilder.scenario("test").start(2026, 1).horizonMonths(12)
                .accelerator(TestFleets.accelerator().idleFraction(0.25)
                        .set(ModelField.INTERRUPTION_RATE, interruptionsPerYear)
                        .set(ModelField.INTERRUPTION_TIME, hoursEach).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("one").count(1))
                .build();
    }

    @Test
    void project_oneDeviceOneYear_upTimeShrinksByTheRenewalFraction() {
        // λ = 87.66 per year = 0.01 per up-hour, τ = 5 h: λτ = 0.05, so the device is up 1 / 1.05 of the 8,760 h
        // it would be up: 8,342.857 h; interruptions 0.01 x 8,342.857 = 83.43; hours lost 8,760 - 8,342.857 = 417.14
        // (= 83.43 x 5); energy: up hours x 1,000 W + lost hours x 250 W idle (idle-fraction 0.25) = 8,446.7 kWh IT
        Projection p = Fleetcast.project(oneDevice(87.66, 5));
        MetricCube c = p.cube(Grouping.TOTAL);
        double up = 8760 / 1.05;
        assertEquals(up, hoursOf(c, Metric.ACTIVE), 1e-6);
        assertEquals(0.01 * up, c.total(Metric.INTERRUPTIONS, 0), 1e-9);
        double itMwh = (up * 1000 + (8760 - up) * 250) / 1e6;
        assertEquals(itMwh, hoursOf(c, Metric.IT_POWER_MW), 1e-9);
        // no hardware: no failure, no repair cost
        assertEquals(0, c.total(Metric.FAILURES, 0));
        assertEquals(0, c.total(Metric.REPAIR_COST_USD, 0));
    }

    @Test
    void project_noInterruptionRate_sameAsBefore() {
        MetricCube without = Fleetcast.project(oneDevice(0, 5)).cube(Grouping.TOTAL);
        // 8,760 up hours at 1,000 W = 8.76 MWh IT, no interruption
        assertEquals(8.76, hoursOf(without, Metric.IT_POWER_MW), 1e-12);
        assertEquals(0, without.total(Metric.INTERRUPTIONS, 0));
    }

    @Test
    void project_interruptionsInSimulateMode_meanAgreesWithExpectedWithin3Se() {
        // 10,000 devices, 1 interruption per device-year of 100 h each: λτ = 100 / 8,766 = 1.14 %
        Scenario s = ScenarioBuilder.scenario("test").start(2026, 1).horizonMonths(12)
                .accelerator(TestFleets.accelerator().set(ModelField.INTERRUPTION_RATE, 1)
                        .set(ModelField.INTERRUPTION_TIME, 100).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("fleet").count(10_000))
                .build();
        MetricCube e = Fleetcast.project(s).cube(Grouping.TOTAL);
        int runs = 60;
        double sum = 0;
        double sumSq = 0;
        double first = Double.NaN;
        for (int r = 0; r < runs; r++) {
            double v = Fleetcast.project(s, Mode.SIMULATE, 77 + r).cube(Grouping.TOTAL).total(Metric.INTERRUPTIONS, 0);
            first = r == 0 ? v : first;
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / runs;
        double se = Math.sqrt((sumSq - runs * mean * mean) / (runs - 1) / runs);
        double expected = e.total(Metric.INTERRUPTIONS, 0);
        // expected: 10,000 x 8,760 h / (1 + 1/8,766 x 100) x 1/8,766 = 9,880 interruptions
        assertEquals(10_000 * 8760 / (1 + 100 / 8766.0) / 8766, expected, 1e-6);
        assertTrue(Math.abs(mean - expected) <= 3 * se, mean + " vs " + expected + " (3 SE " + 3 * se + ")");
        // sampled counts are whole numbers and the same for the same seed
        assertEquals(Math.rint(first), first);
        assertEquals(first, Fleetcast.project(s, Mode.SIMULATE, 77).cube(Grouping.TOTAL).total(Metric.INTERRUPTIONS, 0));
    }

    @Test
    void read_interruptionRateAboveOneAnHour_locatedErrorNamingTheRange() {
        String yaml = """
                scenario: bad
                description: too many interruptions
                start: 2026-07
                horizon: 12 months
                accelerators:
                  h100: { interruption-rate: 9000 1/year, interruption-time: -1 h }
                deployments:
                  - { id: d, accelerator: h100, site: us-tx, size: { count: 10 }, start: 2026-07 }
                """;
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> new io.fleetcast.scenario.ScenarioReader().readString(yaml));
        String m = e.getMessage();
        // line 6 of the text, column 30 where the value starts
        assertTrue(m.contains(":6:30:") && m.contains("accelerators.h100.interruption-rate") && m.contains("at most one an hour")
                && m.contains("9000"), m);
        assertTrue(m.contains("accelerators.h100.interruption-time"), m);
    }

    /** A level integrated over the horizon: the sum over periods of its mean x the period's hours (MW -> MWh). */
    private static double hoursOf(MetricCube c, Metric level) {
        double sum = 0;
        for (int p = 0; p < c.timeline().periods(); p++) {
            sum += c.value(level, 0, p) * c.timeline().hours(p);
        }
        return sum;
    }
}
