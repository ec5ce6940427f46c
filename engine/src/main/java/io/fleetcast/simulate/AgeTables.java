package io.fleetcast.simulate;

/**
 * Builds {@link AgeTable}s: the expectation of the device process of DESIGN.md "Lifecycle" (a slot's
 * device fails, is down for the repair time R, and is replaced by a fresh one) without sampling.
 *
 * <p><b>Exponential lifetimes</b> (rate λ per up-hour). A slot is down at age a iff a failure happened in
 * (a - R, a], and failures happen at rate λ while up, so the availability satisfies the delay equation
 * {@code A(a) = 1 - λ (U(a) - U(a - R))}, {@code U' = A}, {@code U(a) = 0} for {@code a <= 0}; expected
 * failures are {@code F = λ U}. It is integrated with classical Runge-Kutta (4th order) on a grid whose
 * step (at most 24 h) divides R, so the kinks of A at multiples of R fall on nodes and delayed values are
 * table entries; the relative error is below 1e-10 for any realistic rate (checked against the closed form
 * {@code U = (1 - e^{-λa}) / λ} on [0, R] and against simulation). Repair times under an hour use the
 * steady availability {@code 1 / (1 + λR)} from age 0 (off by at most λR² up-hours per slot).
 *
 * <p><b>Weibull lifetimes</b> (shape k, scale η). The expected failures solve the renewal equation with
 * a lag, {@code F(a) = G(a) + ∫_0^{a-R} G(a - R - v) dF(v)} (G the lifetime CDF), discretized with the
 * midpoint rule for the Stieltjes integral (a convolution, O(nodes²), about 7 million multiply-adds for ten
 * years at 24 h); then {@code A(a) = 1 - (F(a) - F(a - R))} and U is its integral.
 */
public final class AgeTables {

    /** Largest node spacing in hours; finer where the repair time needs it to fall on a node. */
    static final double MAX_STEP_HOURS = 24.0;

    private AgeTables() {
    }

    /**
     * Table for exponential lifetimes.
     *
     * @param rate   failures per up-hour, at least 0
     * @param repair down time per failure, hours, at least 0
     * @param maxAge the largest age that will be evaluated, hours
     * @return the table
     */
    public static AgeTable exponential(double rate, double repair, double maxAge) {
        double h = stepFor(repair);
        int nodes = nodesFor(maxAge, h);
        double[] u = new double[nodes];
        double[] a = new double[nodes];
        double[] g = new double[nodes];
        if (repair < 1.0 || rate == 0) {
            // R = 0: always up. 0 < R < 1 h: the quasi-steady availability 1 / (1 + λR) from age 0; it differs
            // from the exact solution only during the first R hours, by at most λR² up-hours per slot.
            double avail = 1 / (1 + rate * repair);
            for (int i = 0; i < nodes; i++) {
                double age = i * h;
                u[i] = avail * age;
                a[i] = avail;
                g[i] = 0.5 * avail * age * age;
            }
        } else {
            // classical RK4 on U' = 1 - λ (U(a) - U(a - R)); R is a whole number m of steps, so the delayed
            // values at nodes are table entries and at midpoints cubic Hermite interpolants (4th order)
            // a long: a repair far longer than the table (1e11 h) overflowed an int into a negative lag and read
            // outside the table; such a repair never ends within the table, so every delayed term is 0
            long m = Math.round(repair / h);
            a[0] = 1;
            for (int i = 0; i + 1 < nodes; i++) {
                double dStart = i >= m ? u[(int) (i - m)] : 0;
                double dMid = i >= m ? AgeTable.hermite(u, a, h, (i - m + 0.5) * h) : 0;
                double dEnd = i + 1 >= m ? u[(int) (i + 1 - m)] : 0;
                double k1 = 1 - rate * (u[i] - dStart);
                double k2 = 1 - rate * (u[i] + 0.5 * h * k1 - dMid);
                double k3 = 1 - rate * (u[i] + 0.5 * h * k2 - dMid);
                double k4 = 1 - rate * (u[i] + h * k3 - dEnd);
                u[i + 1] = u[i] + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
                a[i + 1] = 1 - rate * (u[i + 1] - dEnd);
                // integral of U, trapezoid with the end-derivative correction (exact for cubics)
                g[i + 1] = g[i] + 0.5 * h * (u[i] + u[i + 1]) + h * h / 12 * (a[i] - a[i + 1]);
            }
        }
        double[] f = new double[nodes];
        double[] fr = new double[nodes];
        double[] fi = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            f[i] = rate * u[i];
            fr[i] = rate * a[i];
            fi[i] = rate * g[i];
        }
        return new AgeTable(h, u, a, g, f, fr, fi);
    }

    /**
     * Table for Weibull lifetimes.
     *
     * @param shape  Weibull shape k, positive
     * @param scale  Weibull scale η, hours (+infinity: no failures)
     * @param repair down time per failure, hours
     * @param maxAge the largest age that will be evaluated, hours
     * @return the table
     */
    public static AgeTable weibull(double shape, double scale, double repair, double maxAge) {
        if (!(scale < Double.POSITIVE_INFINITY)) {
            return exponential(0, repair, maxAge);
        }
        double h = stepFor(repair);
        int nodes = nodesFor(maxAge, h);
        // cdfMid[k] = G((k + 1/2) h): the lifetime CDF at the lag between a node and an increment's midpoint
        double[] cdfMid = new double[nodes + 1];
        for (int k = 0; k <= nodes; k++) {
            cdfMid[k] = weibullCdf((k + 0.5) * h, shape, scale);
        }
        double[] f = new double[nodes];
        // conv[i] = K(a_i) = sum over l <= i of (F_l - F_{l-1}) * G(a_i - mid_l)
        double[] conv = new double[nodes];
        double g0 = cdfMid[0];
        for (int i = 1; i < nodes; i++) {
            double ai = i * h;
            // y = a_i - R: K(y) by linear interpolation between nodes; may involve K_i, which involves F_i
            double y = ai - repair;
            double kKnown;
            double kImplicit;
            if (y <= 0) {
                kKnown = 0;
                kImplicit = 0;
            } else {
                double q = y / h;
                int j = (int) Math.floor(q);
                double fr = q - j;
                if (j + 1 <= i - 1) {
                    kKnown = conv[j] + fr * (conv[j + 1] - conv[j]);
                    kImplicit = 0;
                } else {
                    // j == i - 1 (or y == a_i): K_i = S_i + (F_i - F_{i-1}) g0, S_i over l < i
                    double s = 0;
                    for (int l = 1; l < i; l++) {
                        s += (f[l] - f[l - 1]) * cdfMid[i - l];
                    }
                    double kPrev = j == i - 1 ? conv[i - 1] : 0;
                    double wPrev = j == i - 1 ? 1 - fr : 0;
                    double wCur = j == i - 1 ? fr : 1;
                    kKnown = wPrev * kPrev + wCur * (s - f[i - 1] * g0);
                    kImplicit = wCur * g0;
                }
            }
            double fi = (weibullCdf(ai, shape, scale) + kKnown) / (1 - kImplicit);
            f[i] = fi;
            double s = 0;
            for (int l = 1; l <= i; l++) {
                s += (f[l] - f[l - 1]) * cdfMid[i - l];
            }
            conv[i] = s;
        }
        // F' by second-order differences (central inside, one-sided three-point at the ends)
        double[] fRate = new double[nodes];
        for (int i = 1; i + 1 < nodes; i++) {
            fRate[i] = (f[i + 1] - f[i - 1]) / (2 * h);
        }
        fRate[0] = (-3 * f[0] + 4 * f[1] - f[2]) / (2 * h);
        fRate[nodes - 1] = (3 * f[nodes - 1] - 4 * f[nodes - 2] + f[nodes - 3]) / (2 * h);
        double[] avail = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            avail[i] = 1 - (f[i] - AgeTable.hermite(f, null, h, i * h - repair));
        }
        double[] up = new double[nodes];
        double[] upInt = new double[nodes];
        double[] fInt = new double[nodes];
        for (int i = 0; i + 1 < nodes; i++) {
            up[i + 1] = up[i] + 0.5 * h * (avail[i] + avail[i + 1]);
            upInt[i + 1] = upInt[i] + 0.5 * h * (up[i] + up[i + 1]) + h * h / 12 * (avail[i] - avail[i + 1]);
            fInt[i + 1] = fInt[i] + 0.5 * h * (f[i] + f[i + 1]) + h * h / 12 * (fRate[i] - fRate[i + 1]);
        }
        return new AgeTable(h, up, avail, upInt, f, fRate, fInt);
    }

    /** The lifetime CDF of a Weibull distribution. */
    static double weibullCdf(double x, double shape, double scale) {
        return x <= 0 ? 0 : -Math.expm1(-Math.pow(x / scale, shape));
    }

    /** A node spacing of at most 24 h that divides the repair time when it is at least 1 h. */
    static double stepFor(double repair) {
        if (repair < 1.0) {
            return MAX_STEP_HOURS;
        }
        return repair / Math.ceil(repair / MAX_STEP_HOURS);
    }

    private static int nodesFor(double maxAge, double h) {
        double n = Math.ceil(Math.max(maxAge, 0) / h) + 3;
        if (n > 50_000_000) {
            throw new IllegalArgumentException("age table of " + n + " nodes: horizon " + maxAge + " h is too long");
        }
        return (int) n;
    }
}
