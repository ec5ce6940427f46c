package io.fleetcast.write;

import io.fleetcast.model.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the summary figures, as used for their quantiles in {@link QuantileBands#summaryQuantiles}
 * and in the JSON {@code summary.quantiles} block: {@code total.<metric>}, {@code peak.<metric>},
 * {@code npv_cash_usd}, {@code slot_hours}, {@code usd_per_accelerator_hour}, {@code usd_per_eflop},
 * {@code resolved_accelerators}.
 */
final class SummaryFigures {

    /** The figure of the total resolved count. */
    static final String RESOLVED_ACCELERATORS = "resolved_accelerators";

    private SummaryFigures() {
    }

    /** Every figure name, totals first, then peaks, then the derived figures. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            out.add(total(m));
        }
        for (Metric m : Metric.values()) {
            out.add(peak(m));
        }
        out.addAll(List.of("npv_cash_usd", "slot_hours", "usd_per_accelerator_hour", "usd_per_eflop", RESOLVED_ACCELERATORS));
        return out;
    }

    /** {@code total.<metric>}. */
    static String total(Metric m) {
        return "total." + m.id();
    }

    /** {@code peak.<metric>}. */
    static String peak(Metric m) {
        return "peak." + m.id();
    }
}
