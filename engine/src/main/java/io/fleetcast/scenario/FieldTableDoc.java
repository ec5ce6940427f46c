package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import io.fleetcast.model.ModelField;
import io.fleetcast.model.Units;
import java.util.Locale;

/**
 * The field tables of {@code docs/scenario-format.md}, rendered from the field table {@link ModelField}
 * (a test checks that the doc holds exactly these, and regenerates them on request).
 */
public final class FieldTableDoc {
    /** The line that opens a generated table in the doc; the owner's segment follows, e.g. {@code accelerators}. */
    public static final String BEGIN = "<!-- field-table:";
    /** The line that closes a generated table. */
    public static final String END = "<!-- /field-table -->";

    private FieldTableDoc() {
    }

    /**
     * The markdown table of an owner's fields: name, units, valid values, default, meaning.
     *
     * @param owner the kind of record
     * @return the table, one line per field, each ending in a newline
     */
    public static String markdown(ModelField.Owner owner) {
        StringBuilder b = new StringBuilder();
        b.append("| field | written in | valid values | default | meaning |\n");
        b.append("| --- | --- | --- | --- | --- |\n");
        for (ModelField f : ModelField.of(owner)) {
            String units = Unit.expectation(f.dimension());
            if (f.alternative() != null) {
                units += " or " + Unit.expectation(f.alternative());
            }
            String only = f.only() == null ? "" : f.only().name().toLowerCase(Locale.ROOT) + " only; ";
            b.append("| `").append(f.yamlName()).append("` | ").append(units).append(" | ")
                    .append(f.bounds().text).append(" | ").append(defaultText(f)).append(" | ")
                    .append(only).append(f.doc()).append(" |\n");
        }
        return b.toString();
    }

    private static String defaultText(ModelField f) {
        if (f.required()) {
            return "required";
        }
        double v = f.defaultValue();
        if (Double.isNaN(v)) {
            return "see meaning";
        }
        if (f.dimension() == Dimension.DURATION && v != 0) {
            double years = v / Units.HOURS_PER_YEAR;
            return years == Math.rint(years) ? (long) years + " years" : plain(v) + " h";
        }
        if (f.dimension() == Dimension.YEARLY_RATE) {
            return plain(v * 100) + " %/year";
        }
        return plain(v);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
