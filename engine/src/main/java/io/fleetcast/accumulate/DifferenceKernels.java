package io.fleetcast.accumulate;

import io.fleetcast.simulate.SimulateKernels;

/**
 * Turns the difference arrays of {@link SimulateKernels} into hours per cell: one prefix sum over the
 * "full cells" row gives how many intervals cover each cell entirely; times the cell's length plus the
 * "partial hours" row gives the exact coverage. O(cells) per deployment whatever the number of intervals.
 */
public final class DifferenceKernels {

    private DifferenceKernels() {
    }

    /**
     * Hours per cell from a full/partial row pair.
     *
     * @param acc       block or deployment buffer in the layout of {@link SimulateKernels}. Not modified.
     * @param fullRow   offset of the full-cell difference row
     * @param partRow   offset of the partial-hours row
     * @param bounds    cell boundaries, at least {@code cells + 1}. Not modified.
     * @param cells     number of cells
     * @param out       hours per cell, written at {@code [outOffset, outOffset + cells)}. Modified.
     * @param outOffset first index written
     */
    public static void prefixHoursScalar(double[] acc, int fullRow, int partRow, double[] bounds, int cells,
                                         double[] out, int outOffset) {
        double covering = 0;
        for (int c = 0; c < cells; c++) {
            covering += acc[fullRow + c];
            out[outOffset + c] = covering * (bounds[c + 1] - bounds[c]) + acc[partRow + c];
        }
    }

    /**
     * Adds one buffer into another, element by element ({@code into[i] += from[i]}).
     *
     * @param from source. Not modified.
     * @param into target. Modified.
     */
    public static void addScalar(double[] from, double[] into) {
        for (int i = 0; i < from.length; i++) {
            into[i] += from[i];
        }
    }
}
