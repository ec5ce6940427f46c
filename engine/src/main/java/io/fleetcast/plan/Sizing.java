package io.fleetcast.plan;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Site;
import io.fleetcast.model.SizeKind;

/**
 * Resolves a deployment's size, as given, to a number of accelerators (DESIGN.md "Deployment"):
 * {@code count} as is; {@code it-power / all-in W}; {@code facility-power / (all-in W x design PUE)};
 * {@code budget / capex} when owned, {@code budget / (expected lease cost of one slot)} when leased, where
 * one slot's lease cost is its price (declining yearly) times its contracted hours within the term and the
 * horizon, averaged over the ramp; without a decline this is the documented {@code price x contracted hours}.
 */
public final class Sizing {

    /**
     * Round-off forgiven on a quotient before it is rounded down, in ulps of the quotient. A size by power or
     * budget is {@code value / unit} where the value (a decimal such as 0.1 GW scaled to W), the unit (all-in W x
     * design PUE, or a lease sum) and the division each round once: at most about 2 ulps between the double and
     * the exact quotient, so 4 ulps absorb it (3,190 W of 2,900 W x PUE 1.1 is 0.9999999999999999 as doubles,
     * exactly 1 as numbers) and nothing more: 2,999.9999999 W of 1,000 W accelerators stays 2.
     */
    public static final double QUOTIENT_ULPS = 4;
    /** The most accelerators one deployment may resolve to; counts stay exact in a double below 2^53. */
    public static final double MAX_COUNT = 1e15;

    private Sizing() {
    }

    /**
     * The unrounded number of accelerators a size holds.
     *
     * @param d                 the deployment
     * @param a                 its accelerator
     * @param s                 its site
     * @param leaseCostPerSlot  leased: the expected lease cost of one slot (see class comment); ignored otherwise
     * @return the exact count, finite and non-negative
     * @throws IllegalArgumentException naming the deployment when the unit size is zero or the count too large
     */
    public static double exactCount(Deployment d, Accelerator a, Site s, double leaseCostPerSlot) {
        double v = d.size().value();
        double unit = switch (d.size().kind()) {
            case COUNT -> 1.0;
            case IT_POWER -> a.allInW();
            case FACILITY_POWER -> a.allInW() * s.designPue();
            case BUDGET -> d.ownership() == Ownership.OWNED ? a.itCapexUsd() : leaseCostPerSlot;
        };
        if (v == 0) {
            return 0;
        }
        if (!(unit > 0) || !Double.isFinite(unit)) {
            throw new IllegalArgumentException("deployments." + d.id() + ".size: cannot size by "
                    + d.size().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " because "
                    + unitName(d) + " is " + unit + "; give a count or fix the figure");
        }
        double exact = v / unit;
        if (!(exact <= MAX_COUNT)) {
            throw new IllegalArgumentException("deployments." + d.id() + ".size: resolves to " + exact
                    + " accelerators, more than the engine counts (" + MAX_COUNT + ")");
        }
        return exact;
    }

    /**
     * Rounds a quotient (a size by power or budget) down to whole accelerators, forgiving the round-off of
     * its computation ({@link #QUOTIENT_ULPS}).
     *
     * @param exact the quotient, finite, in [0, {@link #MAX_COUNT}]
     * @return {@code floor(exact + 4 ulp(exact))}
     */
    public static long floorCount(double exact) {
        return (long) Math.floor(exact + QUOTIENT_ULPS * Math.ulp(exact));
    }

    /**
     * The whole number of accelerators a size resolves to: a count is the count written (a whole number below
     * 2^53 is exact in a double: 1e9 is 1,000,000,000, never one more); a sampled or solved fractional count
     * (uncertainty, {@code solve}) is rounded down; a quotient goes through {@link #floorCount}.
     *
     * @param kind  the size's form
     * @param exact the exact count ({@link #exactCount})
     * @return accelerators
     */
    public static long wholeCount(SizeKind kind, double exact) {
        return kind == SizeKind.COUNT ? (long) Math.floor(exact) : floorCount(exact);
    }

    private static String unitName(Deployment d) {
        return switch (d.size().kind()) {
            case COUNT -> "1";
            case IT_POWER -> "the accelerator's all-in power";
            case FACILITY_POWER -> "all-in power x design PUE";
            case BUDGET -> d.ownership() == Ownership.OWNED ? "the accelerator's capex" : "the lease cost of one slot (price x contracted hours)";
        };
    }

    /**
     * The expected lease cost of one slot: installed uniformly over {@code [start, start + ramp)} (at
     * {@code start} when the ramp is 0), paid from install {@code t0} to {@code min(t0 + life, end)} at a price
     * that is {@code price * (1 - decline)^k} in the {@code k}-th year after the deployment start.
     *
     * @param start         deployment start, hours
     * @param ramp          ramp, hours, at least 0
     * @param end           end of the contracted hours: min(term end, horizon end), hours
     * @param life          a slot's contract length from its install (a term counted per slot), hours;
     *                      +infinity when every slot runs to {@code end}
     * @param price         price per accelerator-hour in the first year
     * @param decline       yearly relative decline
     * @param anniversaries the deployment's anniversaries in hours, ascending (only those before {@code end} matter). Not modified.
     * @return the expected cost in USD of one slot
     */
    public static double expectedLeaseCostPerSlot(double start, double ramp, double end, double life, double price,
                                                  double decline, double[] anniversaries) {
        if (end <= start) {
            return 0;
        }
        if (life < Double.POSITIVE_INFINITY) {
            if (ramp <= RAMP_EPSILON_HOURS) {
                return cumulativePrice(start, Math.min(start + life, end), price, decline, anniversaries);
            }
            // (1/ramp) * integral over t0 in [start, hi) of (P(min(t0 + life, end)) - P(t0))
            double hi = Math.min(start + ramp, end);
            return (integralOfPrice(start, start + life, hi + life, end, price, decline, anniversaries)
                    - integralOfPrice(start, start, hi, end, price, decline, anniversaries)) / ramp;
        }
        double pEnd = cumulativePrice(start, end, price, decline, anniversaries);
        if (ramp <= RAMP_EPSILON_HOURS) {
            return pEnd;
        }
        double hi = Math.min(start + ramp, end);
        // (1/ramp) * integral over t0 in [start, hi) of (P(end) - P(t0)), P piecewise linear between anniversaries
        double integralP = 0;
        double pAtSegStart = 0;
        double rate = price;
        double segStart = start;
        for (int k = 0; k <= anniversaries.length && segStart < hi; k++) {
            double segEnd = k < anniversaries.length ? Math.min(anniversaries[k], hi) : hi;
            if (segEnd > segStart) {
                double len = segEnd - segStart;
                integralP += pAtSegStart * len + rate * len * len / 2;
                pAtSegStart += rate * len;
                segStart = segEnd;
            }
            rate *= 1 - decline;
        }
        return (pEnd * (hi - start) - integralP) / ramp;
    }

    /** Ramps shorter than this (hours) are treated as installing everything at the start. */
    public static final double RAMP_EPSILON_HOURS = 1e-6;

    /**
     * {@code ∫_a^b P(min(u, end)) du} with P the cumulative price from {@code start}: P is linear between
     * anniversaries and flat after {@code end}, so the trapezoid rule over those breakpoints is exact.
     */
    private static double integralOfPrice(double start, double a, double b, double end, double price, double decline,
                                          double[] anniversaries) {
        if (b <= a) {
            return 0;
        }
        double[] points = new double[anniversaries.length + 3];
        int n = 0;
        points[n++] = a;
        for (double x : anniversaries) {
            if (x > a && x < b) {
                points[n++] = x;
            }
        }
        if (end > a && end < b) {
            points[n++] = end;
        }
        points[n++] = b;
        java.util.Arrays.sort(points, 0, n);
        double sum = 0;
        double prev = cumulativePrice(start, Math.min(points[0], end), price, decline, anniversaries);
        for (int i = 1; i < n; i++) {
            double cur = cumulativePrice(start, Math.min(points[i], end), price, decline, anniversaries);
            sum += (prev + cur) * 0.5 * (points[i] - points[i - 1]);
            prev = cur;
        }
        return sum;
    }

    private static double cumulativePrice(double start, double x, double price, double decline, double[] anniversaries) {
        double sum = 0;
        double t = start;
        double rate = price;
        for (int k = 0; k <= anniversaries.length && t < x; k++) {
            double segEnd = k < anniversaries.length ? Math.min(anniversaries[k], x) : x;
            if (segEnd > t) {
                sum += rate * (segEnd - t);
                t = segEnd;
            }
            rate *= 1 - decline;
        }
        return sum;
    }
}
