package io.fleetcast.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Ownership;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Step;
import io.fleetcast.accumulate.DifferenceKernels;
import io.fleetcast.accumulate.FleetState;
import io.fleetcast.accumulate.FleetStates;
import io.fleetcast.plan.CellGrid;
import io.fleetcast.plan.FleetPlan;
import org.junit.jupiter.api.Test;

/**
 * {@link SweepKernels} against an oracle written the plain way: the same counter-based draws, one device
 * at a time, every interval added with {@link SimulateKernels#addInterval} (the reference kernel's
 * representation). Counts must agree exactly; hours to rounding, since the sweep sums endpoints per cell
 * before writing them.
 */
class SweepKernelsTest {

    /** 120 monthly periods; AFR 10 %, 72 h repairs, 6-year life, 24-month ramp, facility capex. */
    private static Scenario monthlyOwned(long devices) {
        return ScenarioBuilder.scenario("sweep").start(2026, 1).horizonMonths(120)
                .accelerator(ScenarioBuilder.accelerator("gpu").allInPowerW(1000).capexUsd(30_000).usefulLifeYears(6)
                        .afr(0.10).repairHours(72).replacementCostFraction(0.5).build())
                .site(ScenarioBuilder.site("site").pue(1.2).electricityUsdPerMwh(50).facilityCapexUsdPerMw(10e6).build())
                .deployment(ScenarioBuilder.deployment("a", "gpu", "site").count(devices).start(2026, 3).rampMonths(24))
                .build();
    }

    /**
     * Daily periods over 200 days (cells shorter than the 72 h repairs); a Weibull wear-out fleet owned for
     * a 100-day term with a 40-day warranty, a leased fleet without repairs, and one installed all at once.
     */
    private static Scenario dailyMixed(long devices) {
        return ScenarioBuilder.scenario("sweep-daily").start(2026, 1).horizonHours(200 * 24).step(Step.DAY)
                .accelerator(ScenarioBuilder.accelerator("wear").allInPowerW(700).capexUsd(20_000).usefulLifeYears(5)
                        .afr(0.6).weibullShape(1.7).repairHours(72).set(io.fleetcast.model.ModelField.WARRANTY, 40 * 24).build())
                .accelerator(ScenarioBuilder.accelerator("fast").allInPowerW(700).usefulLifeYears(5).afr(0.9)
                        .repairHours(0).leasePriceUsdPerHour(2).build())
                .site(ScenarioBuilder.site("site").pue(1.3).electricityUsdPerMwh(40).facilityCapexUsdPerMw(5e6).build())
                .deployment(ScenarioBuilder.deployment("owned-term", "wear", "site").count(devices).start(2026, 1)
                        .rampHours(60 * 24).termHours(100 * 24))
                .deployment(ScenarioBuilder.deployment("leased", "fast", "site").count(devices).start(2026, 2)
                        .rampHours(30 * 24).ownership(Ownership.LEASED))
                .deployment(ScenarioBuilder.deployment("at-once", "wear", "site").count(devices).start(2026, 3))
                .build();
    }

    @Test
    void simulateBlockSweep_awkwardSizesMonthly_matchesPlainOracle() {
        for (SimulateSupport support : supports()) {
            for (long devices : new long[] {1, 13, 207, 4098}) {
                assertMatchesOracle(FleetPlan.of(monthlyOwned(devices)), 11L * devices, support);
            }
        }
    }

    @Test
    void simulateBlockSweep_dailyCellsWeibullTermLeasedAtOnce_matchesPlainOracle() {
        for (SimulateSupport support : supports()) {
            for (long devices : new long[] {1, 13, 207, 4098}) {
                assertMatchesOracle(FleetPlan.of(dailyMixed(devices)), 5L + devices, support);
            }
        }
    }

    /** The scalar support, and the vector one where this JVM has it. */
    private static java.util.List<SimulateSupport> supports() {
        java.util.List<SimulateSupport> all = new java.util.ArrayList<>();
        all.add(SimulateSupportProvider.scalar());
        SimulateSupportProvider.vector().ifPresent(all::add);
        return all;
    }

    @Test
    void simulateBlockSweep_rangeSplitAnywhere_sameCountsAsOneRange() {
        // Counter-based streams: slot i's draws do not depend on the range it is simulated in.
        FleetPlan plan = FleetPlan.of(monthlyOwned(4098));
        long key = CounterStreams.deploymentKey(9, 0);
        int stride = plan.grid.cells + 1;
        double[] whole = new double[SimulateKernels.ROWS * stride];
        double[] split = new double[SimulateKernels.ROWS * stride];
        double[] scratch = new double[SweepKernels.SCRATCH_DOUBLES];
        SweepKernels.simulateBlockSweep(plan, 0, key, 0, 4098, SimulateSupportProvider.scalar(), scratch, whole);
        SweepKernels.simulateBlockSweep(plan, 0, key, 0, 1000, SimulateSupportProvider.scalar(), scratch, split);
        SweepKernels.simulateBlockSweep(plan, 0, key, 1000, 3098, SimulateSupportProvider.scalar(), scratch, split);
        for (int row : new int[] {SimulateKernels.ROW_INSTALLS, SimulateKernels.ROW_FAILURES}) {
            for (int c = 0; c < stride; c++) {
                assertEquals(whole[row * stride + c], split[row * stride + c], "row " + row + ", cell " + c);
            }
        }
    }

    @Test
    void simulated_vectorAndScalarSupport_sameCountsAndHoursToRounding() {
        // The same draws and the same failing slots, so the same counts; the vector fold sums hours per
        // lane first, so hours agree to rounding: 1e-12 relative.
        SimulateSupport vector = SimulateSupportProvider.vector().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(vector != null, "Vector API implementation not available here");
        for (long devices : new long[] {1, 13, 207, 4098, 100_003}) {
            for (Scenario scenario : new Scenario[] {monthlyOwned(devices), dailyMixed(devices)}) {
                FleetPlan plan = FleetPlan.of(scenario);
                FleetState a = FleetStates.simulated(plan, 31, SimulateSupportProvider.scalar());
                FleetState b = FleetStates.simulated(plan, 31, vector);
                String where = scenario.name() + " with " + devices;
                assertArrayEquals(a.installs, b.installs, where);
                assertArrayEquals(a.failures, b.failures, where);
                // a cell's hours are at most devices x 744 h; rounding of sums in another order: 1e-12 of that
                double tolerance = 1e-12 * devices * 744;
                assertClose(a.slotHours, b.slotHours, tolerance, where + ", slot hours");
                assertClose(a.upHours, b.upHours, tolerance, where + ", up hours");
                assertArrayEquals(a.warrantyFailures, b.warrantyFailures, where);
                assertClose(a.facilityHours, b.facilityHours, tolerance, where + ", facility hours");
            }
        }
    }

    @Test
    void simulated_vectorSupportTwice_sameStateBitForBit() {
        // Each implementation alone is deterministic (lane sums are added in lane order, never by reduceLanes).
        SimulateSupport vector = SimulateSupportProvider.vector().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(vector != null, "Vector API implementation not available here");
        FleetPlan plan = FleetPlan.of(monthlyOwned(100_003));
        FleetState a = FleetStates.simulated(plan, 5, vector);
        FleetState b = FleetStates.simulated(plan, 5, vector);
        assertArrayEquals(a.slotHours, b.slotHours);
        assertArrayEquals(a.upHours, b.upHours);
        assertArrayEquals(a.facilityHours, b.facilityHours);
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String where) {
        assertEquals(expected.length, actual.length, where);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, where + ", index " + i);
        }
    }

    private static void assertMatchesOracle(FleetPlan plan, long seed, SimulateSupport support) {
        CellGrid grid = plan.grid;
        int cells = grid.cells;
        int stride = cells + 1;
        boolean sawFailure = false;
        for (int d = 0; d < plan.deployments; d++) {
            long key = CounterStreams.deploymentKey(seed, d);
            int slots = (int) plan.count[d];
            double[] expected = oracle(plan, d, key, slots);
            double[] actual = new double[SimulateKernels.ROWS * stride];
            SweepKernels.simulateBlockSweep(plan, d, key, 0, slots, support, new double[SweepKernels.SCRATCH_DOUBLES], actual);
            String where = support.name() + ": " + plan.scenario().name() + " deployment " + d + " with " + slots + " slots";
            for (int row : new int[] {SimulateKernels.ROW_INSTALLS, SimulateKernels.ROW_FAILURES, SimulateKernels.ROW_WARRANTY_FAILURES}) {
                for (int c = 0; c < cells; c++) {
                    assertEquals(expected[row * stride + c], actual[row * stride + c], where + ", row " + row + ", cell " + c);
                }
            }
            for (int c = 0; c < cells; c++) {
                sawFailure |= actual[SimulateKernels.ROW_FAILURES * stride + c] > 0;
            }
            int[][] pairs = {
                {SimulateKernels.ROW_SLOT_FULL, SimulateKernels.ROW_SLOT_PART},
                {SimulateKernels.ROW_DOWN_FULL, SimulateKernels.ROW_DOWN_PART},
                {SimulateKernels.ROW_FACILITY_FULL, SimulateKernels.ROW_FACILITY_PART},
            };
            for (int[] pair : pairs) {
                double[] hoursExpected = new double[cells];
                double[] hoursActual = new double[cells];
                DifferenceKernels.prefixHoursScalar(expected, pair[0] * stride, pair[1] * stride, grid.bounds, cells, hoursExpected, 0);
                DifferenceKernels.prefixHoursScalar(actual, pair[0] * stride, pair[1] * stride, grid.bounds, cells, hoursActual, 0);
                for (int c = 0; c < cells; c++) {
                    // hours per cell are at most slots x cell length; summing offsets per cell first moves the
                    // last bits only
                    double tolerance = 1e-9 * (slots * grid.hours(c) + 1);
                    assertEquals(hoursExpected[c], hoursActual[c], tolerance, where + ", rows " + pair[0] + "/" + pair[1] + ", cell " + c);
                }
            }
        }
        assertTrue(sawFailure || plan.count[0] < 100, "the fleet should see failures");
    }

    /** Every device the plain way: the process of {@link SimulateKernels}, with the counter-based draws. */
    private static double[] oracle(FleetPlan plan, int d, long key, int slots) {
        CellGrid grid = plan.grid;
        int stride = grid.cells + 1;
        double[] b = grid.bounds;
        double[] acc = new double[SimulateKernels.ROWS * stride];
        double s = plan.startHour[d];
        double spacing = plan.rampHours[d] / plan.count[d];
        double cap = plan.endCapHour[d];
        double rate = plan.failureRate[d];
        boolean weibull = plan.weibullShape[d] != 1.0;
        boolean fails = rate > 0 && plan.weibullScale[d] < Double.POSITIVE_INFINITY;
        double repair = plan.repairHours[d];
        int slotFull = SimulateKernels.ROW_SLOT_FULL * stride;
        int slotPart = SimulateKernels.ROW_SLOT_PART * stride;
        int downFull = SimulateKernels.ROW_DOWN_FULL * stride;
        int downPart = SimulateKernels.ROW_DOWN_PART * stride;
        int facFull = SimulateKernels.ROW_FACILITY_FULL * stride;
        int facPart = SimulateKernels.ROW_FACILITY_PART * stride;
        for (long i = 0; i < slots; i++) {
            long state = CounterStreams.slotState(key, i);
            double t0 = s + spacing * (i + CounterStreams.unit(CounterStreams.draw(state, CounterStreams.DRAW_JITTER)));
            if (!(t0 < cap)) {
                continue;
            }
            double e = Math.min(t0 + plan.slotLifeHours[d], cap);
            int c0 = grid.cellOf(t0);
            acc[SimulateKernels.ROW_INSTALLS * stride + c0] += 1;
            SimulateKernels.addInterval(acc, slotFull, slotPart, b, t0, c0, e, grid.cellOf(e));
            if (plan.facility[d]) {
                double fe = Math.min(t0 + plan.facilityLifeHours[d], grid.horizonHours);
                SimulateKernels.addInterval(acc, facFull, facPart, b, t0, c0, fe, grid.cellOf(fe));
            }
            if (!fails) {
                continue;
            }
            double t = t0;
            int k = CounterStreams.DRAW_FIRST_LIFETIME;
            while (true) {
                double x = CounterStreams.exponential(CounterStreams.draw(state, k++));
                double f = t + (weibull ? plan.weibullScale[d] * StrictMath.pow(x, 1.0 / plan.weibullShape[d]) : x * (1.0 / rate));
                if (f >= e) {
                    break;
                }
                int cf = grid.cellOf(f);
                acc[SimulateKernels.ROW_FAILURES * stride + cf] += 1;
                if (f < t0 + plan.warrantyHours[d]) {
                    acc[SimulateKernels.ROW_WARRANTY_FAILURES * stride + cf] += 1;
                }
                double back = f + repair;
                if (repair > 0) {
                    double de = Math.min(back, e);
                    SimulateKernels.addInterval(acc, downFull, downPart, b, f, cf, de, grid.cellOf(de));
                }
                if (back >= e) {
                    break;
                }
                t = back;
            }
        }
        return acc;
    }
}
