package io.fleetcast.write;

import java.util.Locale;

/**
 * Formats model quantities for people: {@code 6.00 GW}, {@code 52.6 TWh}, {@code $38.0B},
 * {@code 12.3 MtCO2e}. The input is always in the unit of the metric's name ({@code _mw} values in
 * MW, {@code _mwh} in MWh, {@code _usd} in USD, {@code _t} in tCO2e, {@code _eflop} in EFLOP); the
 * output picks the prefix that keeps 1 to 3 integer digits and shows three significant digits.
 * Output files keep exact base values; this class is for the console, chart axes and report tables.
 *
 * <p>Everything is formatted with {@link Locale#ROOT} so output does not depend on the machine.
 */
public final class HumanUnits {

    /** What a number measures, as far as choosing its display unit is concerned. */
    public enum Dimension {
        /** A count of accelerators or events (no unit). */
        COUNT("", new double[] {1e9, 1e6, 1e3, 1}, new String[] {"B", "M", "k", ""}),
        /** Power given in MW. */
        POWER_MW("MW", new double[] {1e3, 1, 1e-3}, new String[] {"GW", "MW", "kW"}),
        /** Energy given in MWh. */
        ENERGY_MWH("MWh", new double[] {1e6, 1e3, 1, 1e-3}, new String[] {"TWh", "GWh", "MWh", "kWh"}),
        /** Money given in USD. */
        USD("USD", new double[] {1e12, 1e9, 1e6, 1e3, 1}, new String[] {"T", "B", "M", "k", ""}),
        /** Emissions given in tonnes of CO2e. */
        CO2_T("tCO2e", new double[] {1e9, 1e6, 1e3, 1}, new String[] {"GtCO2e", "MtCO2e", "ktCO2e", "tCO2e"}),
        /**
         * Delivered compute given in EFLOP (1e18 floating-point operations). Fleets deliver 1e27 to 1e31
         * FLOP, beyond the prefixes people know (ronna, quetta), so large values use powers of ten.
         */
        COMPUTE_EFLOP("EFLOP", new double[] {1e15, 1e12, 1e9, 1e6, 1e3, 1},
                new String[] {"x1e33 FLOP", "x1e30 FLOP", "x1e27 FLOP", "x1e24 FLOP", "ZFLOP", "EFLOP"}),
        /** A plain number with no scaling (fractions, prices per unit). */
        PLAIN("", new double[] {1}, new String[] {""});

        private final String baseUnit;
        private final double[] factors;
        private final String[] labels;

        Dimension(String baseUnit, double[] factors, String[] labels) {
            this.baseUnit = baseUnit;
            this.factors = factors;
            this.labels = labels;
        }

        /** The unit the values of this dimension are given in ({@code MW}, {@code USD}, ...). */
        public String baseUnit() {
            return baseUnit;
        }

        /**
         * The dimension of a metric, from the unit suffix its name carries by convention
         * ({@code facility_power_mw}, {@code energy_mwh}, {@code tco_usd}, {@code co2_operational_t},
         * {@code compute_eflop}); names without a unit suffix ({@code active}, {@code failures}) are counts.
         *
         * @param metricName the metric's snake_case name
         * @return its dimension
         */
        public static Dimension ofMetric(String metricName) {
            if (metricName.endsWith("_mwh")) {
                return ENERGY_MWH;
            }
            if (metricName.endsWith("_mw")) {
                return POWER_MW;
            }
            if (metricName.endsWith("_usd")) {
                return USD;
            }
            if (metricName.endsWith("_t")) {
                return CO2_T;
            }
            if (metricName.endsWith("_eflop")) {
                return COMPUTE_EFLOP;
            }
            return COUNT;
        }
    }

    /**
     * A display scale: divide by {@code factor}, then append {@code label}. Charts pick one scale per
     * axis from the largest value so every tick uses the same unit.
     *
     * @param dimension what is measured
     * @param factor    values in the base unit are divided by this
     * @param label     the display unit, e.g. {@code GW} or {@code $B}; empty for plain counts
     */
    public record Scale(Dimension dimension, double factor, String label) {

        /** The value in this scale's unit. */
        public double apply(double baseValue) {
            return baseValue / factor;
        }
    }

    private HumanUnits() {
    }

    /**
     * The scale whose unit keeps {@code |magnitude|} between 1 and 1000 (or the smallest unit for
     * smaller values).
     *
     * @param dimension what is measured
     * @param magnitude a representative value in the base unit, typically the largest of a series
     * @return the scale to display it in
     */
    public static Scale scaleFor(Dimension dimension, double magnitude) {
        double m = Math.abs(magnitude);
        int last = dimension.factors.length - 1;
        int chosen = last;
        for (int i = 0; i <= last; i++) {
            // 999.5 and up would round to "1000" in three significant digits, so it belongs to the next unit
            if (m >= dimension.factors[i] * 0.9995) {
                chosen = i;
                break;
            }
        }
        if (!Double.isFinite(m) || m == 0) {
            // nothing to scale: show the base unit itself (0 MW, $0)
            for (int i = 0; i <= last; i++) {
                if (dimension.factors[i] == 1) {
                    chosen = i;
                }
            }
        }
        String label = dimension.labels[chosen];
        if (dimension == Dimension.USD) {
            label = "$" + label;
        }
        return new Scale(dimension, dimension.factors[chosen], label);
    }

    /**
     * Formats a value in the base unit of its dimension with a fitting prefix and three significant
     * digits: {@code format(6000, POWER_MW)} is {@code "6.00 GW"}, {@code format(38e9, USD)} is
     * {@code "$38.0B"}, {@code format(1234567, COUNT)} is {@code "1.23 M"}.
     *
     * @param baseValue value in the dimension's base unit
     * @param dimension what it measures
     * @return the text; {@code "n/a"} for NaN or infinity (which should never reach an output)
     */
    public static String format(double baseValue, Dimension dimension) {
        if (!Double.isFinite(baseValue)) {
            return "n/a";
        }
        if (dimension == Dimension.PLAIN) {
            return significant(baseValue);
        }
        Scale scale = scaleFor(dimension, baseValue);
        String number = significant(scale.apply(baseValue));
        if (dimension == Dimension.COMPUTE_EFLOP && scale.label().startsWith("x1e")) {
            return number + "e" + scale.label().substring(3);
        }
        if (dimension == Dimension.USD) {
            String sign = number.startsWith("-") ? "-" : "";
            return sign + "$" + number.substring(sign.length()) + scale.label().substring(1);
        }
        if (scale.label().isEmpty()) {
            return number;
        }
        return number + " " + scale.label();
    }

    /**
     * Formats a metric value given in the unit its name carries ({@link Dimension#ofMetric}).
     *
     * @param baseValue  value in the metric's unit
     * @param metricName the metric's name, e.g. {@code energy_mwh}
     * @return the text
     */
    public static String formatMetric(double baseValue, String metricName) {
        return format(baseValue, Dimension.ofMetric(metricName));
    }

    /**
     * A whole count with thousands separators, e.g. {@code 1,793,103}: resolved fleet sizes are
     * answers in themselves, so they are shown in full rather than as {@code 1.79 M}.
     *
     * @param count a count, rounded to the nearest integer
     * @return the text
     */
    public static String count(double count) {
        if (!Double.isFinite(count)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,d", Math.round(count));
    }

    /**
     * Engineering notation with three significant digits, the exponent a multiple of 3: {@code 1.23e18},
     * {@code 456e-12}. Extreme magnitudes (beyond 1e15 or below 1e-9) print this way instead of as a
     * 300-digit string.
     *
     * @param value a finite, non-zero number
     * @return the text
     */
    public static String engineering(double value) {
        double a = Math.abs(value);
        int exp = (int) Math.floor(Math.log10(a) / 3) * 3;
        double mantissa = a / Math.pow(10, exp);
        if (mantissa >= 999.5) {
            exp += 3;
            mantissa /= 1000;
        } else if (mantissa < 1) {
            exp -= 3;
            mantissa *= 1000;
        }
        int decimals = mantissa >= 99.95 ? 0 : mantissa >= 9.995 ? 1 : 2;
        return (value < 0 ? "-" : "") + String.format(Locale.ROOT, "%." + decimals + "f", mantissa) + "e" + exp;
    }

    /**
     * A number with three significant digits and no exponent (engineering notation beyond 1e15 or below 1e-9): {@code 6.00}, {@code 52.6},
     * {@code 412}, {@code 0.0123}; values of 1000 and more keep all their integer digits.
     *
     * @param value any finite number
     * @return the text
     */
    public static String significant(double value) {
        double a = Math.abs(value);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e15 || a < 1e-9) {
            return engineering(value);
        }
        int decimals;
        if (a >= 99.95) {
            decimals = 0;
        } else if (a >= 9.995) {
            decimals = 1;
        } else if (a >= 0.9995) {
            decimals = 2;
        } else {
            // e.g. 0.0123: digits after the point = leading zeros + 3
            decimals = Math.min(12, 2 - (int) Math.floor(Math.log10(a)));
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
