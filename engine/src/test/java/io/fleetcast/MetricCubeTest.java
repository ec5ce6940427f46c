package io.fleetcast;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Step;
import io.fleetcast.model.Timeline;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricCubeTest {

    /** June (720 h) and July (744 h) 2026. */
    private static final Timeline TWO_MONTHS = Timeline.of(LocalDateTime.of(2026, 6, 1, 0, 0),
            LocalDateTime.of(2026, 8, 1, 0, 0), Step.MONTH);

    /** A cube where value = 100 x metric + 10 x group + period + 1. */
    private static MetricCube cube(List<String> groups) {
        int g = groups.size();
        double[] v = new double[Metric.COUNT * g * 2];
        for (int m = 0; m < Metric.COUNT; m++) {
            for (int k = 0; k < g; k++) {
                for (int p = 0; p < 2; p++) {
                    v[(m * g + k) * 2 + p] = 100 * m + 10 * k + p + 1;
                }
            }
        }
        return MetricCube.of(Grouping.DEPLOYMENT, groups, TWO_MONTHS, v);
    }

    @Test
    void value_rowMajorLayout_metricThenGroupThenPeriod() {
        MetricCube c = cube(List.of("a", "b"));
        // ENERGY_MWH is metric 6: 600 + 10 x 1 + 1 + 1 = 612
        assertEquals(612, c.value(Metric.ENERGY_MWH, "b", 1));
        assertEquals((6 * 2 + 1) * 2 + 1, c.index(Metric.ENERGY_MWH, 1, 1));
    }

    @Test
    void total_flowAndLevel_sumAndHourWeightedAverage() {
        MetricCube c = cube(List.of("a"));
        // ENERGY_MWH (flow): 601 + 602 = 1,203
        assertEquals(1203, c.total(Metric.ENERGY_MWH, "a"));
        // ACTIVE (level, metric 2): (201 x 720 + 202 x 744) / 1,464 = 201.5082...
        assertEquals((201.0 * 720 + 202.0 * 744) / 1464, c.total(Metric.ACTIVE, "a"), 1e-12);
        assertEquals(202, c.peak(Metric.ACTIVE, "a"));
    }

    @Test
    void rollUp_twoDeploymentsIntoOneDeal_sumsEveryMetric() {
        MetricCube c = cube(List.of("a", "b", "c"));
        MetricCube deals = c.rollUp(Grouping.DEAL, Map.of("a", "x", "b", "y", "c", "x"));
        assertEquals(List.of("x", "y"), deals.groups());
        // x = a + c: ACTIVE period 0: 201 + 221 = 422 (levels add across groups)
        assertEquals(422, deals.value(Metric.ACTIVE, "x", 0));
        assertEquals(211, deals.value(Metric.ACTIVE, "y", 0));
    }

    @Test
    void plusAndScaled_meanOfTwoCubes_isElementwise() {
        MetricCube a = cube(List.of("a"));
        MetricCube mean = a.plus(a.scaled(3)).scaled(0.5);
        // (601 + 3 x 601) / 2 = 1,202
        assertEquals(1202, mean.value(Metric.ENERGY_MWH, "a", 0));
    }

    @Test
    void of_nonFiniteValue_failsNamingTheCell() {
        double[] v = new double[Metric.COUNT * 2];
        v[Metric.CASH_USD.ordinal() * 2 + 1] = Double.POSITIVE_INFINITY;
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> MetricCube.of(Grouping.TOTAL, List.of("total"), TWO_MONTHS, v));
        assertEquals("non-finite value Infinity for metric cash_usd, group 'total', period 1", e.getMessage());
    }

    @Test
    void plus_differentGroups_rejected() {
        assertThrows(IllegalArgumentException.class, () -> cube(List.of("a")).plus(cube(List.of("b"))));
    }

    @Test
    void byId_everyMetric_roundTrips() {
        for (Metric m : Metric.values()) {
            assertEquals(m, Metric.byId(m.id()));
        }
        assertEquals(25, Metric.COUNT);
        assertEquals(Metric.values().length, Metric.COUNT);
    }
}
