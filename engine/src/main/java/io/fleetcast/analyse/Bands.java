package io.fleetcast.analyse;

import java.util.Arrays;

/**
 * Mean and quantile bands of a set of Monte Carlo runs, per cell (a cell is one value a run produces:
 * a metric x group x period of its cube, or one summary figure).
 *
 * <p>Layout: {@code mean[cell]}; {@code quantiles[q * cells + cell]} for probability
 * {@code probabilities[q]}. Quantiles are either exact (type 7 of Hyndman and Fan: linear
 * interpolation between order statistics, the default of R and NumPy) or P² estimates when the runs did
 * not fit in memory; {@link #exact()} says which.
 */
public final class Bands {

    private final int cells;
    private final int runs;
    private final double[] probabilities;
    private final double[] mean;
    private final double[] quantiles;
    private final boolean exact;

    /**
     * Wraps computed bands; the arrays are taken over, not copied.
     *
     * @param cells         number of cells
     * @param runs          number of runs reduced
     * @param probabilities quantile probabilities, ascending
     * @param mean          mean per cell, length {@code cells}
     * @param quantiles     {@code quantiles[q * cells + cell]}
     * @param exact         whether the quantiles are exact order statistics
     */
    Bands(int cells, int runs, double[] probabilities, double[] mean, double[] quantiles, boolean exact) {
        if (mean.length != cells || quantiles.length != probabilities.length * cells) {
            throw new IllegalArgumentException("band arrays do not match " + cells + " cells");
        }
        this.cells = cells;
        this.runs = runs;
        this.probabilities = probabilities;
        this.mean = mean;
        this.quantiles = quantiles;
        this.exact = exact;
    }

    /** {@return the number of cells} */
    public int cells() {
        return cells;
    }

    /** {@return the number of runs the bands were reduced from} */
    public int runs() {
        return runs;
    }

    /** {@return the quantile probabilities (a copy)} */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * Index of a probability among {@link #probabilities()}.
     *
     * @param p a probability
     * @return its index, or -1 when it is not one of the reduced quantiles
     */
    public int indexOf(double p) {
        for (int q = 0; q < probabilities.length; q++) {
            if (Math.abs(probabilities[q] - p) < 1e-12) {
                return q;
            }
        }
        return -1;
    }

    /**
     * Mean of a cell over the runs, summed in run order (so it does not depend on how runs were split over threads).
     *
     * @param cell the cell, as the bands were built ({@link MonteCarloResult#cell} maps metric, group and period to it)
     * @return the mean
     */
    public double mean(int cell) {
        return mean[cell];
    }

    /**
     * A quantile of a cell over the runs: an exact type-7 order statistic when {@link #exact()}, a P² estimate
     * otherwise.
     *
     * @param q    index into {@link #probabilities()}
     * @param cell the cell
     * @return the quantile
     */
    public double quantile(int q, int cell) {
        return quantiles[q * cells + cell];
    }

    /** {@return whether the quantiles are exact order statistics (false: P² estimates)} */
    public boolean exact() {
        return exact;
    }

    /**
     * The exact type-7 quantile of sorted values.
     *
     * @param sorted values in ascending order; not modified
     * @param n      how many of them to use (from index 0)
     * @param p      probability in [0, 1]
     * @return {@code x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])} with {@code h = (n - 1) p}
     */
    static double type7(double[] sorted, int n, double p) {
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        // a == b returns a exactly, so bands of a fixed input collapse onto the value bit for bit
        return a == b ? a : a + frac * (b - a);
    }

    /**
     * Reduces complete runs exactly: per cell, the runs' values are gathered in run order, summed for
     * the mean and sorted for the quantiles. Cells are independent, so splitting them over threads does
     * not change a bit of the result.
     *
     * @param rows          one row per run, {@code rows[run][cell]}; not modified
     * @param cells         cells per row
     * @param probabilities quantile probabilities; not modified
     * @param parallel      how to split the cells over threads
     * @return the bands
     */
    static Bands reduceExact(double[][] rows, int cells, double[] probabilities, Parallel parallel) {
        int runs = rows.length;
        double[] mean = new double[cells];
        double[] quantiles = new double[probabilities.length * cells];
        double[] p = probabilities.clone();
        parallel.forRange(cells, (from, to) -> {
            double[] column = new double[runs];
            for (int cell = from; cell < to; cell++) {
                // summed as offsets from run 0's value: runs that all agree give that value exactly
                double first = rows[0][cell];
                double sum = 0;
                for (int r = 0; r < runs; r++) {
                    double v = rows[r][cell];
                    column[r] = v;
                    sum += v - first;
                }
                mean[cell] = first + sum / runs;
                Arrays.sort(column);
                for (int q = 0; q < p.length; q++) {
                    quantiles[q * cells + cell] = type7(column, runs, p[q]);
                }
            }
        });
        return new Bands(cells, runs, p, mean, quantiles, true);
    }
}
