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
     * @param warrantyFailures failures per cell at a slot age below the warranty (0 without one): the failures of
     *                  the same process with the slot life capped at the warranty. Modified.
     * @param facilityHours slot-hours of facility depreciation per cell (from install over the facility
     *                  life, whatever the slot's end). Modified.
     * @param offset    first index to write, normally {@code d * cells}
     */
    public static void deploymentScalar(FleetPlan plan, int d, AgeTable table, double[] installs, double[] slotHours,
                                        double[] upHours, double[] failures, double[] warrantyFailures, double[] facilityHours,
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
        double warranty = Math.min(plan.warrantyHours[d], life);
        boolean warranted = warranty > 0;
        double rampEnd = Math.min(s + r, cap);
        double density = r > 0 ? n / r : 0;
        // the largest terms the window formulas add and subtract (W at the oldest age reached): their round-off
        // bounds how far a computed cumulative value may dip below the previous one (see nonDecreasing)
        double oldest = Math.max(0, cap - s);
        double slotScale = density * clampedIntegral(Math.min(oldest, life), life);
        double upScale = density * table.upIntegralCapped(Math.min(oldest, life), life);
        double failScale = density * table.failureIntegralCapped(Math.min(oldest, life), life);
        double facScale = density * clampedIntegral(Math.min(Math.max(0, bounds[cells] - s), facLife), facLife);
        double prevInst = 0;
        double prevSlot = 0;
        double prevUp = 0;
        double prevFail = 0;
        double prevFac = 0;
        double prevWarranty = 0;
        boolean pastLife = false;
        boolean pastWarranty = false;
        for (int k = 1; k <= cells; k++) {
            double b = bounds[k];
            double bp = Math.min(b, cap);
            double inst;
            double slot;
            double up;
            double fail;
            double facH = 0;
            double inWarranty = 0;
            if (r > 0) {
                // windows of ages [bp - s - r, bp - s): no difference of two growing tails, so a cohort past its
                // life gives the same cumulative double at every later boundary and its cells are exactly 0
                double x1 = bp - s - r;
                inst = density * Math.min(Math.max(bp - s, 0), r);
                slot = nonDecreasing(density * clampedWindow(x1, r, life), prevSlot, slotScale);
                // once the window is past the life (x1 only grows) the windows are U(life) r and F(life) r, the
                // same doubles at every later boundary, and max(that, prev) = prev: no interpolation left to do
                // (the Hermite interpolation was 7 % of the samples of serve answering the portfolio, JFR)
                if (pastLife) {
                    up = prevUp;
                    fail = prevFail;
                } else {
                    up = nonDecreasing(density * table.upWindowCapped(x1, r, life), prevUp, upScale);
                    fail = nonDecreasing(density * table.failureWindowCapped(x1, r, life), prevFail, failScale);
                    pastLife = x1 >= life;
                }
                if (warranted) {
                    if (pastWarranty) {
                        inWarranty = prevWarranty;
                    } else {
                        inWarranty = nonDecreasing(density * table.failureWindowCapped(x1, r, warranty), prevWarranty, failScale);
                        pastWarranty = x1 >= warranty;
                    }
                }
                if (fac && rampEnd > s) {
                    facH = nonDecreasing(density * clampedWindow(b - rampEnd, rampEnd - s, facLife), prevFac, facScale);
                }
            } else {
                double x = bp - s;
                inst = x > 0 ? n : 0;
                slot = n * Math.min(Math.max(x, 0), life);
                up = n * table.upCapped(x, life);
                fail = n * table.failuresCapped(x, life);
                if (warranted) {
                    inWarranty = n * table.failuresCapped(x, warranty);
                }
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
            warrantyFailures[i] = inWarranty - prevWarranty;
            prevInst = inst;
            prevSlot = slot;
            prevUp = up;
            prevFail = fail;
            prevFac = facH;
            prevWarranty = inWarranty;
        }
    }

    /**
     * {@code ∫ over [lo, lo + width) of clamp(y, 0, life) dy}: the slot-hours by one instant of slots installed
     * uniformly over a window of ages; exactly {@code life * width} once the window is past the life.
     */
    static double clampedWindow(double lo, double width, double life) {
        double hi = lo + width;
        if (hi <= 0) {
            return 0;
        }
        if (lo >= life) {
            return life * width;
        }
        double below = clampedIntegral(Math.min(hi, life), life) - clampedIntegral(lo, life);
        return hi > life ? below + life * (hi - life) : below;
    }

    /** Relative round-off tolerated by {@link #nonDecreasing}: about 4,500 ulps of the largest term. */
    static final double ROUND_OFF = 1e-12;

    /**
     * A cumulative expectation (slot-hours, up-hours, failures) never decreases: every cell is a non-negative
     * amount. The window formulas still subtract two values of W below the life, so near the end of a
     * cohort's life, where the true increment tends to zero, round-off of order ulp(scale) could make the
     * computed value dip below the previous boundary's and leave a cell of, say, -1e-9 up-hours. A dip within
     * {@link #ROUND_OFF} x (scale + |prev|) is that round-off and the previous value is kept (the cell is 0);
     * a larger dip would be a modelling bug and fails loudly instead of being hidden.
     *
     * @param cum   the cumulative value computed at this boundary
     * @param prev  the value kept at the previous boundary
     * @param scale the largest term the formula adds or subtracts (density x W at the oldest age)
     * @return {@code max(cum, prev)}
     * @throws IllegalStateException when the dip exceeds round-off
     */
    static double nonDecreasing(double cum, double prev, double scale) {
        if (!(cum < prev)) {
            return cum; // also NaN: it is not hidden here, the projection's finiteness check reports it
        }
        if (prev - cum > ROUND_OFF * (scale + Math.abs(prev))) {
            throw new IllegalStateException("expected cumulative quantity decreased from " + prev + " to " + cum
                    + ", more than round-off of " + scale);
        }
        return prev;
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
