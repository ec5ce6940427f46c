package io.fleetcast.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.plan.FleetPlan;
import org.junit.jupiter.api.Test;

/**
 * {@link SweepState#survivorBound}: the uniform at or below which the scalar fold takes no logarithm, because
 * the up-time certainly reaches the slot life; and the fused scalar draw-and-fold, which must list the same
 * failures, bit for bit, as the draw then the fold.
 */
class SurvivorBoundTest {

    @Test
    void survivorBound_exponentialLifeOfATenthOfTheMean_expOfMinusTheMarginedStandardLife() {
        // life 1000 h at 1e-4 per hour: standard life 0.1, with the margins 0.1 * (1 + 1e-6) + 1e-12;
        // exp(-0.1) = 0.904837418036 times exp(-1.000001e-7) = 0.904837327551
        assertEquals(0.904837327551317, SweepState.survivorBound(1000, 1e-4, false, 1, 0), 1e-14);
    }

    @Test
    void survivorBound_weibullShapeTwoLifeHalfTheScale_expOfMinusTheMarginedQuarter() {
        // (1000.001 / 2000)^2 = 0.25000050000025; exp(-0.25) = 0.778800783071 times exp(-5.0000025e-7)
        assertEquals(0.778800393670137, SweepState.survivorBound(1000, 0, true, 2, 2000), 1e-14);
    }

    @Test
    void survivorBound_infiniteLifeOrTinyWeibullShape_zeroSoNothingIsSkipped() {
        assertEquals(0.0, SweepState.survivorBound(Double.POSITIVE_INFINITY, 1e-4, false, 1, 0));
        assertEquals(0.0, SweepState.survivorBound(1000, 0, true, 1e-4, 2000));
        assertEquals(0.0, SweepState.survivorBound(0, 1e-4, false, 1, 0));
    }

    @Test
    void survivorBound_largestUniformAtTheBound_upTimeAtLeastTheLife() {
        // The skip is safe when the largest openUnit at or below the bound still draws an up-time >= the life,
        // computed as SweepState.upTime does, for short and long lives against the mean and Weibull shapes.
        double[][] cases = {
            // life h, rate per h, weibull (0/1), shape, scale h
            {52_596, 1.2e-5, 0, 1, 0}, {52_596, 1e-9, 0, 1, 0}, {1, 3e-1, 0, 1, 0}, {8766, 2e-4, 0, 1, 0},
            {52_596, 0, 1, 1.7, 90_000}, {1000, 0, 1, 0.5, 2000}, {1000, 0, 1, 100, 1001}, {5, 0, 1, 1e-3, 7},
        };
        for (double[] c : cases) {
            double life = c[0];
            boolean weibull = c[2] == 1;
            double bound = SweepState.survivorBound(life, c[1], weibull, c[3], c[4]);
            long m = (long) Math.floor(bound * 0x1.0p53);       // openUnit = (m' + 1) / 2^53 <= bound
            if (m < 1) {
                continue;                                       // nothing is skipped
            }
            long bits = (m - 1) << 11;
            double u = CounterStreams.openUnit(bits);
            assertTrue(u <= bound);
            double x = CounterStreams.exponential(bits);
            double upTime = weibull ? c[4] * StrictMath.pow(x, 1.0 / c[3]) : x * (1.0 / c[1]);
            assertTrue(upTime >= life, "life " + life + ", up-time " + upTime + " at the bound " + bound);
            // and from any instant: t + up-time never comes before t + life
            for (double t : new double[] {0, 1234.5678, 87_654.321}) {
                assertTrue(t + upTime >= t + life);
            }
        }
    }

    @Test
    void drawAndFold_scalarFusedAgainstDrawThenFold_sameFailingListAndSums() {
        Scenario scenario = ScenarioBuilder.scenario("fused").start(2026, 1).horizonMonths(120)
                .accelerator(ScenarioBuilder.accelerator("gpu").allInPowerW(1000).capexUsd(30_000).usefulLifeYears(6)
                        .afr(0.10).repairHours(72).build())
                .site(ScenarioBuilder.site("site").pue(1.2).electricityUsdPerMwh(50).facilityCapexUsdPerMw(10e6).build())
                .deployment(ScenarioBuilder.deployment("a", "gpu", "site").count(5000).start(2026, 3).rampMonths(24))
                .build();
        FleetPlan plan = FleetPlan.of(scenario);
        long key = CounterStreams.deploymentKey(7, 0);
        int stride = SweepKernels.CHUNK;
        int cellsPlus = plan.grid.cells + 1;
        SimulateSupport scalar = SimulateSupportProvider.scalar();
        SweepState fusedState = new SweepState(plan, 0, key);
        SweepState plainState = new SweepState(plan, 0, key);
        double[] fusedAcc = new double[SimulateKernels.ROWS * cellsPlus];
        double[] plainAcc = new double[SimulateKernels.ROWS * cellsPlus];
        int listedTotal = 0;
        for (long first = 0; first < 5000; first += stride) {
            int len = (int) Math.min(stride, 5000 - first);
            double[] fused = new double[SweepKernels.SCRATCH_DOUBLES];
            double[] plain = new double[SweepKernels.SCRATCH_DOUBLES];
            int a = scalar.drawAndFold(fusedState, first, len, fused, stride, fusedAcc);
            scalar.draw(key, first, len, plain, stride);
            int b = scalar.fold(plainState, first, len, plain, stride, plainAcc);
            assertEquals(b, a, "chunk at " + first);
            for (int row : new int[] {0, 1, 3}) {
                for (int k = 0; k < a; k++) {
                    assertEquals(plain[row * stride + k], fused[row * stride + k], "chunk " + first + " row " + row + " entry " + k);
                }
            }
            listedTotal += a;
        }
        fusedState.writeAll(fusedAcc);
        plainState.writeAll(plainAcc);
        assertArrayEquals(plainAcc, fusedAcc);
        // AFR 10 % over 6 years: about 1 - exp(-0.63) = 47 % of the slots fail at least once inside their life
        assertTrue(listedTotal > 1500 && listedTotal < 3000, "listed " + listedTotal);
    }
}
