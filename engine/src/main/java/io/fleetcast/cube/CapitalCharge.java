package io.fleetcast.cube;

/**
 * The capital charge of one slot in closed form, per unit of capex, for a continuous cost of capital
 * {@code δ} per hour (a yearly rate {@code r} gives {@code δ = ln(1 + r) / 8766}) and a depreciation life
 * {@code L} hours.
 *
 * <p>The capital still tied up in a slot of age {@code a} is the balance a level capital-recovery annuity has
 * not yet recovered: {@code B(a) = (1 - e^(-δ(L - a))) / (1 - e^(-δL))}, from 1 at install to 0 at the end of
 * life. The charge accrues at {@code δ B(a)} per hour. Over a full life the charge sums to {@code κL - 1}
 * with {@code κ = δ / (1 - e^(-δL))} (the continuous capital-recovery factor per hour), so depreciation (1)
 * plus charge is {@code κL}: the annuity. {@link #cumulative} is the charge of one slot up to age {@code x};
 * {@link #cumulativeIntegral} integrates it over install instants, for slots installed uniformly over a ramp
 * (as {@code ExpectedKernels} does for slot-hours). Stateless.
 */
public final class CapitalCharge {

    private CapitalCharge() {
    }

    /** {@code δ / (1 - e^(-δL))}: the continuous capital-recovery factor, per hour. */
    public static double kappa(double delta, double life) {
        return delta / -Math.expm1(-delta * life);
    }

    /**
     * Capital charge of one slot from install to age {@code x}, as a fraction of its capex:
     * {@code κ (m - e^(-δL) (e^(δm) - 1) / δ)} with {@code m = clamp(x, 0, L)}.
     *
     * @param x        age, hours (negative: not installed yet)
     * @param delta    rate per hour, above 0
     * @param life     depreciation life, hours, above 0
     * @param kappa    {@link #kappa(double, double)} of delta and life
     * @param eNegLife {@code e^(-δL)}
     * @return the fraction, in [0, κL - 1]
     */
    public static double cumulative(double x, double delta, double life, double kappa, double eNegLife) {
        double m = Math.min(Math.max(x, 0), life);
        return kappa * (m - eNegLife * Math.expm1(delta * m) / delta);
    }

    /**
     * {@code ∫_0^x cumulative(y) dy}, hours x fraction: {@code κ x² (1/2 - e^(-δL) φ(δx))} up to the life, with
     * {@code φ(z) = (e^z - 1 - z) / z²}; linear beyond it. One exponential per call: the constants of a
     * deployment are passed in (measured: the closed form with them recomputed cost 3 times as much in the
     * cube stage of ExpectedProjectionBenchmark).
     *
     * @param x                hours
     * @param delta            rate per hour, above 0
     * @param life             depreciation life, hours, above 0
     * @param kappa            {@link #kappa(double, double)} of delta and life
     * @param eNegLife         {@code e^(-δL)}
     * @param integralAtLife   this function at {@code x = L}: {@link #integralAtLife}
     * @param cumulativeAtLife {@link #cumulative} at the life: {@code κL - 1}
     * @return the integral
     */
    public static double cumulativeIntegral(double x, double delta, double life, double kappa, double eNegLife,
                                            double integralAtLife, double cumulativeAtLife) {
        if (x <= 0) {
            return 0;
        }
        if (x >= life) {
            return integralAtLife + cumulativeAtLife * (x - life);
        }
        return kappa * x * x * (0.5 - eNegLife * phi(delta * x));
    }

    /**
     * {@link #cumulative} given {@code ez = e^(δx)} (precomputed per cell boundary; no exponential here).
     *
     * @param x        age, hours
     * @param ez       {@code e^(δx)}
     * @param delta    rate per hour, above 0
     * @param life     depreciation life, hours
     * @param kappa    {@link #kappa(double, double)}
     * @param eNegLife {@code e^(-δL)}
     * @param cumulativeAtLife {@code κL - 1}
     * @return the fraction
     */
    public static double cumulativeFromExp(double x, double ez, double delta, double life, double kappa,
                                           double eNegLife, double cumulativeAtLife) {
        if (x <= 0) {
            return 0;
        }
        if (x >= life) {
            return cumulativeAtLife;
        }
        double z = delta * x;
        double em1 = Math.abs(z) < 1e-4 ? z * (1 + z * (0.5 + z / 6)) : ez - 1;
        return kappa * (x - eNegLife * em1 / delta);
    }

    /**
     * {@link #cumulativeIntegral} given {@code ez = e^(δx)}: {@code φ(δx)} from it, by its series where
     * {@code δx < 1e-3} (there {@code e^z - 1 - z} would cancel), so a cell costs no exponential.
     */
    public static double cumulativeIntegralFromExp(double x, double ez, double delta, double life, double kappa,
                                                   double eNegLife, double integralAtLife, double cumulativeAtLife) {
        if (x <= 0) {
            return 0;
        }
        if (x >= life) {
            return integralAtLife + cumulativeAtLife * (x - life);
        }
        double z = delta * x;
        double phi = z < 1e-3 ? 0.5 + z / 6 + z * z / 24 : (ez - 1 - z) / (z * z);
        return kappa * x * x * (0.5 - eNegLife * phi);
    }

    /** {@link #cumulativeIntegral} at {@code x = L}: {@code κ L² (1/2 - e^(-δL) φ(δL))}. */
    public static double integralAtLife(double delta, double life, double kappa) {
        return integralAt(life, delta, kappa, Math.exp(-delta * life));
    }

    /**
     * {@link #cumulativeIntegral} at an age {@code m <= L}: {@code κ m² (1/2 - e^(-δL) φ(δm))}; the constant a
     * slot retired at its service life {@code m} before its depreciation life {@code L} stops at (pass {@code m}
     * as the {@code life} threshold of the cumulative functions, with this and {@link #cumulative} at {@code m}).
     */
    public static double integralAt(double m, double delta, double kappa, double eNegLife) {
        return kappa * m * m * (0.5 - eNegLife * phi(delta * m));
    }

    /**
     * Interest during construction per unit of facility capex paid evenly over {@code build} hours before
     * energization, valued at energization: {@code (e^(δT) - 1) / (δT) - 1 = δT φ(δT)}.
     */
    public static double duringConstruction(double delta, double build) {
        double z = delta * build;
        return z * phi(z);
    }

    /** {@code (e^z - 1 - z) / z²}, with its series near 0 where the subtraction would cancel. */
    static double phi(double z) {
        if (Math.abs(z) < 1e-4) {
            return 0.5 + z / 6 + z * z / 24;
        }
        return (Math.expm1(z) - z) / (z * z);
    }
}
