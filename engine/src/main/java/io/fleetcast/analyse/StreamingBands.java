package io.fleetcast.analyse;

import java.util.Arrays;

/**
 * Streaming mean and quantile bands for when the runs do not fit in memory: the P² algorithm of Jain
 * and Chlamtac (CACM 28(10), 1985), one set of five markers per cell and quantile, held in flat arrays.
 *
 * <p>Why not commons-math3's {@code PSquarePercentile}: it keeps boxed {@code Double}s and marker
 * objects, several hundred bytes per quantile and cell, which defeats the point of streaming when there
 * are 10^5 cells; here a cell costs {@code quantiles x (5 doubles + 5 ints) + 2 doubles} (the mean's) = 316
 * bytes for five quantiles, whatever the number of runs. (It also moves markers with Neville's quadratic rather than
 * the paper's piecewise-parabolic formula used here; {@code StreamingBandsTest} checks the two agree to
 * 0.2 % on the same stream.)
 *
 * <p>Error: P² has no worst-case bound. {@code StreamingBandsTest} measures it: over 10,000 draws of
 * normal, lognormal and uniform streams, every estimated P5..P95 lies within 0.5 percentage points of
 * rank of the true quantile (e.g. its estimated P90 is between the sample's P89.5 and P90.5). With
 * at most five runs the quantiles are exact (type 7 of the values themselves).
 *
 * <p>Runs must be folded in run order (blocks in sequence, rows of a block in order): P² depends on
 * the order of its observations, and a fixed order keeps results identical whatever the thread count.
 * Layout: markers of cell c, quantile q, marker i at {@code ((c * quantiles) + q) * 5 + i}.
 */
final class StreamingBands {

    private final int cells;
    private final double[] probabilities;
    private final int nq;
    /** Desired-position increments {0, p/2, p, (1+p)/2, 1} per quantile: {@code dn[q * 5 + i]}. */
    private final double[] dn;
    private final double[] heights;
    private final int[] positions;
    private final double[] first;
    private final double[] offsetSum;
    private int count;

    /**
     * Empty bands.
     *
     * @param cells         cells per run
     * @param probabilities quantile probabilities; not modified
     */
    StreamingBands(int cells, double[] probabilities) {
        this.cells = cells;
        this.probabilities = probabilities.clone();
        this.nq = probabilities.length;
        this.dn = new double[nq * 5];
        for (int q = 0; q < nq; q++) {
            double p = probabilities[q];
            dn[q * 5] = 0;
            dn[q * 5 + 1] = p / 2;
            dn[q * 5 + 2] = p;
            dn[q * 5 + 3] = (1 + p) / 2;
            dn[q * 5 + 4] = 1;
        }
        long markers = (long) cells * nq * 5;
        if (markers > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(cells + " cells x " + nq + " quantiles is too many for streaming bands");
        }
        this.heights = new double[(int) markers];
        this.positions = new int[(int) markers];
        this.first = new double[cells];
        this.offsetSum = new double[cells];
    }

    /** Bytes held per cell, for the memory statement of a result. */
    static long bytesPerCell(int quantiles) {
        return quantiles * 5L * (Double.BYTES + Integer.BYTES) + 2L * Double.BYTES;
    }

    /** Runs folded so far. */
    int count() {
        return count;
    }

    /**
     * Folds the next {@code rows} runs, in order.
     *
     * @param block    {@code block[r][cell]} for r in [0, rows); not modified
     * @param rows     how many rows of the block are runs
     * @param parallel splits the cells over threads (cells are independent)
     */
    void fold(double[][] block, int rows, Parallel parallel) {
        int before = count;
        parallel.forRange(cells, (from, to) -> {
            for (int c = from; c < to; c++) {
                for (int r = 0; r < rows; r++) {
                    add(c, block[r][c], before + r + 1);
                }
            }
        });
        count = before + rows;
    }

    /** Adds observation x of cell c as the n-th (1-based). */
    private void add(int c, double x, int n) {
        if (n == 1) {
            first[c] = x;
        }
        offsetSum[c] += x - first[c];
        for (int q = 0; q < nq; q++) {
            int b = (c * nq + q) * 5;
            if (n <= 5) {
                heights[b + n - 1] = x;
                if (n == 5) {
                    Arrays.sort(heights, b, b + 5);
                    for (int i = 0; i < 5; i++) {
                        positions[b + i] = i + 1;
                    }
                }
                continue;
            }
            int k;
            if (x < heights[b]) {
                heights[b] = x;
                k = 0;
            } else if (x >= heights[b + 4]) {
                heights[b + 4] = x;
                k = 3;
            } else {
                k = 0;
                while (x >= heights[b + k + 1]) {
                    k++;
                }
            }
            for (int i = k + 1; i < 5; i++) {
                positions[b + i]++;
            }
            for (int i = 1; i <= 3; i++) {
                double desired = 1 + (n - 1) * dn[q * 5 + i];
                int ni = positions[b + i];
                double d = desired - ni;
                if ((d >= 1 && positions[b + i + 1] - ni > 1) || (d <= -1 && positions[b + i - 1] - ni < -1)) {
                    int s = d >= 0 ? 1 : -1;
                    double hp = heights[b + i + 1];
                    double hi = heights[b + i];
                    double hm = heights[b + i - 1];
                    int np = positions[b + i + 1];
                    int nm = positions[b + i - 1];
                    double parabolic = hi + (double) s / (np - nm)
                            * ((ni - nm + s) * (hp - hi) / (np - ni) + (np - ni - s) * (hi - hm) / (ni - nm));
                    if (hm < parabolic && parabolic < hp) {
                        heights[b + i] = parabolic;
                    } else {
                        heights[b + i] = hi + s * (heights[b + i + s] - hi) / (positions[b + i + s] - ni);
                    }
                    positions[b + i] = ni + s;
                }
            }
        }
    }

    /**
     * The bands of the runs folded so far.
     *
     * @return mean and P² quantiles (exact type-7 quantiles when at most five runs were folded)
     */
    Bands result() {
        if (count == 0) {
            throw new IllegalStateException("no runs folded");
        }
        double[] mean = new double[cells];
        double[] quantiles = new double[nq * cells];
        double[] few = new double[5];
        for (int c = 0; c < cells; c++) {
            mean[c] = first[c] + offsetSum[c] / count;
            for (int q = 0; q < nq; q++) {
                int b = (c * nq + q) * 5;
                if (count < 5) {
                    System.arraycopy(heights, b, few, 0, count);
                    Arrays.sort(few, 0, count);
                    quantiles[q * cells + c] = Bands.type7(few, count, probabilities[q]);
                } else if (count == 5) {
                    quantiles[q * cells + c] = Bands.type7(Arrays.copyOfRange(heights, b, b + 5), 5, probabilities[q]);
                } else {
                    quantiles[q * cells + c] = heights[b + 2];
                }
            }
        }
        return new Bands(cells, count, probabilities.clone(), mean, quantiles, count <= 5);
    }
}
