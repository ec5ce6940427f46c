package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** DESIGN.md "Same seed, same numbers, whatever the number of threads". */
class DeterminismTest {

    /** 300,000 devices: 74 blocks in 5 parallel tasks, so thread scheduling has room to differ. */
    private static Scenario fleet() {
        return ScenarioBuilder.scenario("det").start(2026, 1).horizonMonths(12)
                .accelerator(TestFleets.accelerator().afr(0.2).repairHours(72).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("a").count(300_000).rampMonths(6))
                .deployment(TestFleets.deployment("b").count(5_000).ownership(Ownership.LEASED).termMonths(8))
                .build();
    }

    @Test
    void project_sameSeedTwice_sameCubeBitForBit() {
        Scenario s = fleet();
        MetricCube first = Fleetcast.project(s, Mode.SIMULATE, 42).cube();
        MetricCube second = Fleetcast.project(s, Mode.SIMULATE, 42).cube();
        assertArrayEquals(first.toArray(), second.toArray());
        assertEquals(first, second);
    }

    @Test
    void project_oneThreadVersusFourThreads_sameCubeBitForBit() throws Exception {
        Scenario s = fleet();
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            MetricCube a = one.submit(() -> Fleetcast.project(s, Mode.SIMULATE, 7).cube()).get();
            MetricCube b = four.submit(() -> Fleetcast.project(s, Mode.SIMULATE, 7).cube()).get();
            assertArrayEquals(a.toArray(), b.toArray());
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void project_differentSeeds_differentFailures() {
        Scenario s = fleet();
        double a = Fleetcast.project(s, Mode.SIMULATE, 1).cube().total(Metric.FAILURES, "a");
        double b = Fleetcast.project(s, Mode.SIMULATE, 2).cube().total(Metric.FAILURES, "a");
        assertNotEquals(a, b);
    }

    @Test
    void project_expectedMode_ignoresTheSeed() {
        Scenario s = fleet();
        assertEquals(Fleetcast.project(s, Mode.EXPECTED, 1).cube(), Fleetcast.project(s, Mode.EXPECTED, 2).cube());
    }
}
