package io.fleetcast.model;

import java.util.Objects;

/**
 * The headline numbers of a projection over its whole horizon, for all deployments together.
 *
 * @param totals                  per metric (indexed by {@link Metric#ordinal()}): the sum over the horizon
 *                                for a flow, the hour-weighted average over the horizon for a level
 * @param peaks                   per metric: the largest period value (for levels: the highest period
 *                                average, e.g. the peak monthly-average facility power)
 * @param npvCashUsd              net present value of the cash flows at the scenario's discount rate, each
 *                                period's cash discounted from its midpoint to the scenario start with
 *                                {@code (1 + rate)^(hours / 8766)}
 * @param slotHours               contracted accelerator-hours over the horizon (slots in service, up or down)
 * @param usdPerAcceleratorHour   {@code tco_usd / slotHours}; 0 when there are no slot-hours
 * @param usdPerEflop             {@code tco_usd / compute_eflop}; 0 when no compute is delivered
 * @param resolvedAccelerators    the sum of the resolved counts of all deployments
 * @param discountRatePerYear     the rate used for {@code npvCashUsd}
 */
public record Summary(
        double[] totals,
        double[] peaks,
        double npvCashUsd,
        double slotHours,
        double usdPerAcceleratorHour,
        double usdPerEflop,
        long resolvedAccelerators,
        double discountRatePerYear) {

    /** Checks the array lengths and copies them so the record stays immutable. */
    public Summary {
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(peaks, "peaks");
        if (totals.length != Metric.COUNT || peaks.length != Metric.COUNT) {
            throw new IllegalArgumentException("a summary needs " + Metric.COUNT + " totals and peaks");
        }
        totals = totals.clone();
        peaks = peaks.clone();
    }

    /**
     * The summary of a total-grouped cube.
     *
     * @param total                a cube with a single group (any grouping works: groups are summed)
     * @param discountRatePerYear  the yearly discount rate for the NPV of cash
     * @param resolvedAccelerators the sum of the resolved counts
     * @return the summary
     */
    public static Summary of(MetricCube total, double discountRatePerYear, long resolvedAccelerators) {
        MetricCube t = total.groups().size() == 1 ? total
                : total.rollUp(Grouping.TOTAL, allTo(total));
        Timeline tl = t.timeline();
        double[] totals = new double[Metric.COUNT];
        double[] peaks = new double[Metric.COUNT];
        for (Metric m : Metric.values()) {
            totals[m.ordinal()] = t.total(m, 0);
            peaks[m.ordinal()] = t.peak(m, 0);
        }
        double npv = 0;
        double slotHours = 0;
        for (int p = 0; p < tl.periods(); p++) {
            double years = tl.midHour(p) / Units.HOURS_PER_YEAR;
            npv += t.value(Metric.CASH_USD, 0, p) / Math.pow(1 + discountRatePerYear, years);
            slotHours += t.value(Metric.SLOTS, 0, p) * tl.hours(p);
        }
        double tco = totals[Metric.TCO_USD.ordinal()];
        double eflop = totals[Metric.COMPUTE_EFLOP.ordinal()];
        double perHour = slotHours > 0 ? finite(tco / slotHours, "$/accelerator-hour", tco, slotHours, "slot-hours") : 0;
        double perEflop = eflop > 0 ? finite(tco / eflop, "$/EFLOP", tco, eflop, "EFLOP") : 0;
        for (Metric m : Metric.values()) {
            finite(totals[m.ordinal()], "the total of " + m.id(), Double.NaN, Double.NaN, "");
        }
        finite(npv, "the NPV of cash", Double.NaN, Double.NaN, "");
        return new Summary(totals, peaks, npv, slotHours, perHour, perEflop, resolvedAccelerators, discountRatePerYear);
    }

    /**
     * Returns a summary figure when it is finite. No NaN or infinity reaches an output (DESIGN.md): a ratio whose
     * denominator is positive but tiny (a utilization of 1e-320 gives 1e-300 EFLOP) overflows, and fails here.
     */
    private static double finite(double v, String what, double numerator, double denominator, String unit) {
        if (!Double.isFinite(v)) {
            throw new ArithmeticException(what + " is " + v + (Double.isNaN(numerator) ? ""
                    : " (tco " + numerator + " USD / " + denominator + " " + unit + ")"));
        }
        return v;
    }

    private static java.util.Map<String, String> allTo(MetricCube cube) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String g : cube.groups()) {
            m.put(g, Grouping.TOTAL_GROUP);
        }
        return m;
    }

    /**
     * The total of a metric over the horizon (sum of a flow, hour-weighted average of a level).
     *
     * @param metric the metric
     * @return the total
     */
    public double total(Metric metric) {
        return totals[metric.ordinal()];
    }

    /**
     * The largest period value of a metric.
     *
     * @param metric the metric
     * @return the peak
     */
    public double peak(Metric metric) {
        return peaks[metric.ordinal()];
    }

    /** The totals per metric, indexed by {@link Metric#ordinal()} (a copy). */
    @Override
    public double[] totals() {
        return totals.clone();
    }

    /** The peaks per metric, indexed by {@link Metric#ordinal()} (a copy). */
    @Override
    public double[] peaks() {
        return peaks.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && java.util.Arrays.equals(totals, s.totals) && java.util.Arrays.equals(peaks, s.peaks)
                && Double.compare(npvCashUsd, s.npvCashUsd) == 0 && Double.compare(slotHours, s.slotHours) == 0
                && Double.compare(usdPerAcceleratorHour, s.usdPerAcceleratorHour) == 0
                && Double.compare(usdPerEflop, s.usdPerEflop) == 0 && resolvedAccelerators == s.resolvedAccelerators
                && Double.compare(discountRatePerYear, s.discountRatePerYear) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(totals), npvCashUsd, resolvedAccelerators);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Summary[");
        for (Metric m : Metric.values()) {
            b.append(m.id()).append('=').append(totals[m.ordinal()]).append(", ");
        }
        return b.append("npv_cash_usd=").append(npvCashUsd).append(", usd_per_accelerator_hour=")
                .append(usdPerAcceleratorHour).append(", usd_per_eflop=").append(usdPerEflop).append(']').toString();
    }
}
