package io.fleetcast.bench.report;

/**
 * Turns a JMH score into a rate per second, whatever the mode and time unit, so that a baseline
 * taken in {@code ops/ms} compares with a result in {@code ops/s}, and "higher is better" holds for
 * every ratio ({@code avgt} 20 ms/op becomes 50 ops/s).
 */
public final class Rates {

    private Rates() {}

    /**
     * The operations per second a score stands for.
     *
     * @param mode JMH mode: {@code thrpt} scores are operations per time unit; {@code avgt},
     *     {@code sample} and {@code ss} scores are time units per operation
     * @param score the score
     * @param unit JMH's unit, {@code ops/<time>} or {@code <time>/op}
     * @return operations per second; NaN when the unit is not one JMH writes
     */
    public static double perSecond(String mode, double score, String unit) {
        int slash = unit.indexOf('/');
        if (slash < 0) {
            return Double.NaN;
        }
        String left = unit.substring(0, slash);
        String right = unit.substring(slash + 1);
        if ("thrpt".equals(mode) && "ops".equals(left)) {
            double seconds = seconds(right);
            return score / seconds;
        }
        if ("op".equals(right)) {
            double seconds = seconds(left) * score;
            return seconds > 0 ? 1.0 / seconds : Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * The operations per second of a result's primary score.
     *
     * @param result the result; not modified
     * @return operations per second, or NaN for a unit JMH does not write
     */
    public static double perSecond(JmhResult result) {
        return perSecond(result.mode(), result.primary().score(), result.primary().unit());
    }

    /**
     * Seconds in one of JMH's time-unit abbreviations ({@code TimeUnit} as JMH prints it).
     *
     * @param unit {@code ns}, {@code us}, {@code ms}, {@code s}, {@code min}, {@code hr} or {@code day}
     * @return the seconds in one such unit; NaN for anything else
     */
    static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us", "\u00b5s" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            case "hr" -> 3600.0;
            case "day" -> 86400.0;
            default -> Double.NaN;
        };
    }

    /**
     * Formats a rate with an SI prefix and three significant figures: 1.234e8 gives "123 M".
     *
     * @param value a non-negative number
     * @return the number with its prefix, for example "123 M", "4.56 k", "12.0"
     */
    public static String si(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        String[] prefixes = {"", " k", " M", " G", " T"};
        int index = 0;
        while (abs >= 1000 && index < prefixes.length - 1) {
            abs /= 1000;
            value /= 1000;
            index++;
        }
        return significant(value) + prefixes[index];
    }

    /**
     * Three significant figures without an exponent for the usual range of benchmark figures.
     *
     * @param value the number
     * @return for example "123", "12.3", "1.23", "0.123"
     */
    public static String significant(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(java.util.Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1 || abs == 0) {
            return String.format(java.util.Locale.ROOT, "%.2f", value);
        }
        if (abs >= 0.001) {
            return String.format(java.util.Locale.ROOT, "%.3g", value);
        }
        return String.format(java.util.Locale.ROOT, "%.2e", value);
    }
}
