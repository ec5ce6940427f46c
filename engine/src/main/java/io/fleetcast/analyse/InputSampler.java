package io.fleetcast.analyse;

import io.fleetcast.model.DistributionKind;
import io.fleetcast.model.InputDistribution;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * The quantile function of one {@link InputDistribution}, built once from Apache Commons Statistics.
 *
 * <p>Every draw is an inverse-CDF draw: one uniform {@code u} in (0, 1) from the run's stream goes
 * through the library's {@code inverseCumulativeProbability}. So each uncertain input consumes exactly
 * one number of the stream whatever its family, the k-th input of run i always sees the same uniform
 * (common random numbers across variants of a scenario), and the tornado's P10/P90/median come from
 * the same function as the Monte Carlo samples.
 *
 * <p>Families (parameters in the input's base unit, in the order {@link DistributionKind} gives):
 * <ul>
 * <li>uniform {low, high}: {@code UniformContinuousDistribution};</li>
 * <li>triangular {min, mode, max}: {@code TriangularDistribution};</li>
 * <li>PERT {min, mode, max}: {@code min + (max - min) * Beta(alpha, beta)} with
 *     {@code alpha = 1 + 4 (mode - min) / (max - min)}, {@code beta = 1 + 4 (max - mode) / (max - min)};</li>
 * <li>normal {mean, sd}: {@code NormalDistribution}, or {@code TruncatedNormalDistribution} when a bound is
 *     finite;</li>
 * <li>lognormal {median, sigma of ln}: {@code LogNormalDistribution(mu = ln median, sigma)}, truncated to
 *     [min, max] when a bound is set (the reader bounds it to the field's range) by taking the library's
 *     quantile at {@code F(min) + p (F(max) - F(min))};</li>
 * <li>choice {values...} with weights: the smallest value whose cumulative weight reaches {@code p}
 *     (values taken in the order given).</li>
 * </ul>
 * A family whose spread is zero (uniform with low = high, PERT/triangular with min = max, sd = 0,
 * sigma = 0) is a point mass; it is allowed so an input can be pinned without removing it.
 */
public final class InputSampler {

    /** 2^-52: spacing of the doubles a 52-bit integer maps to in [0, 1). */
    private static final double DOUBLE_UNIT = 0x1.0p-52;

    private final InputDistribution distribution;
    /** The continuous distribution, scaled by {@link #offset} and {@link #scale}; null for a choice or a point mass. */
    private final ContinuousDistribution continuous;
    private final double offset;
    private final double scale;
    /** Truncation of {@link #continuous}: its quantile is taken at {@code cLo + p (cHi - cLo)}. */
    private final double cLo;
    private final double cHi;
    /** Point mass value when {@link #continuous} and {@link #choiceValues} are null. */
    private final double point;
    private final double[] choiceValues;
    /** Cumulative weights of a choice, the last equal to 1. */
    private final double[] choiceCumulative;

    private InputSampler(InputDistribution distribution, ContinuousDistribution continuous, double offset,
                         double scale, double cLo, double cHi, double point, double[] choiceValues,
                         double[] choiceCumulative) {
        this.distribution = distribution;
        this.continuous = continuous;
        this.offset = offset;
        this.scale = scale;
        this.cLo = cLo;
        this.cHi = cHi;
        this.point = point;
        this.choiceValues = choiceValues;
        this.choiceCumulative = choiceCumulative;
    }

    /**
     * Builds the quantile function of a distribution.
     *
     * @param distribution the distribution; not modified
     * @return its sampler
     * @throws IllegalArgumentException when the parameters do not define a distribution (the message
     *                                  names the family, the parameters and what was expected)
     */
    public static InputSampler of(InputDistribution distribution) {
        double[] p = distribution.parameters();
        DistributionKind kind = distribution.kind();
        switch (kind) {
            case UNIFORM -> {
                expectCount(distribution, p, 2, "{low, high}");
                expect(distribution, p[0] <= p[1], "low <= high");
                if (p[0] == p[1]) {
                    return point(distribution, p[0]);
                }
                return continuous(distribution, UniformContinuousDistribution.of(p[0], p[1]), 0, 1);
            }
            case TRIANGULAR -> {
                expectCount(distribution, p, 3, "{min, mode, max}");
                expect(distribution, p[0] <= p[1] && p[1] <= p[2], "min <= mode <= max");
                if (p[0] == p[2]) {
                    return point(distribution, p[0]);
                }
                return continuous(distribution, TriangularDistribution.of(p[0], p[1], p[2]), 0, 1);
            }
            case PERT -> {
                expectCount(distribution, p, 3, "{min, mode, max}");
                expect(distribution, p[0] <= p[1] && p[1] <= p[2], "min <= mode <= max");
                double range = p[2] - p[0];
                if (range == 0) {
                    return point(distribution, p[0]);
                }
                double alpha = 1 + 4 * (p[1] - p[0]) / range;
                double beta = 1 + 4 * (p[2] - p[1]) / range;
                return continuous(distribution, BetaDistribution.of(alpha, beta), p[0], range);
            }
            case NORMAL -> {
                expectCount(distribution, p, 2, "{mean, sd}");
                expect(distribution, p[1] >= 0, "sd >= 0");
                double lo = distribution.min();
                double hi = distribution.max();
                expect(distribution, lo < hi, "min < max");
                if (p[1] == 0) {
                    expect(distribution, p[0] >= lo && p[0] <= hi, "the mean inside [min, max] when sd = 0");
                    return point(distribution, p[0]);
                }
                if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
                    return continuous(distribution, NormalDistribution.of(p[0], p[1]), 0, 1);
                }
                return continuous(distribution, TruncatedNormalDistribution.of(p[0], p[1], lo, hi), 0, 1);
            }
            case LOGNORMAL -> {
                expectCount(distribution, p, 2, "{median, sigma}");
                expect(distribution, p[0] > 0, "median > 0");
                expect(distribution, p[1] >= 0, "sigma >= 0");
                if (p[1] == 0) {
                    return point(distribution, p[0]);
                }
                double lo = distribution.min();
                double hi = distribution.max();
                expect(distribution, lo < hi, "min < max");
                LogNormalDistribution ln = LogNormalDistribution.of(Math.log(p[0]), p[1]);
                // truncated to [min, max]: the library's quantile at a probability rescaled into [F(min), F(max)]
                double cLo = lo > 0 ? ln.cumulativeProbability(lo) : 0.0;
                double cHi = Double.isFinite(hi) ? ln.cumulativeProbability(hi) : 1.0;
                expect(distribution, cHi > cLo, "[min, max] to hold some probability");
                return new InputSampler(distribution, ln, 0, 1, cLo, cHi, Double.NaN, null, null);
            }
            case CHOICE -> {
                expect(distribution, p.length >= 1, "at least one value");
                double[] w = distribution.weights();
                if (w.length == 0) {
                    w = new double[p.length];
                    Arrays.fill(w, 1.0);
                }
                expect(distribution, w.length == p.length, "as many weights as values (" + p.length + ")");
                double total = 0;
                for (int i = 0; i < w.length; i++) {
                    expect(distribution, w[i] >= 0 && Double.isFinite(w[i]), "weights finite and >= 0");
                    total += w[i];
                }
                expect(distribution, total > 0, "a positive total weight");
                double[] cumulative = new double[w.length];
                double running = 0;
                for (int i = 0; i < w.length; i++) {
                    running += w[i];
                    cumulative[i] = running / total;
                }
                cumulative[w.length - 1] = 1.0;
                return new InputSampler(distribution, null, 0, 1, 0, 1, Double.NaN, p, cumulative);
            }
            default -> throw new IllegalStateException("unknown distribution kind " + kind);
        }
    }

    private static InputSampler continuous(InputDistribution d, ContinuousDistribution c, double offset, double scale) {
        return new InputSampler(d, c, offset, scale, 0, 1, Double.NaN, null, null);
    }

    private static InputSampler point(InputDistribution d, double value) {
        return new InputSampler(d, null, 0, 1, 0, 1, value, null, null);
    }

    private static void expectCount(InputDistribution d, double[] p, int n, String names) {
        if (p.length != n) {
            throw new IllegalArgumentException(d.kind().name().toLowerCase(java.util.Locale.ROOT) + " takes " + n
                    + " parameters " + names + ", got " + Arrays.toString(p));
        }
    }

    private static void expect(InputDistribution d, boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(d.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + Arrays.toString(d.parameters()) + ": expected " + what);
        }
    }

    /** {@return the distribution this sampler draws from} */
    public InputDistribution distribution() {
        return distribution;
    }

    /**
     * The p-quantile (inverse CDF) of the distribution.
     *
     * @param p probability in [0, 1]; 0 and 1 give the bounds of the support (possibly infinite)
     * @return the smallest value whose cumulative probability reaches {@code p}; for a choice, the first value
     *         (in the order given) whose cumulative weight reaches it
     */
    public double quantile(double p) {
        if (continuous != null) {
            double q = cLo == 0 && cHi == 1 ? p : cLo + p * (cHi - cLo);
            return offset + scale * continuous.inverseCumulativeProbability(q);
        }
        if (choiceValues == null) {
            return point;
        }
        double[] cumulative = choiceCumulative;
        int last = cumulative.length - 1;
        for (int i = 0; i < last; i++) {
            if (cumulative[i] >= p) {
                return choiceValues[i];
            }
        }
        return choiceValues[last];
    }

    /**
     * One draw: the quantile of a uniform in the open interval (0, 1) taken from {@code rng}. Consumes
     * exactly one {@code long} of the stream.
     *
     * @param rng the run's stream; advanced by one long
     * @return the sample
     */
    public double sample(UniformRandomProvider rng) {
        return quantile(openUnit(rng.nextLong()));
    }

    /**
     * The lowest value a draw can take: the quantile of the smallest uniform {@link #sample} feeds in
     * ({@code 2^-53}). Finite even for a normal, whose support is not.
     *
     * @return the lowest value a draw can take
     */
    public double lowerBound() {
        return quantile(openUnit(0L));
    }

    /**
     * {@return the highest value a draw can take: the quantile of the largest uniform {@link #sample} feeds in
     * ({@code 1 - 2^-53})}
     */
    public double upperBound() {
        return quantile(openUnit(-1L));
    }

    /**
     * Maps 64 random bits to a double in the open interval (0, 1): the top 52 bits, offset by half a
     * step, so neither 0 nor 1 (whose quantiles may be infinite) can come out. 52 rather than 53 bits:
     * {@code 2^53 - 0.5} is not a double and would round up to exactly 1, while {@code 2^52 - 0.5} is.
     */
    static double openUnit(long bits) {
        return ((bits >>> 12) + 0.5) * DOUBLE_UNIT;
    }
}
