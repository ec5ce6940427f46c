package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.DistributionKind;
import io.fleetcast.model.InputDistribution;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class InputSamplerTest {

    private static final int N = 200_000;
    private static final double[] PROBS = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};

    private static InputDistribution dist(DistributionKind kind, double... p) {
        return new InputDistribution(kind, p, new double[0], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    /** Draws N values and sorts them. */
    private static double[] sortedDraws(InputSampler s) {
        UniformRandomProvider rng = RunStreams.inputStream(7L, 0);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = s.sample(rng);
        }
        Arrays.sort(x);
        return x;
    }

    /**
     * Sample quantiles match the analytic ones: the standard error of a sample p-quantile is
     * sqrt(p(1-p)/N) / density; with N = 200,000 that is at most ~0.0011 / density, so we allow 5
     * standard errors expressed as a rank tolerance of 5 * sqrt(0.25 / N) = 0.0056 in probability.
     */
    private static void assertQuantilesMatch(InputSampler s) {
        double[] x = sortedDraws(s);
        double rankTol = 5 * Math.sqrt(0.25 / N);
        for (double p : PROBS) {
            double analytic = s.quantile(p);
            double lo = Bands.type7(x, N, Math.max(0, p - rankTol));
            double hi = Bands.type7(x, N, Math.min(1, p + rankTol));
            assertTrue(lo <= analytic && analytic <= hi,
                    s.distribution() + " P" + p + ": analytic " + analytic + " outside sample [" + lo + ", " + hi + "]");
        }
    }

    @Test
    void sample_uniform_quantilesMatchAnalytic() {
        InputSampler s = InputSampler.of(dist(DistributionKind.UNIFORM, 10, 30));
        // uniform [10, 30]: P10 = 10 + 0.1 * 20 = 12, median 20
        assertEquals(12.0, s.quantile(0.1), 1e-12);
        assertEquals(20.0, s.quantile(0.5), 1e-12);
        assertQuantilesMatch(s);
    }

    @Test
    void sample_triangular_quantilesMatchAnalytic() {
        InputSampler s = InputSampler.of(dist(DistributionKind.TRIANGULAR, 45, 60, 90));
        // F(mode) = (60 - 45) / (90 - 45) = 1/3; for p < 1/3: x = 45 + sqrt(p * 45 * 15)
        // P10 = 45 + sqrt(0.1 * 675) = 45 + 8.2158 = 53.2158
        assertEquals(45 + Math.sqrt(67.5), s.quantile(0.1), 1e-9);
        // for p > 1/3: x = 90 - sqrt((1 - p) * 45 * 30); P90 = 90 - sqrt(135) = 78.3810
        assertEquals(90 - Math.sqrt(135), s.quantile(0.9), 1e-9);
        assertQuantilesMatch(s);
    }

    @Test
    void sample_pert_quantilesMatchAnalyticAndMeanIsPertMean() {
        InputSampler s = InputSampler.of(dist(DistributionKind.PERT, 45_000, 55_000, 70_000));
        // PERT mean = (min + 4 mode + max) / 6 = (45000 + 220000 + 70000) / 6 = 55833.33
        double[] x = sortedDraws(s);
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        // sd of PERT = sqrt(ab/((a+b)^2 (a+b+1))) * range, a = 1 + 4*10/25 = 2.6, b = 1 + 4*15/25 = 3.4:
        // sqrt(8.84 / (36 * 7)) * 25000 = 4682; standard error of the mean = 4682 / sqrt(2e5) = 10.5
        assertEquals(55_833.333, sum / N, 5 * 10.5);
        // the extreme draws are the quantiles at 2^-53 and 1 - 2^-53: within ~0.02 USD of the bounds
        // (Beta(2.6, 3.4) near 0 grows like x^2.6: x ~ (1e-16)^(1/2.6) ~ 7e-7 of the 25,000 range)
        assertEquals(45_000, s.lowerBound(), 1.0);
        assertEquals(70_000, s.upperBound(), 1.0);
        assertQuantilesMatch(s);
    }

    @Test
    void sample_normal_quantilesMatchAnalytic() {
        InputSampler s = InputSampler.of(dist(DistributionKind.NORMAL, 100, 15));
        // P90 = 100 + 1.2815516 * 15 = 119.2233
        assertEquals(119.2233, s.quantile(0.9), 1e-4);
        assertQuantilesMatch(s);
    }

    @Test
    void sample_truncatedNormal_staysInsideBoundsAndMatches() {
        InputDistribution d = new InputDistribution(DistributionKind.NORMAL, new double[] {1.2, 0.03}, new double[0],
                1.15, 1.5, false);
        InputSampler s = InputSampler.of(d);
        // the truncation at 1.15 (-1.67 sd) moves the median above 1.2; the bounds are the support
        assertEquals(1.15, s.lowerBound(), 1e-12);
        assertEquals(1.5, s.upperBound(), 1e-12);
        assertTrue(s.quantile(0.5) > 1.2);
        double[] x = sortedDraws(s);
        assertTrue(x[0] >= 1.15 && x[N - 1] <= 1.5);
        assertQuantilesMatch(s);
    }

    @Test
    void sample_lognormal_medianIsFirstParameter() {
        InputSampler s = InputSampler.of(dist(DistributionKind.LOGNORMAL, 0.08, 0.3));
        // median = exp(ln 0.08) = 0.08; P90 = 0.08 * exp(1.2815516 * 0.3) = 0.08 * 1.46905 = 0.117524
        assertEquals(0.08, s.quantile(0.5), 1e-12);
        assertEquals(0.08 * Math.exp(1.2815515655446004 * 0.3), s.quantile(0.9), 1e-9);
        assertQuantilesMatch(s);
    }

    @Test
    void sample_truncatedLognormal_staysBelowMaxAndMatches() {
        // afr lognormal median 0.5, sigma 1, truncated to [0, 0.999]: F(0.999) = Phi(ln(1.998) / 1) = Phi(0.6921) = 0.7556
        InputDistribution d = new InputDistribution(DistributionKind.LOGNORMAL, new double[] {0.5, 1.0}, new double[0],
                0, 0.999, false);
        InputSampler s = InputSampler.of(d);
        // the truncated median is the untruncated quantile at 0.5 * 0.7556 = 0.3778: 0.5 * exp(-0.3112) = 0.3663
        assertEquals(0.3663, s.quantile(0.5), 1e-3);
        assertTrue(s.upperBound() < 0.999 + 1e-12);
        assertQuantilesMatch(s);
    }

    @Test
    void sample_choice_frequenciesFollowWeights() {
        InputDistribution d = new InputDistribution(DistributionKind.CHOICE, new double[] {0.6, 0.7, 0.8},
                new double[] {1, 2, 1}, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
        InputSampler s = InputSampler.of(d);
        // cumulative weights 0.25, 0.75, 1: P10 -> 0.6, P50 -> 0.7, P90 -> 0.8
        assertEquals(0.6, s.quantile(0.1));
        assertEquals(0.7, s.quantile(0.5));
        assertEquals(0.8, s.quantile(0.9));
        double[] x = sortedDraws(s);
        int low = 0;
        for (double v : x) {
            if (v == 0.6) {
                low++;
            }
        }
        // expected share 1/4, standard error sqrt(0.25 * 0.75 / 2e5) = 0.00097
        assertEquals(0.25, (double) low / N, 5 * 0.00097);
    }

    @Test
    void of_pointMass_alwaysDrawsTheValue() {
        InputSampler s = InputSampler.of(dist(DistributionKind.TRIANGULAR, 5, 5, 5));
        UniformRandomProvider rng = RunStreams.inputStream(1L, 3);
        assertEquals(5.0, s.sample(rng));
        assertEquals(5.0, s.quantile(0.9));
    }

    @Test
    void of_badParameters_namesFamilyAndExpectation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputSampler.of(dist(DistributionKind.TRIANGULAR, 60, 45, 90)));
        assertTrue(e.getMessage().contains("triangular") && e.getMessage().contains("min <= mode <= max"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputSampler.of(dist(DistributionKind.UNIFORM, 1)));
    }

    @Test
    void openUnit_extremeBits_staysInsideOpenInterval() {
        // all-zero bits: (0 + 0.5) * 2^-52 > 0; all-one bits: (2^52 - 1 + 0.5) * 2^-52 < 1
        assertTrue(InputSampler.openUnit(0L) > 0);
        assertTrue(InputSampler.openUnit(-1L) < 1);
    }
}
