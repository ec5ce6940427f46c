package io.fleetcast.simulate;

/**
 * The expected history of one slot as a function of its age, for one failure process (rate or Weibull
 * shape and scale) and repair time: tabulated once, then evaluated at any age by cubic Hermite
 * interpolation (values and exact derivatives at the nodes).
 *
 * <p>At node {@code i} (age {@code a = i * step} hours):
 * <ul>
 *   <li>{@code up[i]} = U(a), expected up-hours in [0, a); {@code avail[i]} = A(a) = U'(a), the
 *       probability of being up at age a;</li>
 *   <li>{@code upIntegral[i]} = the integral of U over [0, a);</li>
 *   <li>{@code failures[i]} = F(a), expected failures in [0, a); {@code failureRate[i]} = F'(a);</li>
 *   <li>{@code failureIntegral[i]} = the integral of F over [0, a).</li>
 * </ul>
 * The integrals turn a uniform ramp of installs into two table look-ups per period boundary: the
 * expected up-hours by time {@code b} of slots installed uniformly over {@code [s, s + r)} is
 * {@code n / r * (W(b - s) - W(b - s - r))} with {@code W} the integral of U capped at the slot life.
 *
 * <p>Immutable after construction.
 */
public final class AgeTable {

    /** Node spacing, hours. */
    public final double step;
    /** Largest tabulated age, hours ({@code (nodes - 1) * step}). */
    public final double maxAge;
    final double[] up;
    final double[] avail;
    final double[] upIntegral;
    final double[] failures;
    final double[] failureRate;
    final double[] failureIntegral;

    AgeTable(double step, double[] up, double[] avail, double[] upIntegral, double[] failures, double[] failureRate,
             double[] failureIntegral) {
        this.step = step;
        this.maxAge = (up.length - 1) * step;
        this.up = up;
        this.avail = avail;
        this.upIntegral = upIntegral;
        this.failures = failures;
        this.failureRate = failureRate;
        this.failureIntegral = failureIntegral;
    }

    /** Expected up-hours of a slot in [0, age), age clamped to [0, maxAge]. */
    public double up(double age) {
        return hermite(up, avail, step, age);
    }

    /** Probability that a slot is up at the given age: the derivative of the interpolated U. */
    public double availability(double age) {
        double q = age / step;
        int last = up.length - 1;
        if (!(q > 0)) {
            return avail[0];
        }
        if (q >= last) {
            return avail[last];
        }
        int i = (int) q;
        double t = q - i;
        double t2 = t * t;
        return (6 * t2 - 6 * t) / step * up[i] + (3 * t2 - 4 * t + 1) * avail[i]
                + (-6 * t2 + 6 * t) / step * up[i + 1] + (3 * t2 - 2 * t) * avail[i + 1];
    }

    /** Expected failures of a slot in [0, age). */
    public double failures(double age) {
        return hermite(failures, failureRate, step, age);
    }

    /**
     * The integral over [0, x) of the expected up-hours of a slot whose life is capped at {@code life}:
     * {@code W(x) = integral of U(min(y, life)) dy}; 0 for {@code x <= 0}.
     *
     * @param x    hours
     * @param life slot life, hours (may be +infinity); {@code min(x, life) <= maxAge} is required
     * @return the integral
     */
    public double upIntegralCapped(double x, double life) {
        return cappedIntegral(upIntegral, up, avail, step, x, life);
    }

    /**
     * The integral over [0, x) of the expected failures of a slot whose life is capped at {@code life}.
     *
     * @param x    hours
     * @param life slot life, hours (may be +infinity)
     * @return the integral
     */
    public double failureIntegralCapped(double x, double life) {
        return cappedIntegral(failureIntegral, failures, failureRate, step, x, life);
    }

    /**
     * Expected up-hours of a slot of the given life at age x: {@code U(clamp(x, 0, life))}.
     *
     * @param x    age, hours
     * @param life slot life, hours
     * @return up-hours
     */
    public double upCapped(double x, double life) {
        return x <= 0 ? 0 : hermite(up, avail, step, Math.min(x, life));
    }

    /**
     * Expected failures of a slot of the given life by age x: {@code F(clamp(x, 0, life))}.
     *
     * @param x    age, hours
     * @param life slot life, hours
     * @return failures
     */
    public double failuresCapped(double x, double life) {
        return x <= 0 ? 0 : hermite(failures, failureRate, step, Math.min(x, life));
    }

    /**
     * The expected up-hours by one instant of slots installed uniformly over a window of ages: the integral
     * of {@code U(clamp(y, 0, life))} over {@code [lo, lo + width)}, i.e. {@code W(lo + width) - W(lo)} with W
     * as in {@link #upIntegralCapped}, computed without subtracting two values of W's linearly growing tail.
     * Once the whole window is past the life ({@code lo >= life}) it is exactly {@code U(life) * width}: the
     * same double at every later instant, so the cells after a cohort's end of life difference to exactly 0.
     *
     * @param lo    the lower age of the window (the age of the last slot installed), hours; may be negative
     * @param width width of the window (the ramp), hours, positive
     * @param life  slot life, hours (may be +infinity); {@code min(lo + width, life) <= maxAge} is required
     * @return the integral
     */
    public double upWindowCapped(double lo, double width, double life) {
        return cappedWindow(upIntegral, up, avail, step, lo, width, life);
    }

    /**
     * The expected failures by one instant of slots installed uniformly over a window of ages, as
     * {@link #upWindowCapped} for F.
     *
     * @param lo    lower age of the window, hours (may be negative)
     * @param width width of the window, hours, positive
     * @param life  slot life, hours (may be +infinity)
     * @return the integral
     */
    public double failureWindowCapped(double lo, double width, double life) {
        return cappedWindow(failureIntegral, failures, failureRate, step, lo, width, life);
    }

    /**
     * {@code ∫ over [lo, lo + width) of f(clamp(y, 0, life)) dy} for tabulated f with integral g: the part below
     * the life from g, the part beyond it as {@code f(life) x length}. With {@code lo >= life} the result does
     * not depend on {@code lo}, which is what keeps post-life cells exactly zero.
     */
    static double cappedWindow(double[] g, double[] f, double[] df, double h, double lo, double width, double life) {
        double hi = lo + width;
        if (hi <= 0) {
            return 0;
        }
        if (lo >= life) {
            return hermite(f, df, h, life) * width;
        }
        double below = hermite(g, f, h, Math.min(hi, life)) - (lo > 0 ? hermite(g, f, h, lo) : 0);
        return hi > life ? below + hermite(f, df, h, life) * (hi - life) : below;
    }

    static double cappedIntegral(double[] g, double[] f, double[] df, double h, double x, double life) {
        if (x <= 0) {
            return 0;
        }
        if (x <= life) {
            return hermite(g, f, h, x);
        }
        return hermite(g, f, h, life) + hermite(f, df, h, life) * (x - life);
    }

    /**
     * Cubic Hermite interpolation of tabulated {@code y} with derivatives {@code dy} (linear when
     * {@code dy} is null) at {@code x}, clamped to the table.
     */
    static double hermite(double[] y, double[] dy, double h, double x) {
        double q = x / h;
        int last = y.length - 1;
        if (!(q > 0)) {
            return y[0];
        }
        if (q >= last) {
            return y[last];
        }
        int i = (int) q;
        double t = q - i;
        if (dy == null) {
            return y[i] + t * (y[i + 1] - y[i]);
        }
        double t2 = t * t;
        double t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1;
        double h10 = t3 - 2 * t2 + t;
        double h01 = -2 * t3 + 3 * t2;
        double h11 = t3 - t2;
        return h00 * y[i] + h10 * h * dy[i] + h01 * y[i + 1] + h11 * h * dy[i + 1];
    }
}
