package io.fleetcast.write;

import io.fleetcast.calibrate.Calibration;
import io.fleetcast.scenario.Anchor;
import java.util.List;
import java.util.Locale;

/**
 * Renders fleetcast's answers to the public anchors as the Markdown table of {@code docs/calibration.md}: one row
 * per anchor with the published figure, its source, date and confidence, fleetcast's answer and how it is made up,
 * the distance from the published range, the band the tests enforce, and why fleetcast lands there.
 */
public final class CalibrationTable {
    private CalibrationTable() {
    }

    /**
     * The table, ending with a newline.
     *
     * @param findings the answers, in anchor order
     * @return Markdown text
     */
    public static String markdown(List<Calibration.Finding> findings) {
        StringBuilder b = new StringBuilder();
        b.append("| anchor | published | source, date, confidence | fleetcast | distance from the published range"
                + " | must hold (tested) | why |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Calibration.Finding f : findings) {
            Anchor a = f.anchor();
            b.append("| ").append(cell("**" + a.id() + "**: " + a.question()))
                    .append(" | ").append(cell(a.figure()))
                    .append(" | ").append(cell(a.source() + "; " + date(a) + "; " + a.confidence()))
                    .append(" | ").append(cell("**" + value(a, f.value()) + "** (" + f.detail() + ")"))
                    .append(" | ").append(cell(distance(f)))
                    .append(" | ").append(cell((f.holds() ? "yes, " : "**NO**, ") + value(a, a.holdLow()) + " to "
                            + value(a, a.holdHigh())))
                    .append(" | ").append(cell(a.explains()))
                    .append(" |\n");
        }
        int held = 0;
        for (Calibration.Finding f : findings) {
            held += f.holds() ? 1 : 0;
        }
        b.append('\n').append(held).append(" of ").append(findings.size())
                .append(" answers inside their must-hold band.\n");
        return b.toString();
    }

    /** The answer (or a bound) in the measure's unit, three significant digits. */
    public static String value(Anchor a, double v) {
        return switch (a.measure().kind().dimension()) {
            case MONEY -> HumanUnits.format(v, HumanUnits.Dimension.USD);
            case PRICE_PER_HOUR -> "$" + HumanUnits.significant(v) + "/h";
            case FRACTION -> String.format(Locale.ROOT, "%.1f %%", v * 100);
            case POWER -> HumanUnits.format(v / 1e6, HumanUnits.Dimension.POWER_MW);
            default -> a.measure().kind() == Anchor.Kind.ACCELERATORS_PER_FACILITY_GW ? HumanUnits.count(v)
                    : HumanUnits.significant(v);
        };
    }

    /** "inside", or "+12 % above" / "-8 % below" the published range. */
    public static String distance(Calibration.Finding f) {
        double d = f.distance();
        if (d == 0) {
            return "inside";
        }
        // one decimal below 10 %, so a small miss never reads "-0 %"
        String pattern = Math.abs(d) < 0.1 ? "%+.1f %% %s" : "%+.0f %% %s";
        return String.format(Locale.ROOT, pattern, d * 100, d > 0 ? "above" : "below");
    }

    private static String date(Anchor a) {
        return a.date().toLocalDate().toString().substring(0, 7);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
