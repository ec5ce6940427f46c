package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import io.fleetcast.model.Confidence;
import io.fleetcast.model.Provenance;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Readers for the scalar values of the format (texts, ids, keywords, dates, quantities, sourced figures).
 * Each reports what is wrong with its node and returns {@code null}, so a caller goes on reading the rest
 * of the file and every problem is found in one pass.
 */
final class Values {
    /** Ids: lower-case letters, digits and dashes (dots separate the parts of uncertainty paths). */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    static final String DATE_FORMS = "a date YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)";
    private static final List<String> SOURCED_KEYS = List.of("value", "source", "confidence", "note");

    private Values() {
    }

    /** The text of a scalar node, or {@code null} after reporting that it is not one or is empty. */
    static String scalar(Problems p, Node node, String path, String expected) {
        if (!(node instanceof ScalarNode s)) {
            p.at(node, path, "expected " + expected + ", not a " + (node instanceof SequenceNode ? "list" : "mapping"));
            return null;
        }
        if (s.getValue().isBlank() && s.getTag().equals(Tag.NULL)) {
            p.add(node, path, "(empty)", "expected " + expected);
            return null;
        }
        return s.getValue();
    }

    /** A text field; {@code null} when absent (reported when required) or wrong. */
    static String text(Fields f, String key, boolean required, String expected) {
        Node n = f.get(key);
        if (n == null) {
            if (required) {
                f.problems().missing(f.node(), f.path(key), expected);
            }
            return null;
        }
        return scalar(f.problems(), n, f.path(key), expected);
    }

    /** An id field ({@link #ID}). */
    static String id(Fields f, String key, boolean required, String expected) {
        String s = text(f, key, required, expected);
        if (s != null && !ID.matcher(s).matches()) {
            f.problems().at(f.get(key), f.path(key), "expected " + expected + ": lower-case letters, digits and dashes");
            return null;
        }
        return s;
    }

    /** A keyword field mapped to an enum constant by its lower-case name; {@code fallback} when absent. */
    static <E extends Enum<E>> E keyword(Fields f, String key, Class<E> type, E fallback) {
        Node n = f.get(key);
        if (n == null) {
            return fallback;
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        String s = scalar(f.problems(), n, f.path(key), "one of " + names);
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(s)) {
                return e;
            }
        }
        f.problems().at(n, f.path(key), "expected one of " + names);
        return null;
    }

    /** A boolean field ({@code true} or {@code false}); {@code fallback} when absent, {@code null} when wrong. */
    static Boolean bool(Fields f, String key, Boolean fallback) {
        Node n = f.get(key);
        if (n == null) {
            return fallback;
        }
        String s = scalar(f.problems(), n, f.path(key), "true or false");
        if (s == null) {
            return null;
        }
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        f.problems().at(n, f.path(key), "expected true or false");
        return null;
    }

    /** A whole number in [min, max]; {@code null} when absent or wrong. */
    static Long integer(Fields f, String key, long min, long max, String expected) {
        Node n = f.get(key);
        if (n == null) {
            return null;
        }
        String s = scalar(f.problems(), n, f.path(key), expected);
        if (s == null) {
            return null;
        }
        try {
            long v = Long.parseLong(s.replace("_", ""));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        f.problems().at(n, f.path(key), "expected " + expected);
        return null;
    }

    /** A date field in UTC ({@link #DATE_FORMS}); {@code null} when absent (reported when required) or wrong. */
    static LocalDateTime date(Fields f, String key, boolean required) {
        Node n = f.get(key);
        if (n == null) {
            if (required) {
                f.problems().missing(f.node(), f.path(key), DATE_FORMS);
            }
            return null;
        }
        String s = scalar(f.problems(), n, f.path(key), DATE_FORMS);
        if (s == null) {
            return null;
        }
        LocalDateTime d = parseDate(s);
        if (d == null) {
            f.problems().at(n, f.path(key), "expected " + DATE_FORMS);
        }
        return d;
    }

    /** A date in one of the accepted forms, or {@code null} when it is not one or does not exist (2026-02-30). */
    static LocalDateTime parseDate(String s) {
        try {
            if (YEAR_MONTH.matcher(s).matches()) {
                return YearMonth.parse(s).atDay(1).atStartOfDay();
            }
            if (DATE.matcher(s).matches()) {
                return LocalDate.parse(s).atStartOfDay();
            }
            if (DATE_TIME.matcher(s).matches()) {
                return LocalDateTime.parse(s);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * A quantity written in {@code node}, checked against the spec's dimension (not its range).
     *
     * @return the quantity, or {@code null} after reporting the problem
     */
    static Quantity quantity(Problems p, Node node, String path, Spec spec) {
        String s = scalar(p, node, path, spec.expectation());
        if (s == null) {
            return null;
        }
        Quantity q;
        try {
            q = Quantity.parse(s);
        } catch (IllegalArgumentException e) {
            p.at(node, path, e.getMessage() + "; expected " + spec.expectation());
            return null;
        }
        if (!spec.accepts(q.unit())) {
            String is = q.unit() == Unit.PLAIN ? "a number without a unit" : "'" + q.unit().symbol() + "' is "
                    + q.dimension().description();
            p.at(node, path, is + "; expected " + spec.expectation());
            return null;
        }
        return q;
    }

    /** Checks a quantity against the spec's range (calendar durations at their nominal length). */
    static boolean inRange(Problems p, Node node, String path, Spec spec, Quantity q) {
        if (!spec.range().contains(q.base())) {
            p.at(node, path, "out of range; expected " + spec.expectation());
            return false;
        }
        return true;
    }

    /**
     * A numeric field, plain ({@code capex: 55000 USD}) or sourced
     * ({@code capex: { value: 55000 USD, source: ..., confidence: reported, note: ... }}).
     *
     * @return the figure, or {@code null} when absent (reported when required) or wrong
     */
    static Figure figure(Fields f, Spec spec) {
        Node n = f.get(spec.key());
        String path = f.path(spec.key());
        if (n == null) {
            if (spec.required()) {
                f.problems().missing(f.node(), path, spec.expectation());
            }
            return null;
        }
        Sourced s = sourced(f.problems(), n, path, spec.expectation());
        if (s == null) {
            return null;
        }
        Quantity q = quantity(f.problems(), s.value, s.path, spec);
        if (q == null || !inRange(f.problems(), s.value, s.path, spec, q)) {
            return null;
        }
        return new Figure(q, null, null, s.provenance, s.value, f.problems());
    }

    /** The PUE field: one number or twelve monthly numbers (January first), each at least 1, plain or sourced. */
    static Figure pue(Fields f, String key, boolean required) {
        Node n = f.get(key);
        String path = f.path(key);
        String expected = "a PUE in [1, 100], or a list of 12 monthly PUE values (January first)";
        if (n == null) {
            if (required) {
                f.problems().missing(f.node(), path, expected);
            }
            return null;
        }
        Sourced s = sourced(f.problems(), n, path, expected);
        if (s == null) {
            return null;
        }
        Spec one = Spec.required(key, Dimension.NUMBER, Range.PUE);
        double[] values = new double[12];
        if (s.value instanceof SequenceNode seq) {
            List<Node> items = seq.getValue();
            if (items.size() != 12) {
                f.problems().at(s.value, s.path, "expected 12 monthly values (January first) or a single value");
                return null;
            }
            boolean ok = true;
            for (int i = 0; i < 12; i++) {
                String itemPath = s.path + "[" + i + "]";
                Quantity q = quantity(f.problems(), items.get(i), itemPath, one);
                if (q == null || !inRange(f.problems(), items.get(i), itemPath, one, q)) {
                    ok = false;
                } else {
                    values[i] = q.base();
                }
            }
            return ok ? new Figure(null, values, null, s.provenance, s.value, f.problems()) : null;
        }
        Quantity q = quantity(f.problems(), s.value, s.path, one);
        if (q == null || !inRange(f.problems(), s.value, s.path, one, q)) {
            return null;
        }
        java.util.Arrays.fill(values, q.base());
        return new Figure(null, values, null, s.provenance, s.value, f.problems());
    }

    /** A value node and its provenance: the node itself (unsourced) or the {@code value} of a sourced mapping. */
    private record Sourced(Node value, String path, Provenance provenance) {
    }

    private static Sourced sourced(Problems p, Node n, String path, String expected) {
        if (!(n instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            return new Sourced(n, path, Provenance.UNSOURCED);
        }
        Fields m = Fields.of(p, n, path, "a sourced figure", SOURCED_KEYS);
        Node value = m.get("value");
        if (value == null) {
            p.missing(n, m.path("value"), expected);
        }
        String source = Values.text(m, "source", false, "the source: a title and address");
        String note = Values.text(m, "note", false, "a note");
        Confidence confidence = null;
        if (m.has("confidence")) {
            Node cn = m.get("confidence");
            String c = scalar(p, cn, m.path("confidence"), "official, reported or estimate");
            if (c != null) {
                switch (c) {
                    case "official" -> confidence = Confidence.OFFICIAL;
                    case "reported" -> confidence = Confidence.REPORTED;
                    case "estimate" -> confidence = Confidence.ESTIMATE;
                    default -> p.at(cn, m.path("confidence"), "expected official, reported or estimate");
                }
            }
        } else if (source != null) {
            p.missing(n, m.path("confidence"), "official, reported or estimate (required with a source)");
        }
        if (value == null) {
            return null;
        }
        Provenance prov = confidence == null && source == null && note == null ? Provenance.UNSOURCED
                : new Provenance(source == null ? "" : source, confidence == null ? Confidence.UNSOURCED : confidence,
                note == null ? "" : note);
        return new Sourced(value, m.path("value"), prov);
    }
}
