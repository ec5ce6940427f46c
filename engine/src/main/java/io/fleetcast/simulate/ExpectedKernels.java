package io.fleetcast.simulate;

import io.fleetcast.plan.CellGrid;
import io.fleetcast.plan.FleetPlan;

/**
 * The expected fleet state of a deployment, computed directly (no sampling): the exact expectation of
 * the process {@link SimulateKernels} samples.
 *
 * <p>For every cell boundary {@code b} the kernel evaluates the expected cumulative quantity up to
 * {@code b} (installs, slot-hours, up-hours, failures, facility hours) and differences adjacent boundaries.
 * With slots installed uniformly over {@code [s, s + r)} at density {@code n / r}, and a slot installed at
 * {@code t0} contributing {@code V(min(b, T) - t0)} by time {@code b} (V the expected cumulative quantity of
 * one slot at an age, capped at the slot life; T the term end capped at the horizon), the cumulative
 * quantity is {@code n / r * (W(b' - s) - W(b' - s - r))} with {@code b' = min(b, T)} and W the integral of
 * V: two look-ups per boundary, O(cells) per deployment whatever the count. A zero ramp is the limit
 * {@code n * V(b' - s)}.
 */
public final class ExpectedKernels {

    private ExpectedKernels() {
    }

    /**
     * Fills the expected state of deployment {@code d} for every cell.
     *
     * @param plan      the plan. Not modified.
     * @param d         deployment index
     * @param table     the age table of the deployment's failure process, covering ages up to
     *                  {@code min(slot life, horizon - start)}. Not modified.
     * @param installs  slots installed per cell, written at {@code [offset, offset + cells)}. Modified.
     * @param slotHours slot-hours per cell. Modified.
     * @param upHours   up accelerator-hours per cell. Modified.
     * @param failures  failures per cell. Modified.
     * @param writeOff  remaining book life written off at an early term end, as a fraction of one
     *                  accelerator's capex, per cell. Modified.
     * @param facilityHours slot-hours of facility depreciation per cell (from install over the facility
     *                  life, whatever the slot's end). Modified.
     * @param offset    first index to write, normally {@code d * cells}
     */
    public static void deploymentScalar(FleetPlan plan, int d, AgeTable table, double[] installs, double[] slotHours,
                                        double[] upHours, double[] failures, double[] writeOff, double[] facilityHours,
                                        int offset) {
        CellGrid grid = plan.grid;
        int cells = grid.cells;
        double[] bounds = grid.bounds;
        double n = plan.count[d];
        double s = plan.startHour[d];
        double r = plan.rampHours[d];
        double cap = plan.endCapHour[d];
        double life = plan.slotLifeHours[d];
        boolean fac = plan.facility[d];
        double facLife = plan.facilityLifeHours[d];
        double rampEnd = Math.min(s + r, cap);
        double density = r > 0 ? n / r : 0;
        double prevInst = 0;
        double prevSlot = 0;
        double prevUp = 0;
        double prevFail = 0;
        double prevFac = 0;
        for (int k = 1; k <= cells; k++) {
            double b = bounds[k];
            double bp = Math.min(b, cap);
            double inst;
            double slot;
            double up;
            double fail;
            double facH = 0;
            if (r > 0) {
                double x0 = bp - s;
                double x1 = bp - s - r;
                inst = density * Math.min(Math.max(x0, 0), r);
                slot = density * (clampedIntegral(x0, life) - clampedIntegral(x1, life));
                up = density * (table.upIntegralCapped(x0, life) - table.upIntegralCapped(x1, life));
                fail = density * (table.failureIntegralCapped(x0, life) - table.failureIntegralCapped(x1, life));
                if (fac && rampEnd > s) {
                    facH = density * (clampedIntegral(b - s, facLife) - clampedIntegral(b - rampEnd, facLife));
                }
            } else {
                double x = bp - s;
                inst = x > 0 ? n : 0;
                slot = n * Math.min(Math.max(x, 0), life);
                up = n * table.upCapped(x, life);
                fail = n * table.failuresCapped(x, life);
                if (fac && cap > s) {
                    facH = n * Math.min(Math.max(b - s, 0), facLife);
                }
            }
            int i = offset + k - 1;
            installs[i] = inst - prevInst;
            slotHours[i] = slot - prevSlot;
            upHours[i] = up - prevUp;
            failures[i] = fail - prevFail;
            facilityHours[i] = facH - prevFac;
            writeOff[i] = 0;
            prevInst = inst;
            prevSlot = slot;
            prevUp = up;
            prevFail = fail;
            prevFac = facH;
        }
        if (plan.writeOff[d]) {
            double term = plan.termEndHour[d];
            double book = plan.bookLifeHours[d];
            double expected;
            if (r > 0) {
                // slots installed at t0 in [max(s, T - L), min(s + r, T)) have (t0 + L - T) / L of their value left
                double lo = Math.max(s, term - book);
                double hi = Math.min(s + r, term);
                expected = hi > lo ? density * ((hi + book - term) * (hi + book - term) - (lo + book - term) * (lo + book - term)) / (2 * book) : 0;
            } else {
                expected = s < term && s + book > term ? n * (s + book - term) / book : 0;
            }
            writeOff[offset + grid.cellOf(term)] += expected;
        }
    }

    /** {@code ∫_0^x clamp(y, 0, life) dy}: the slot-hours integral when every slot is up. */
    static double clampedIntegral(double x, double life) {
        if (x <= 0) {
            return 0;
        }
        if (x <= life) {
            return 0.5 * x * x;
        }
        return 0.5 * life * life + life * (x - life);
    }
}
