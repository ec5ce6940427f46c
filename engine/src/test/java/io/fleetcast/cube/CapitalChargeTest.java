package io.fleetcast.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The closed forms of {@link CapitalCharge} against numeric integration and their limits. */
class CapitalChargeTest {

    private static final double DELTA = Math.log1p(0.08) / 8766;
    private static final double LIFE = 5 * 8766;

    @Test
    void cumulativeIntegral_beforeAndBeyondTheLife_matchesMidpointIntegration() {
        double kappa = CapitalCharge.kappa(DELTA, LIFE);
        double e = Math.exp(-DELTA * LIFE);
        double atLife = CapitalCharge.integralAtLife(DELTA, LIFE, kappa);
        double gLife = kappa * LIFE - 1;
        for (double x : new double[] {744, 0.5 * LIFE, LIFE, 1.5 * LIFE}) {
            // midpoint rule with 200,000 steps: error far below 1e-9 relative for this smooth integrand
            int n = 200_000;
            double h = x / n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += CapitalCharge.cumulative((i + 0.5) * h, DELTA, LIFE, kappa, e) * h;
            }
            assertEquals(sum, CapitalCharge.cumulativeIntegral(x, DELTA, LIFE, kappa, e, atLife, gLife),
                    Math.abs(sum) * 1e-8, "x = " + x);
        }
    }

    @Test
    void cumulative_fullLife_isTheAnnuityLessTheCapex() {
        double kappa = CapitalCharge.kappa(DELTA, LIFE);
        // κL - 1: at 8 %/year over 5 years, δL = 5 ln 1.08 = 0.3848; κL = 0.3848 / (1 - 1.08^-5) = 1.2605
        double kL = 5 * Math.log1p(0.08) / (1 - Math.pow(1.08, -5));
        assertEquals(kL - 1, CapitalCharge.cumulative(2 * LIFE, DELTA, LIFE, kappa, Math.exp(-DELTA * LIFE)), 1e-12);
        assertEquals(0, CapitalCharge.cumulative(-5, DELTA, LIFE, kappa, Math.exp(-DELTA * LIFE)));
    }

    @Test
    void duringConstruction_smallAndLargeRates_matchTheClosedForm() {
        // (e^z - 1) / z - 1 at z = 0.1539: 0.0810665; near 0 it is z / 2
        double z = 2 * Math.log1p(0.08);
        assertEquals(Math.expm1(z) / z - 1, CapitalCharge.duringConstruction(DELTA, 2 * 8766), 1e-15);
        assertEquals(0.5e-9, CapitalCharge.duringConstruction(1e-9, 1), 1e-18);
        assertEquals(0, CapitalCharge.duringConstruction(DELTA, 0));
    }

    @Test
    void fromExp_givenTheExponential_matchesTheDirectClosedForms() {
        double kappa = CapitalCharge.kappa(DELTA, LIFE);
        double e = Math.exp(-DELTA * LIFE);
        double atLife = CapitalCharge.integralAtLife(DELTA, LIFE, kappa);
        double gLife = kappa * LIFE - 1;
        // 0.5 h (series branch), a month, half a life, past the life
        for (double x : new double[] {0.5, 744, 0.5 * LIFE, 1.2 * LIFE}) {
            double ez = Math.exp(DELTA * x);
            assertEquals(CapitalCharge.cumulative(x, DELTA, LIFE, kappa, e),
                    CapitalCharge.cumulativeFromExp(x, ez, DELTA, LIFE, kappa, e, gLife), 1e-12, "cumulative " + x);
            double direct = CapitalCharge.cumulativeIntegral(x, DELTA, LIFE, kappa, e, atLife, gLife);
            assertEquals(direct, CapitalCharge.cumulativeIntegralFromExp(x, ez, DELTA, LIFE, kappa, e, atLife, gLife),
                    Math.abs(direct) * 1e-9 + 1e-15, "integral " + x);
        }
    }
}
