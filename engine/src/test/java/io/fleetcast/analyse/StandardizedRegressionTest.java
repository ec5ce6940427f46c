package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class StandardizedRegressionTest {

    @Test
    void fit_exactLinearModel_recoversSrcsAndR2IsOne() {
        // y = 3 x0 - 2 x1 + 0 x2 with x0 ~ U(0, 1) (sd 0.2887), x1 ~ U(0, 2) (sd 0.5774), x2 ~ U(0, 1)
        // SRC_k = b_k sd_k / sd_y; var y = 9/12 + 4*4/12 = 0.75 + 1.3333 = 2.0833, sd_y = 1.4434
        // SRC0 = 3 * 0.2887 / 1.4434 = 0.6, SRC1 = -2 * 0.5774 / 1.4434 = -0.8 (sample values close to these)
        int runs = 2000;
        double[] x = new double[runs * 3];
        double[] y = new double[runs];
        UniformRandomProvider rng = RunStreams.inputStream(11L, 0);
        for (int r = 0; r < runs; r++) {
            x[r * 3] = rng.nextDouble();
            x[r * 3 + 1] = 2 * rng.nextDouble();
            x[r * 3 + 2] = rng.nextDouble();
            y[r] = 3 * x[r * 3] - 2 * x[r * 3 + 1];
        }
        StandardizedRegression.Result fit = StandardizedRegression.fit(x, runs, 3, y);
        assertEquals(1.0, fit.rSquared(), 1e-12);
        assertEquals(0.6, fit.coefficient(0), 0.03);
        assertEquals(-0.8, fit.coefficient(1), 0.03);
        assertEquals(0.0, fit.coefficient(2), 1e-9);
        // with an exact fit the SRCs are exactly b_k * sd_k / sd_y of the sample itself
        double sd0 = sd(x, runs, 3, 0);
        double sd1 = sd(x, runs, 3, 1);
        double sdy = sd(y, runs, 1, 0);
        assertEquals(3 * sd0 / sdy, fit.coefficient(0), 1e-9);
        assertEquals(-2 * sd1 / sdy, fit.coefficient(1), 1e-9);
    }

    private static double sd(double[] v, int rows, int cols, int col) {
        double m = 0;
        for (int r = 0; r < rows; r++) {
            m += v[r * cols + col] / rows;
        }
        double ss = 0;
        for (int r = 0; r < rows; r++) {
            ss += (v[r * cols + col] - m) * (v[r * cols + col] - m);
        }
        return Math.sqrt(ss / (rows - 1));
    }

    @Test
    void fit_constantInput_hasNoColumnAndZeroSrc() {
        int runs = 50;
        double[] x = new double[runs * 2];
        double[] y = new double[runs];
        for (int r = 0; r < runs; r++) {
            x[r * 2] = r;
            x[r * 2 + 1] = 7;
            y[r] = 2 * r + 1;
        }
        StandardizedRegression.Result fit = StandardizedRegression.fit(x, runs, 2, y);
        assertTrue(fit.varied(0));
        assertFalse(fit.varied(1));
        assertEquals(1.0, fit.coefficient(0), 1e-12);
        assertEquals(0.0, fit.coefficient(1));
    }

    @Test
    void fit_constantOutput_rSquaredUndefined() {
        double[] x = {1, 2, 3, 4};
        double[] y = {5, 5, 5, 5};
        StandardizedRegression.Result fit = StandardizedRegression.fit(x, 4, 1, y);
        assertFalse(fit.hasRSquared());
        assertEquals(0.0, fit.coefficient(0));
    }

    @Test
    void fit_collinearInputs_isAnError() {
        int runs = 20;
        double[] x = new double[runs * 2];
        double[] y = new double[runs];
        for (int r = 0; r < runs; r++) {
            x[r * 2] = r;
            x[r * 2 + 1] = 2 * r + 3;
            y[r] = r * r;
        }
        assertThrows(IllegalArgumentException.class, () -> StandardizedRegression.fit(x, runs, 2, y));
    }
}
