package io.fleetcast.write;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Site;
import io.fleetcast.model.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog and site figures a scenario uses, each with its YAML field name, base unit and
 * provenance: the "inputs as resolved" of the JSON file and the report's assumptions table. Only the
 * accelerators and sites some deployment uses are listed, in order of first use.
 */
public final class Figures {

    /**
     * One figure.
     *
     * @param field      the YAML field name, e.g. {@code all-in-power} (the key of the provenance map)
     * @param values     the value in the base unit; twelve values for a monthly PUE
     * @param unit       the base unit, e.g. {@code W}; empty for dimensionless figures
     * @param provenance where it comes from; {@link Provenance#UNSOURCED} when the file gave no source
     *                   (or the field took its default)
     */
    public record Figure(String field, double[] values, String unit, Provenance provenance) {
    }

    private Figures() {
    }

    /**
     * The accelerators the deployments use, in order of first use.
     *
     * @param s the scenario
     * @return id to accelerator
     */
    public static Map<String, Accelerator> usedAccelerators(Scenario s) {
        Map<String, Accelerator> out = new LinkedHashMap<>();
        for (Deployment d : s.deployments()) {
            out.putIfAbsent(d.acceleratorId(), s.acceleratorOf(d));
        }
        return out;
    }

    /**
     * The sites the deployments use, in order of first use.
     *
     * @param s the scenario
     * @return id to site
     */
    public static Map<String, Site> usedSites(Scenario s) {
        Map<String, Site> out = new LinkedHashMap<>();
        for (Deployment d : s.deployments()) {
            out.putIfAbsent(d.siteId(), s.siteOf(d));
        }
        return out;
    }

    /**
     * Every figure of a catalog entry, in the order of the field table ({@link ModelField}); an optional
     * figure at its default of 0 without a source (a precision the part does not support, an unknown lease
     * price) or absent (NaN: no mfu) is left out.
     *
     * @param a the accelerator
     * @return its figures, in field order
     */
    public static List<Figure> of(Accelerator a) {
        List<Figure> f = new ArrayList<>();
        Map<String, Provenance> p = a.provenance();
        for (ModelField m : ModelField.of(ModelField.Owner.ACCELERATOR)) {
            double v = a.get(m);
            // NaN: an optional figure that is absent (mfu); never written
            if (!Double.isNaN(v) && (m.required() || m.defaultValue() != 0 || v != 0 || p.containsKey(m.yamlName()))) {
                add(f, p, m.yamlName(), v, m.unit());
            }
        }
        return f;
    }

    /**
     * Every figure of a site: the PUE, then the field table's ({@link ModelField}).
     *
     * @param s the site
     * @return its figures, in field order
     */
    public static List<Figure> of(Site s) {
        List<Figure> f = new ArrayList<>();
        Map<String, Provenance> p = s.provenance();
        double[] pue = s.monthlyPue();
        boolean flat = true;
        for (double v : pue) {
            flat &= v == pue[0];
        }
        f.add(new Figure("pue", flat ? new double[] {pue[0]} : pue, "", p.getOrDefault("pue", Provenance.UNSOURCED)));
        for (ModelField m : ModelField.of(ModelField.Owner.SITE)) {
            add(f, p, m.yamlName(), s.get(m), m.unit());
        }
        return f;
    }

    private static void add(List<Figure> f, Map<String, Provenance> p, String field, double value, String unit) {
        f.add(new Figure(field, new double[] {value}, unit, p.getOrDefault(field, Provenance.UNSOURCED)));
    }

    /**
     * A figure for people: {@code 2,900 W}, {@code $55,000}, {@code 6 years (52,596 h)}, {@code 11 %/year}.
     *
     * @param f the figure
     * @return the text
     */
    public static String display(Figure f) {
        double[] v = f.values();
        if (v.length > 1) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                b.append(i == 0 ? "" : " ").append(plain(v[i]));
            }
            return b + " (Jan to Dec)";
        }
        return display(v[0], f.unit());
    }

    /**
     * A value in a base unit for people (see {@link #display(Figure)}).
     *
     * @param v    the value
     * @param unit its base unit, e.g. {@code USD}, {@code h}, {@code 1/year}; empty when dimensionless
     * @return the text
     */
    public static String display(double v, String unit) {
        return switch (unit) {
            case "USD" -> "$" + plain(v);
            case "h" -> duration(v);
            case "1/year" -> plain(v * 100) + " %/year";
            case "" -> plain(v);
            default -> plain(v) + " " + unit;
        };
    }

    /**
     * A duration in hours for people, with the exact hours: {@code 6 years (52,596 h)},
     * {@code 6.05 months (4,416 h)}, {@code 72 h}. A year is 8,766 h and a month 730.5 h here, as for
     * durations without a calendar anchor.
     *
     * @param hours the duration in hours
     * @return the text
     */
    public static String duration(double hours) {
        double a = Math.abs(hours);
        if (a >= 2 * Units.HOURS_PER_YEAR) {
            return round2(hours / Units.HOURS_PER_YEAR) + " years (" + plain(hours) + " h)";
        }
        if (a >= 2 * Units.HOURS_PER_MONTH) {
            return round2(hours / Units.HOURS_PER_MONTH) + " months (" + plain(hours) + " h)";
        }
        return plain(hours) + " h";
    }

    private static String round2(double v) {
        String s = String.format(Locale.ROOT, "%,.2f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Up to four decimals, thousands separated, trailing zeros dropped: {@code 52,596}, {@code 0.11}.
     *
     * @param v the value
     * @return the text
     */
    public static String plain(double v) {
        String s = String.format(Locale.ROOT, "%,.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
