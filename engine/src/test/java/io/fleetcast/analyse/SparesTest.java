package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The spares question: devices down for repair, and the quantiles of their peak over simulate-mode runs. */
class SparesTest {

    /**
     * 1,000 owned devices installed 2026-01-01, exponential lifetimes with rate λ = 1e-3 per hour (AFR = 1 - e^(-8.766)),
     * 100 h repairs, monthly periods over 2 years.
     */
    private static Scenario fleet() {
        double afr = -Math.expm1(-1e-3 * 8766);
        return ScenarioBuilder.scenario("spares").start(2026, 1).horizonMonths(24)
                .accelerator(ScenarioBuilder.accelerator("acc").allInPowerW(1000).capexUsd(10_000).usefulLifeYears(5)
                        .afr(afr).repairHours(100).bf16Tflops(1000).build())
                .site(ScenarioBuilder.site("site").pue(1.2).electricityUsdPerMwh(50).build())
                .deployment(ScenarioBuilder.deployment("d", "acc", "site").count(1000)).build();
    }

    @Test
    void project_exponentialFailuresWithRepairs_inRepairIsTheAlternatingRenewalShare() {
        // steady state of up 1/λ = 1,000 h, down 100 h: a share 100 / 1,100 of the devices is in repair, 90.909 of 1,000;
        // by December 2027 (about 16 cycles after install) the transient has died out
        MetricCube c = Fleetcast.project(fleet()).cube();
        assertEquals(1000 * 100.0 / 1100, c.value(Metric.IN_REPAIR, "d", 23), 1e-3, "December 2027");
        // slots = active + in repair (no interruptions here)
        assertEquals(c.value(Metric.SLOTS, "d", 23), c.value(Metric.ACTIVE, "d", 23) + c.value(Metric.IN_REPAIR, "d", 23), 1e-9);
    }

    @Test
    void monteCarlo_simulateRuns_sparesAreTheQuantileOfEachRunsPeak() {
        // no uncertain inputs: run r is the simulate projection with seed RunStreams.deviceSeed(7, r); its peak monthly
        // average in repair is computed here run by run and its type-7 quantiles compared
        int runs = 40;
        MonteCarloResult r = MonteCarlo.run(fleet(), Mode.SIMULATE, new MonteCarloSettings(runs, 7, new double[] {0.5, 0.95}), 2);
        double[] peaks = new double[runs];
        for (int run = 0; run < runs; run++) {
            peaks[run] = Fleetcast.project(fleet(), Mode.SIMULATE, RunStreams.deviceSeed(7, run)).cube().peak(Metric.IN_REPAIR, 0);
        }
        Arrays.sort(peaks);
        // type 7 at 0.95 of 40: h = 39 x 0.95 = 37.05, x[37] + 0.05 (x[38] - x[37])
        double p95 = peaks[37] + 0.05 * (peaks[38] - peaks[37]);
        assertEquals(p95, r.sizing().peakInRepairQuantile(0, 0.95), 1e-9 * p95);
        assertEquals(0.5 * (peaks[19] + peaks[20]), r.sizing().peakInRepairQuantile(0, 0.5), 1e-9 * p95);
        assertEquals((long) Math.ceil(p95), r.sizing().recommendedSpares(0, 0.95));
        // the peak of a sampled month lies above the steady-state mean of about 91
        assertTrue(p95 > 91 && p95 < 120, "P95 " + p95);
    }

    @Test
    void sparesFor_wholeAndFractionalDevices_roundUpWithoutSpuriousExtra() {
        assertEquals(3, MonteCarloResult.Sizing.sparesFor(2.1));
        assertEquals(3, MonteCarloResult.Sizing.sparesFor(3.0 + 1e-12));
        assertEquals(0, MonteCarloResult.Sizing.sparesFor(0));
    }
}
