package io.fleetcast.simulate;

import io.fleetcast.plan.CellGrid;
import io.fleetcast.plan.FleetPlan;

/**
 * One deployment's sweep: its constants, copied out of the {@link FleetPlan} once, and the running cells
 * of the three rising endpoint streams (install instants, slot ends, facility ends), each with the count
 * and the summed offsets from the cell start of the endpoints seen in that cell since the last write to
 * the buffer. Mutable, owned by one {@link SweepKernels#simulateBlockSweep} call.
 *
 * <p>An endpoint at instant {@code t} in cell {@code c} stands for: a start, +1 to the full row and
 * {@code -(t - bounds[c])} to the partial row at {@code c}; an end, -1 and {@code +(t - bounds[c])}. The
 * prefix sum of {@code DifferenceKernels.prefixHoursScalar} turns these into the exact hours of each cell.
 */
public final class SweepState {

    final CellGrid grid;
    final long key;
    final double[] bounds;
    final int[] bucketCell;
    final double bucketsPerHour;
    final double start;
    final double spacing;
    final double cap;
    final double life;
    final boolean facility;
    final double facilityLife;
    final double horizon;
    final boolean warranty;
    final double warrantyHours;
    final boolean fails;
    final boolean weibull;
    final double meanHours;
    final double scale;
    final double invShape;
    final double repairHours;
    /**
     * A bound on {@link CounterStreams#openUnit} below which an up-time is certainly at least the slot life,
     * so the device certainly does not fail (again) before its slot ends and its logarithm need not be
     * taken: {@code openUnit(bits) <= survivorBound} implies {@code upTime(exponential(bits)) >= life}, hence
     * {@code t + upTime >= t0 + life >= e} for any {@code t >= t0} in floating point too (rounding is
     * monotone). 1 (skip all) for a deployment without failures; 0 (never skip) where the argument does not hold:
     * an infinite life, or a Weibull
     * shape so small that {@code pow}'s rounding could outgrow the margin. See {@link #survivorBound(double,
     * double, boolean, double, double)} for the margin.
     */
    final double survivorBound;
    final int installRow;
    final int slotFull;
    final int slotPart;
    final int facFull;
    final int facPart;
    final int warrantyRow;

    int c0;
    double n0;
    double o0;
    int ce;
    double ne;
    double oe;
    int cf;
    double nf;
    double of;

    /**
     * A sweep of deployment {@code d} with every running cell at cell 0 and nothing summed.
     *
     * @param plan the plan. Not modified.
     * @param d    deployment index
     * @param key  the run's key of the deployment ({@link CounterStreams#deploymentKey})
     */
    SweepState(FleetPlan plan, int d, long key) {
        grid = plan.grid;
        this.key = key;
        bounds = grid.bounds;
        bucketCell = grid.bucketCell();
        bucketsPerHour = grid.bucketsPerHour();
        int stride = grid.cells + 1;
        start = plan.startHour[d];
        // A zero ramp gives spacing 0 and t0 = start exactly.
        spacing = plan.rampHours[d] / plan.count[d];
        cap = plan.endCapHour[d];
        life = plan.slotLifeHours[d];
        facility = plan.facility[d];
        facilityLife = plan.facilityLifeHours[d];
        horizon = grid.horizonHours;
        warrantyHours = plan.warrantyHours[d];
        warranty = warrantyHours > 0;
        double rate = plan.failureRate[d];
        double shape = plan.weibullShape[d];
        scale = plan.weibullScale[d];
        weibull = shape != 1.0;
        fails = rate > 0 && scale < Double.POSITIVE_INFINITY;
        meanHours = 1.0 / rate;
        invShape = 1.0 / shape;
        repairHours = plan.repairHours[d];
        // without failures every device survives: 1 bounds every openUnit, so the folds need no `fails` test
        survivorBound = fails ? survivorBound(life, rate, weibull, shape, scale) : 1;
        installRow = SimulateKernels.ROW_INSTALLS * stride;
        slotFull = SimulateKernels.ROW_SLOT_FULL * stride;
        slotPart = SimulateKernels.ROW_SLOT_PART * stride;
        // without facility capex the facility stream goes to the sink rows, so no per-device test (SimulateKernels)
        facFull = (facility ? SimulateKernels.ROW_FACILITY_FULL : SimulateKernels.ROW_SINK_FULL) * stride;
        facPart = (facility ? SimulateKernels.ROW_FACILITY_PART : SimulateKernels.ROW_SINK_PART) * stride;
        warrantyRow = SimulateKernels.ROW_WARRANTY_FAILURES * stride;
    }

    /**
     * {@link #survivorBound} for a slot life and failure process: {@code exp(-(s + 1e-12))} with {@code s} the
     * standard (rate 1) draw whose up-time is {@code life * (1 + 1e-6)}. The margins dwarf every rounding on
     * the way (a few ulps in StrictMath's exp, log and pow, in {@code life * rate} and in the up-time's
     * multiply): an {@code openUnit} at or below the bound has a true {@code -ln} of at least {@code s + 1e-12}
     * less 3e-16, a computed {@link CounterStreams#exponential} of at least {@code s} and an up-time of at
     * least {@code life} (relative errors of order 1e-15, or 1e-15 / shape through Weibull's root, against the
     * margin's 1e-6; shapes below 1e-3 are not skipped).
     *
     * @param life    slot life, hours (may be +infinity: nothing is skipped)
     * @param rate    failure rate per hour (exponential)
     * @param weibull whether up-times are Weibull
     * @param shape   Weibull shape
     * @param scale   Weibull scale, hours
     * @return the bound, in [0, 1)
     */
    static double survivorBound(double life, double rate, boolean weibull, double shape, double scale) {
        if (!(life > 0) || life == Double.POSITIVE_INFINITY || (weibull && !(shape >= 1e-3))) {
            return 0;
        }
        double margin = life * (1 + 1e-6);
        double standard = weibull ? StrictMath.pow(margin / scale, shape) : margin * rate;
        double bound = StrictMath.exp(-(standard + 1e-12));
        return bound >= 0 && bound < 1 ? bound : 0;
    }

    /**
     * The install instant of a slot.
     *
     * @param slot   slot index
     * @param jitter its install jitter in [0, 1)
     * @return {@code start + spacing * (slot + jitter)}
     */
    double installAt(long slot, double jitter) {
        return start + spacing * (slot + jitter);
    }

    /**
     * An up-time from a standard exponential draw {@code x}: {@code x / rate} (exponential, as
     * {@code x * meanHours}), or {@code scale * x^(1/shape)} (Weibull by inversion, with {@link StrictMath#pow}
     * so that it is the same on every platform).
     *
     * @param standard a standard exponential draw
     * @return the up-time, hours
     */
    double upTime(double standard) {
        return weibull ? scale * StrictMath.pow(standard, invShape) : standard * meanHours;
    }

    /**
     * The cell of an instant inside the horizon, without the unpredictable branches of a scan: the
     * lookup table's guess, one conditional step taken by arithmetic on the sign of {@code t - bounds[c + 1]},
     * and {@link CellGrid#cellOf} only when the guess was more than one cell short (cells much shorter than
     * the table's buckets). On a monthly grid the scan's branch is mispredicted about every other failure;
     * this saves about 5 ns per failing device (FailProbe, 10M devices, AVX-512 EPYC).
     *
     * @param t hours, in {@code [0, horizon)}
     * @return the cell {@code c} with {@code bounds[c] <= t < bounds[c + 1]}
     */
    int cellOf(double t) {
        int b = Math.min((int) (t * bucketsPerHour), bucketCell.length - 1);
        int c = stepIfReached(bounds, bucketCell[b], t);
        if (t >= bounds[c + 1] || t < bounds[c]) {
            c = grid.cellOf(t);
        }
        return c;
    }

    /**
     * {@code c + 1} when {@code t >= bounds[c + 1]}, else {@code c}, without a branch: the sign bit of
     * {@code t - bounds[c + 1]} is 0 exactly when {@code t} has reached the next boundary ({@code +0.0} when
     * equal; {@code -infinity} against the sentinel).
     *
     * @param bounds cell boundaries with the +infinity sentinel
     * @param c      a cell
     * @param t      an instant, not NaN
     * @return the cell or the next one
     */
    static int stepIfReached(double[] bounds, int c, double t) {
        return c + 1 - (int) (Double.doubleToRawLongBits(t - bounds[c + 1]) >>> 63);
    }

    /**
     * Writes the install stream's sums to its cell and moves it to the cell of {@code t0}.
     *
     * @param t0  the next install instant, outside the current cell
     * @param acc the buffer. Modified.
     */
    void moveInstall(double t0, double[] acc) {
        writeInstall(acc);
        c0 = grid.cellOf(t0);
    }

    /**
     * Writes the slot-end stream's sums to its cell and moves it to the cell of {@code e}.
     *
     * @param e   the next slot end, outside the current cell
     * @param acc the buffer. Modified.
     */
    void moveEnd(double e, double[] acc) {
        writeEnd(acc);
        ce = grid.cellOf(e);
    }

    /**
     * Writes the facility-end stream's sums to its cell and moves it to the cell of {@code fe}.
     *
     * @param fe  the next facility end, outside the current cell
     * @param acc the buffer. Modified.
     */
    void moveFacility(double fe, double[] acc) {
        writeFacility(acc);
        cf = grid.cellOf(fe);
    }

    /**
     * Writes every running sum to the buffer (at the end of a sweep).
     *
     * @param acc the buffer. Modified.
     */
    void writeAll(double[] acc) {
        writeInstall(acc);
        writeEnd(acc);
        writeFacility(acc);
    }

    private void writeInstall(double[] acc) {
        acc[installRow + c0] += n0;
        acc[slotFull + c0] += n0;
        acc[slotPart + c0] -= o0;
        // the sink rows without facility capex: no branch here either (inlined into the folds)
        acc[facFull + c0] += n0;
        acc[facPart + c0] -= o0;
        n0 = 0;
        o0 = 0;
    }

    private void writeEnd(double[] acc) {
        acc[slotFull + ce] -= ne;
        acc[slotPart + ce] += oe;
        ne = 0;
        oe = 0;
    }

    private void writeFacility(double[] acc) {
        acc[facFull + cf] -= nf;
        acc[facPart + cf] += of;
        nf = 0;
        of = 0;
    }
}
