package io.fleetcast.cube;

/**
 * The book of an owned deployment's slots in closed form: slots installed uniformly over a ramp
 * {@code [s, s + r)} at density {@code n / r} (all {@code n} at {@code s} when {@code r = 0}), installs only
 * before the deployment's end cap. Book values depend on install instants and lives only, not on failures, so
 * both modes book the same amounts (simulate's stratified install jitter has the uniform ramp as its mean), as
 * {@link CapitalCharge} does for the capital charge.
 *
 * <p>A device is depreciated straight-line over its depreciation life {@code D} down to its residual value; it
 * retires at its service life {@code L} (or an owned term end, or stays past the horizon). At a retirement at age
 * {@code a} the remaining book value above the residual, {@code max(0, 1 - a / D)} of the depreciable base, is
 * written off, and the residual value is received. Stateless.
 */
final class BookValue {

    private BookValue() {
    }

    /**
     * {@code Σ clamp(x - t0, 0, m)} over the slots: hours of slot age below {@code m} by instant {@code x} (pass
     * {@code x} already capped at the end cap; slots installed at or after {@code x} add nothing).
     *
     * @param x instant, hours
     * @param s ramp start, hours
     * @param r ramp, hours (0: every slot at {@code s})
     * @param n slots
     * @param m age cap, hours (may be infinite)
     * @return slot-hours
     */
    static double hoursBelowAge(double x, double s, double r, double n, double m) {
        if (r > 0) {
            return n / r * (clampedIntegral(x - s, m) - clampedIntegral(x - s - r, m));
        }
        return n * Math.min(Math.max(x - s, 0), m);
    }

    /**
     * Slots installed at or before {@code x} (a zero ramp's slots count from {@code x = s} on, so that a
     * retirement at exactly a cell boundary falls in the cell that ends there).
     */
    static double installedBy(double x, double s, double r, double n) {
        if (r > 0) {
            return n / r * Math.min(Math.max(x - s, 0), r);
        }
        return x >= s ? n : 0;
    }

    /**
     * The slots in service at instant {@code t}: installed in {@code [s, min(s + r, installEnd, t))} and younger
     * than {@code life} at {@code t}.
     */
    static double aliveAt(double t, double s, double r, double n, double installEnd, double life) {
        double lo = Math.max(s, t - life);
        if (r > 0) {
            double hi = Math.min(Math.min(s + r, installEnd), t);
            return hi > lo ? n / r * (hi - lo) : 0;
        }
        return s > t - life && s < Math.min(installEnd, t) ? n : 0;
    }

    /**
     * {@code Σ max(0, 1 - (t - t0) / book)} over the slots in service at {@code t} ({@link #aliveAt}): the
     * remaining fraction of their depreciable base at {@code t}, in slots. Nonzero for installs after
     * {@code t - min(life, book)}: {@code n / r * ((hi + D - t)² - (lo + D - t)²) / (2D)}.
     */
    static double remainingAt(double t, double s, double r, double n, double installEnd, double life, double book) {
        double lo = Math.max(s, t - Math.min(life, book));
        if (r > 0) {
            double hi = Math.min(Math.min(s + r, installEnd), t);
            if (!(hi > lo)) {
                return 0;
            }
            double a = hi + book - t;
            double b = lo + book - t;
            return n / r * (a - b) * (a + b) / (2 * book);
        }
        return s > t - Math.min(life, book) && s < Math.min(installEnd, t) ? n * (s + book - t) / book : 0;
    }

    /** {@code ∫_0^x clamp(y, 0, m) dy}. */
    static double clampedIntegral(double x, double m) {
        if (x <= 0) {
            return 0;
        }
        if (x <= m) {
            return 0.5 * x * x;
        }
        return 0.5 * m * m + m * (x - m);
    }
}
