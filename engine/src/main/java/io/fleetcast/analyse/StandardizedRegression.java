package io.fleetcast.analyse;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Standardized regression coefficients (SRC) of one output on the sampled inputs of Monte Carlo runs,
 * by least squares with EJML.
 *
 * <p>Every input column and the output are standardized (mean 0, standard deviation 1); the SRC of
 * input k is its least-squares coefficient on the standardized design matrix, i.e. how many standard
 * deviations the output moves per standard deviation of the input, the others held. With independent
 * inputs and a linear model, the squared SRCs add up to R². The fit has no intercept because every
 * standardized column has mean 0. An input that did not vary over the runs (a point mass) has no
 * column: its SRC is 0 and {@link Result#varied(int)} is false.
 */
public final class StandardizedRegression {

    /**
     * The fit.
     *
     * @param coefficients SRC per input, 0 for inputs that did not vary
     * @param varied       whether each input varied over the runs
     * @param rSquared     coefficient of determination, clamped to [0, 1]; 0 when no input varied; NaN when the
     *                     output did not vary (nothing to explain; {@link #hasRSquared()} is false then)
     * @param runs         number of runs fitted
     */
    public record Result(double[] coefficients, boolean[] varied, double rSquared, int runs) {

        /** Copies the arrays. */
        public Result {
            coefficients = coefficients.clone();
            varied = varied.clone();
        }

        /** {@return the SRCs (a copy)} */
        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        /**
         * The standardized regression coefficient of input {@code k}: the change of the output, in its standard
         * deviations, per standard deviation of the input, the other inputs held.
         *
         * @param k input index
         * @return the SRC; 0 when the input did not vary
         */
        public double coefficient(int k) {
            return coefficients[k];
        }

        /**
         * Whether input {@code k} varied over the runs (a constant input has no coefficient).
         *
         * @param k input index
         * @return whether it varied
         */
        public boolean varied(int k) {
            return varied[k];
        }

        /** {@return whether R² is defined (the output varied)} */
        public boolean hasRSquared() {
            return !Double.isNaN(rSquared);
        }
    }

    private StandardizedRegression() {
    }

    /**
     * Fits the standardized linear model {@code y ~ x}.
     *
     * @param x      inputs per run, row-major: {@code x[run * inputs + k]}; not modified
     * @param runs   number of runs (rows)
     * @param inputs number of inputs (columns)
     * @param y      output per run; not modified
     * @return SRCs and R²
     * @throws IllegalArgumentException when the shapes do not match, there are not more runs than varying
     *                                  inputs + 1, or the inputs are collinear (one is a linear function of others
     *                                  over the runs)
     */
    public static Result fit(double[] x, int runs, int inputs, double[] y) {
        if (x.length != runs * inputs || y.length != runs) {
            throw new IllegalArgumentException("shape mismatch: x has " + x.length + " values for " + runs + " x "
                    + inputs + ", y has " + y.length);
        }
        double[] mean = new double[inputs];
        double[] sd = new double[inputs];
        boolean[] varied = new boolean[inputs];
        int columns = 0;
        for (int k = 0; k < inputs; k++) {
            double m = 0;
            for (int r = 0; r < runs; r++) {
                m += x[r * inputs + k];
            }
            m /= runs;
            double ss = 0;
            for (int r = 0; r < runs; r++) {
                double d = x[r * inputs + k] - m;
                ss += d * d;
            }
            mean[k] = m;
            sd[k] = Math.sqrt(ss / Math.max(1, runs - 1));
            // relative threshold: a column equal up to rounding is constant
            varied[k] = sd[k] > 1e-12 * Math.max(1.0, Math.abs(m));
            if (varied[k]) {
                columns++;
            }
        }
        double ym = 0;
        for (int r = 0; r < runs; r++) {
            ym += y[r];
        }
        ym /= runs;
        double yss = 0;
        for (int r = 0; r < runs; r++) {
            double d = y[r] - ym;
            yss += d * d;
        }
        double ysd = Math.sqrt(yss / Math.max(1, runs - 1));
        double[] coefficients = new double[inputs];
        if (!(ysd > 1e-12 * Math.max(1.0, Math.abs(ym))) || columns == 0) {
            return new Result(coefficients, varied, ysd > 1e-12 * Math.max(1.0, Math.abs(ym)) ? 0.0 : Double.NaN, runs);
        }
        if (runs <= columns + 1) {
            throw new IllegalArgumentException("--runs " + runs + ": the regression of " + columns
                    + (columns == 1 ? " varying input" : " varying inputs") + " needs at least " + (columns + 2)
                    + " runs (more than the inputs + 1)");
        }
        DMatrixRMaj a = new DMatrixRMaj(runs, columns);
        DMatrixRMaj b = new DMatrixRMaj(runs, 1);
        for (int r = 0; r < runs; r++) {
            int c = 0;
            for (int k = 0; k < inputs; k++) {
                if (varied[k]) {
                    a.unsafe_set(r, c++, (x[r * inputs + k] - mean[k]) / sd[k]);
                }
            }
            b.unsafe_set(r, 0, (y[r] - ym) / ysd);
        }
        DMatrixRMaj beta = new DMatrixRMaj(columns, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(runs, columns);
        DMatrixRMaj design = solver.modifiesA() ? a.copy() : a;
        if (!solver.setA(design) || solver.quality() < 1e-10) {
            throw new IllegalArgumentException("the sampled inputs are collinear over the " + runs
                    + " runs (one is a linear function of others); SRCs are not defined");
        }
        solver.solve(b.copy(), beta);
        // R² = 1 - SS_res / SS_tot on the standardized output
        DMatrixRMaj fitted = new DMatrixRMaj(runs, 1);
        CommonOps_DDRM.mult(a, beta, fitted);
        double ssRes = 0;
        double ssTot = 0;
        for (int r = 0; r < runs; r++) {
            double obs = b.unsafe_get(r, 0);
            double e = obs - fitted.unsafe_get(r, 0);
            ssRes += e * e;
            ssTot += obs * obs;
        }
        int c = 0;
        for (int k = 0; k < inputs; k++) {
            if (varied[k]) {
                coefficients[k] = beta.unsafe_get(c++, 0);
            }
        }
        double r2 = 1 - ssRes / ssTot;
        return new Result(coefficients, varied, Math.max(0.0, Math.min(1.0, r2)), runs);
    }
}
