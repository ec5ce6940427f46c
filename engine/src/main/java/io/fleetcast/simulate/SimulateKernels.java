package io.fleetcast.simulate;

import io.fleetcast.plan.CellGrid;
import io.fleetcast.plan.FleetPlan;

/**
 * The difference-array layout that sampled device lifecycles are folded into ({@link SweepKernels} writes it),
 * and the exact interval scatter: memory O(cells) per block whatever the number of devices.
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
    /** Failures inside the warranty (slot age below the accelerator's warranty) per cell. */
    public static final int ROW_WARRANTY_FAILURES = 6;
    /** Facility depreciation intervals, full-cell differences. */
    public static final int ROW_FACILITY_FULL = 7;
    /** Facility depreciation intervals, partial hours. */
    public static final int ROW_FACILITY_PART = 8;
    /**
     * Where the fused scalar fold ({@link SimulateSupport#drawAndFold}) sends the facility stream of a deployment
     * without facility capex: full-cell differences (never read). Folding that stream everywhere costs about a
     * nanosecond per device of such a deployment; testing {@code facility} per device instead made C2 compile the
     * fold for the deployments seen first (owned, with facility) and throw the code away at the first leased one
     * ({@code unstable_if}; a cold 10M-device run went back to tier-3 code and recompiled, -Xlog:deoptimization).
     */
    public static final int ROW_SINK_FULL = 9;
    /** The sink's partial hours (never read), as {@link #ROW_SINK_FULL}. */
    public static final int ROW_SINK_PART = 10;
    /** Number of rows of a block buffer. */
    public static final int ROWS = 11;

    private SimulateKernels() {
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
}
