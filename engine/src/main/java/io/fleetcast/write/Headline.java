package io.fleetcast.write;

import io.fleetcast.model.Metric;
import io.fleetcast.model.Summary;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The headline figures of a scenario, in the order the report's summary, the comparison table and
 * {@code comparison.csv} show them. Each names the summary figure it reads (as in
 * {@link QuantileBands#summaryQuantiles}), so Monte Carlo quantiles of it can be shown beside it.
 *
 * @param figure    summary figure name, also the {@code comparison.csv} column: {@code peak.facility_power_mw}
 * @param label     what a person reads: {@code Peak facility power}
 * @param unit      unit of the value: {@code MW}
 * @param dimension how to display it
 * @param value     reads it from a summary
 */
public record Headline(String figure, String label, String unit, HumanUnits.Dimension dimension, ToDoubleFunction<Summary> value) {

    /** The headline figures, in display order. */
    public static final List<Headline> ALL = List.of(
            new Headline("resolved_accelerators", "Accelerators (resolved)", "accelerators", HumanUnits.Dimension.COUNT,
                    s -> s.resolvedAccelerators()),
            peak(Metric.ACTIVE, "Peak active accelerators"),
            peak(Metric.FACILITY_POWER_MW, "Peak facility power (period average)"),
            total(Metric.ENERGY_MWH, "Energy"),
            total(Metric.ENERGY_COST_USD, "Energy cost"),
            total(Metric.CAPEX_USD, "IT capex"),
            total(Metric.FACILITY_CAPEX_USD, "Facility capex"),
            total(Metric.LEASE_COST_USD, "Lease cost"),
            total(Metric.CASH_USD, "Cash (capex + facility + energy + lease + repair + opex - resale - vendor consideration)"),
            total(Metric.CONSIDERATION_USD, "Vendor consideration (netted in cash, not in TCO)"),
            total(Metric.BOOK_VALUE_END_USD, "Book value held at the horizon end (IT and facility, not in cash)"),
            total(Metric.CAPITAL_CHARGE_USD, "Capital charge (cost of capital on the capital tied up)"),
            total(Metric.TCO_USD, "TCO (depreciation + capital charge + energy + lease + repair + opex)"),
            new Headline("npv_cash_usd", "NPV of cash", "USD", HumanUnits.Dimension.USD, Summary::npvCashUsd),
            new Headline("usd_per_accelerator_hour", "TCO per accelerator-hour (incl. capital charge)", "USD/h", HumanUnits.Dimension.PLAIN,
                    Summary::usdPerAcceleratorHour),
            total(Metric.COMPUTE_EFLOP, "Delivered compute"),
            total(Metric.FAILURES, "Failures"),
            total(Metric.CO2_OPERATIONAL_T, "Operational emissions"),
            total(Metric.CO2_EMBODIED_T, "Embodied emissions (amortized)"));

    private static Headline total(Metric m, String label) {
        return new Headline(SummaryFigures.total(m), label, m.unit(), HumanUnits.Dimension.ofMetric(m.id()), s -> s.total(m));
    }

    private static Headline peak(Metric m, String label) {
        return new Headline(SummaryFigures.peak(m), label, m.unit(), HumanUnits.Dimension.ofMetric(m.id()), s -> s.peak(m));
    }

    /**
     * The value for people: {@code 6.00 GW}, {@code $38.0B}, {@code 1,793,103}, {@code $2.41/h}.
     *
     * @param v the value in {@link #unit()}
     * @return the text
     */
    public String format(double v) {
        if (figure.equals("resolved_accelerators")) {
            return HumanUnits.count(v);
        }
        if (unit.equals("USD/h")) {
            return "$" + HumanUnits.significant(v) + "/h";
        }
        return HumanUnits.format(v, dimension);
    }
}
