package io.fleetcast.simulate;

import io.fleetcast.plan.CellGrid;
import io.fleetcast.plan.FleetPlan;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Samples device lifecycles and folds them into difference arrays: no per-device object, no allocation,
 * memory O(cells) per block whatever the number of devices.
 *
 * <p>Each slot {@code i} of {@code n} is installed at {@code t0 = s + r * (i + u) / n} with {@code u}
 * uniform in [0, 1) (stratified: exactly uniform over the ramp, with less variance than independent
 * installs) and ends at {@code e = min(t0 + slot life, term end, horizon)}. Inside it the device fails after
 * an exponential (or Weibull) up-time, is down for the repair time (cut at {@code e}), and a fresh device
 * (age reset) takes its place, until {@code e}.
 *
 * <p>An interval {@code [a, b)} adds its exact coverage of every cell with four scatter-adds: the partial
 * hours of its first and last cells into a "partial" row, +1/-1 into a "full" row at the first and last
 * fully covered cells; one prefix sum per run ({@code accumulate}) turns the rows into hours per cell.
 *
 * <p>Buffer layout: {@code acc[row * (cells + 1) + cell]} with the {@code ROW_*} rows; the extra cell
 * {@code cells} absorbs intervals that end at the horizon.
 */
public final class SimulateKernels {

    /** Slots installed per cell. */
    public static final int ROW_INSTALLS = 0;
    /** Slot intervals: +1/-1 at the first/after the last fully covered cell. */
    public static final int ROW_SLOT_FULL = 1;
    /** Slot intervals: hours in partially covered cells. */
    public static final int ROW_SLOT_PART = 2;
    /** Repair (down) intervals, full-cell differences. */
    public static final int ROW_DOWN_FULL = 3;
    /** Repair (down) intervals, partial hours. */
    public static final int ROW_DOWN_PART = 4;
    /** Failures per cell. */
    public static final int ROW_FAILURES = 5;
    /** Book value written off at an early term end, in accelerator-capex fractions. */
    public static final int ROW_WRITE_OFF = 6;
    /** Facility depreciation intervals, full-cell differences. */
    public static final int ROW_FACILITY_FULL = 7;
    /** Facility depreciation intervals, partial hours. */
    public static final int ROW_FACILITY_PART = 8;
    /** Number of rows of a block buffer. */
    public static final int ROWS = 9;

    private SimulateKernels() {
    }

    /**
     * Simulates slots {@code [firstSlot, firstSlot + slots)} of deployment {@code d}, adding into {@code acc}.
     *
     * @param plan      the plan. Not modified.
     * @param d         deployment index
     * @param firstSlot index of the first slot of the block within the deployment
     * @param slots     number of slots of the block
     * @param rng       the block's stream (see {@link DeviceStreams}). Modified (advanced).
     * @param exp       a standard exponential sampler drawing from {@code rng}. Modified (advanced).
     * @param acc       block buffer, {@code ROWS * (cells + 1)} values in the layout of the class comment,
     *                  added to (not cleared). Modified.
     */
    public static void simulateBlockScalar(FleetPlan plan, int d, long firstSlot, int slots, UniformRandomProvider rng,
                                           ContinuousSampler exp, double[] acc) {
        CellGrid grid = plan.grid;
        int stride = grid.cells + 1;
        double[] bounds = grid.bounds;
        int[] bucket = grid.bucketCell();
        double bph = grid.bucketsPerHour();
        double horizon = grid.horizonHours;
        double n = plan.count[d];
        double s = plan.startHour[d];
        double r = plan.rampHours[d];
        double cap = plan.endCapHour[d];
        double life = plan.slotLifeHours[d];
        double book = plan.bookLifeHours[d];
        double term = plan.termEndHour[d];
        boolean writeOff = plan.writeOff[d];
        int termCell = writeOff ? grid.cellOf(term) : 0;
        boolean fac = plan.facility[d];
        double facLife = plan.facilityLifeHours[d];
        double rate = plan.failureRate[d];
        double shape = plan.weibullShape[d];
        double invShape = 1.0 / shape;
        double scale = plan.weibullScale[d];
        double repair = plan.repairHours[d];
        boolean weibull = shape != 1.0;
        boolean fails = rate > 0 && scale < Double.POSITIVE_INFINITY;
        double spacing = r / n;
        int slotFull = ROW_SLOT_FULL * stride;
        int slotPart = ROW_SLOT_PART * stride;
        int downFull = ROW_DOWN_FULL * stride;
        int downPart = ROW_DOWN_PART * stride;
        int failRow = ROW_FAILURES * stride;
        int facFull = ROW_FACILITY_FULL * stride;
        int facPart = ROW_FACILITY_PART * stride;
        for (int j = 0; j < slots; j++) {
            double t0 = r > 0 ? s + spacing * ((firstSlot + j) + rng.nextDouble()) : s;
            if (!(t0 < cap)) {
                continue;
            }
            double e = Math.min(t0 + life, cap);
            int c0 = cellOf(t0, bounds, bucket, bph);
            acc[ROW_INSTALLS * stride + c0] += 1;
            addInterval(acc, slotFull, slotPart, bounds, t0, c0, e, cellOf(e, bounds, bucket, bph));
            if (writeOff && t0 + book > term) {
                acc[ROW_WRITE_OFF * stride + termCell] += (t0 + book - term) / book;
            }
            if (fac) {
                double fe = Math.min(t0 + facLife, horizon);
                addInterval(acc, facFull, facPart, bounds, t0, c0, fe, cellOf(fe, bounds, bucket, bph));
            }
            if (fails) {
                double t = t0;
                while (true) {
                    double x = weibull ? scale * Math.pow(exp.sample(), invShape) : exp.sample() / rate;
                    double f = t + x;
                    if (f >= e) {
                        break;
                    }
                    int cf = cellOf(f, bounds, bucket, bph);
                    acc[failRow + cf] += 1;
                    double back = f + repair;
                    if (repair > 0) {
                        double de = Math.min(back, e);
                        addInterval(acc, downFull, downPart, bounds, f, cf, de, cellOf(de, bounds, bucket, bph));
                    }
                    if (back >= e) {
                        break;
                    }
                    t = back;
                }
            }
        }
    }

    /**
     * Adds the coverage of {@code [a, b)} (cells {@code ca} and {@code cb}) to a full/partial row pair.
     *
     * @param acc     buffer. Modified.
     * @param fullRow offset of the full-cell difference row
     * @param partRow offset of the partial-hours row
     * @param bounds  cell boundaries. Not modified.
     * @param a       interval start, hours
     * @param ca      cell of {@code a}
     * @param b       interval end, hours, at least {@code a}
     * @param cb      cell of {@code b} ({@code cells} when {@code b} is the horizon)
     */
    public static void addInterval(double[] acc, int fullRow, int partRow, double[] bounds, double a, int ca, double b, int cb) {
        if (ca == cb) {
            acc[partRow + ca] += b - a;
        } else {
            acc[partRow + ca] += bounds[ca + 1] - a;
            acc[fullRow + ca + 1] += 1;
            acc[fullRow + cb] -= 1;
            acc[partRow + cb] += b - bounds[cb];
        }
    }

    /**
     * The cell containing {@code t} ({@code cells} at or after the horizon): a bucket guess and a short scan.
     *
     * @param t      hours, at least 0
     * @param bounds cell boundaries with the +infinity sentinel. Not modified.
     * @param bucket bucket-to-cell table. Not modified.
     * @param bph    buckets per hour
     * @return the cell
     */
    static int cellOf(double t, double[] bounds, int[] bucket, double bph) {
        int b = (int) (t * bph);
        if (b >= bucket.length) {
            b = bucket.length - 1;
        }
        int c = bucket[b];
        while (bounds[c + 1] <= t) {
            c++;
        }
        while (c > 0 && bounds[c] > t) {
            c--;
        }
        return c;
    }
}
