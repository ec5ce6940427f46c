package io.fleetcast.simulate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgeTablesTest {

    @Test
    void exponential_agesWithinRepairTime_matchClosedForm() {
        // no device is back before age R = 2,000 h: U(a) = (1 - e^(-λa)) / λ, A = e^(-λa), F = λU
        double lambda = 2e-4;
        AgeTable t = AgeTables.exponential(lambda, 2000, 10_000);
        for (double a : new double[] {0, 1, 17.5, 500, 1999}) {
            double u = -Math.expm1(-lambda * a) / lambda;
            assertEquals(u, t.up(a), 1e-9 * u + 1e-12, "U(" + a + ")");
            assertEquals(Math.exp(-lambda * a), t.availability(a), 1e-9, "A(" + a + ")");
            assertEquals(lambda * u, t.failures(a), 1e-12 * Math.max(1, u), "F(" + a + ")");
        }
    }

    @Test
    void exponential_longAges_availabilityTendsToUpOverUpPlusDown() {
        // alternating renewal: mean up 1/λ = 5,000 h, down R = 100 h: A(∞) = 5,000 / 5,100
        AgeTable t = AgeTables.exponential(2e-4, 100, 200_000);
        assertEquals(5000.0 / 5100, t.availability(199_000), 1e-9);
    }

    @Test
    void exponential_upIntegral_matchesQuadratureOfUp() {
        // W(x) = integral of U over [0, x): compare with a fine midpoint sum of the interpolated U
        AgeTable t = AgeTables.exponential(1e-4, 72, 50_000);
        double x = 43_210.5;
        int n = 400_000;
        double dx = x / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += t.up((i + 0.5) * dx) * dx;
        }
        assertEquals(sum, t.upIntegralCapped(x, Double.POSITIVE_INFINITY), sum * 1e-9);
    }

    @Test
    void upIntegralCapped_beyondLife_growsLinearlyWithTheUpHoursAtLife() {
        // past the slot life the slot is gone: W(x) = W(L) + U(L) (x - L)
        AgeTable t = AgeTables.exponential(1e-4, 72, 50_000);
        double life = 30_000;
        assertEquals(t.upIntegralCapped(life, life) + t.up(life) * 5_000, t.upIntegralCapped(life + 5_000, life), 1e-6);
    }

    @Test
    void weibull_shapeOne_agreesWithExponential() {
        // Weibull with shape 1 and scale 1/λ is the exponential: the renewal discretization (2nd order)
        // must reproduce the delay-equation solution to 1e-5 relative
        double lambda = 1.2e-4;
        AgeTable e = AgeTables.exponential(lambda, 72, 87_660);
        AgeTable w = AgeTables.weibull(1.0, 1 / lambda, 72, 87_660);
        for (double a : new double[] {10, 100, 1000, 10_000, 87_000}) {
            assertEquals(e.failures(a), w.failures(a), 1e-5 * e.failures(a), "F(" + a + ")");
            assertEquals(e.up(a), w.up(a), 1e-5 * e.up(a), "U(" + a + ")");
        }
    }

    @Test
    void weibull_noRepair_firstFailureProbabilityIsTheCdfEarly() {
        // before a second failure is likely, F(a) ≈ G(a): at a = 100 h with scale 1e6 h and shape 2,
        // G = 1 - exp(-(1e-4)^2) = 1e-8 and renewals add O(G^2)
        AgeTable w = AgeTables.weibull(2.0, 1e6, 0, 1000);
        assertEquals(-Math.expm1(-1e-8), w.failures(100), 1e-12);
    }
}
