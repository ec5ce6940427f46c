package io.fleetcast.accumulate;

/**
 * What happened to each deployment's fleet in each cell of the grid, the one seam between the two modes
 * and the metric computation: both {@code expected} and {@code simulate} produce a FleetState, and every
 * metric is computed from it in one place ({@code io.fleetcast.cube}).
 *
 * <p>Every array is indexed {@code [d * cells + c]} (deployment-major, cell-minor):
 * <ul>
 *   <li>{@code installs}: slots installed (first installs);</li>
 *   <li>{@code slotHours}: hours of slots in service, up or down (contracted hours);</li>
 *   <li>{@code upHours}: accelerator-hours up;</li>
 *   <li>{@code failures}: device failures;</li>
 *   <li>{@code warrantyFailures}: the failures among them at a slot age below the accelerator's warranty
 *       (replaced at no cost to the owner);</li>
 *   <li>{@code facilityHours}: hours of facility depreciation (from each install over the facility life);</li>
 *   <li>{@code interruptions}: short outages (no hardware replaced), already taken out of {@code upHours};</li>
 *   <li>{@code interruptedHours}: accelerator-hours lost to them (drawing idle power).</li>
 * </ul>
 * In expected mode the values are expectations (fractional); in simulate mode, sampled.
 */
public final class FleetState {

    /** Number of deployments. */
    public final int deployments;
    /** Number of cells. */
    public final int cells;
    /** Slots installed per deployment and cell. */
    public final double[] installs;
    /** Slot-hours per deployment and cell. */
    public final double[] slotHours;
    /** Up accelerator-hours per deployment and cell. */
    public final double[] upHours;
    /** Failures per deployment and cell. */
    public final double[] failures;
    /** Failures inside the warranty per deployment and cell (a subset of {@link #failures}). */
    public final double[] warrantyFailures;
    /** Facility depreciation hours per deployment and cell. */
    public final double[] facilityHours;
    /** Interruptions per deployment and cell. */
    public final double[] interruptions;
    /** Accelerator-hours lost to interruptions per deployment and cell. */
    public final double[] interruptedHours;

    /**
     * A zeroed state.
     *
     * @param deployments number of deployments
     * @param cells       number of cells
     */
    public FleetState(int deployments, int cells) {
        long size = (long) deployments * cells;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(deployments + " deployments x " + cells + " cells is too large for one state");
        }
        this.deployments = deployments;
        this.cells = cells;
        int n = (int) size;
        installs = new double[n];
        slotHours = new double[n];
        upHours = new double[n];
        failures = new double[n];
        warrantyFailures = new double[n];
        facilityHours = new double[n];
        interruptions = new double[n];
        interruptedHours = new double[n];
    }
}
