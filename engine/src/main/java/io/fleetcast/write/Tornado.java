package io.fleetcast.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A one-at-a-time sensitivity of one output to each uncertain input, for the report's tornado section:
 * every input is set to its low and its high value (typically its P10 and P90) with the others at their
 * base values, and the output recorded. Like {@link QuantileBands} this is a plain value the command
 * line fills from the analysis result; {@code io.fleetcast.analyse} does not depend on it.
 *
 * @param output    the output's name: a summary figure such as {@code total.tco_usd} or
 *                  {@code npv_cash_usd}; its unit suffix ({@code _usd}, {@code _mwh}) sets the display unit
 * @param base      the output with every input at its base value
 * @param lowLabel  what the low setting is, e.g. {@code P10}
 * @param highLabel what the high setting is, e.g. {@code P90}
 * @param bars      one bar per input, in any order (the report sorts them by swing)
 */
public record Tornado(String output, double base, String lowLabel, String highLabel, List<Bar> bars) {

    /**
     * One input's effect.
     *
     * @param input        the input's path, e.g. {@code accelerators.mi450.capex}
     * @param unit         the base unit of the input values, e.g. {@code USD}; empty for dimensionless
     * @param lowInput     the input's low value
     * @param highInput    the input's high value
     * @param outputAtLow  the output with the input at its low value
     * @param outputAtHigh the output with the input at its high value
     */
    public record Bar(String input, String unit, double lowInput, double highInput, double outputAtLow, double outputAtHigh) {

        /** Checks the names are present. */
        public Bar {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(unit, "unit");
        }

        /** How far the output moves between the two settings: {@code |outputAtHigh - outputAtLow|}. */
        public double swing() {
            return Math.abs(outputAtHigh - outputAtLow);
        }
    }

    /** Checks the names are present and copies the bars. */
    public Tornado {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(lowLabel, "lowLabel");
        Objects.requireNonNull(highLabel, "highLabel");
        bars = List.copyOf(bars);
    }

    /** The bars, largest swing first (ties keep their order). */
    public List<Bar> bySwing() {
        List<Bar> sorted = new ArrayList<>(bars);
        sorted.sort(Comparator.comparingDouble(Bar::swing).reversed());
        return sorted;
    }
}
