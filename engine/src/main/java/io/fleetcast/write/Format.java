package io.fleetcast.write;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of output file {@code fleetcast run --out} can write. */
public enum Format {
    /** {@code results-long.csv} and {@code results-wide.csv} (and {@code comparison.csv}). */
    CSV("the engine"),
    /** {@code results.json}. */
    JSON("the engine"),
    /** {@code report.html} (and {@code comparison.html}). */
    HTML(Format.REPORT),
    /** Every chart of the report as {@code charts/NAME.png}, for slides and documents. */
    PNG(Format.REPORT),
    /**
     * {@code results-long.parquet}: the rows and columns of {@code results-long.csv} as a typed Parquet table; written
     * by the Parquet module ({@code fleetcast-parquet}), kept out of the engine and the command line for its size.
     */
    PARQUET("the Parquet module (fleetcast-parquet)");

    private static final String REPORT = "the report module (fleetcast-cli)";

    private final String module;

    Format(String module) {
        this.module = module;
    }

    /**
     * Who writes this format: the engine itself, or the module whose {@link FormatWriter} must be on the class path.
     *
     * @return a phrase such as {@code the report module (fleetcast-cli)}
     */
    public String module() {
        return module;
    }

    /** The formats written when none are named: csv, json and html. */
    public static final Set<Format> DEFAULT = EnumSet.of(CSV, JSON, HTML);

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma-separated list such as {@code csv,html}.
     *
     * @param list the list; blanks around names are ignored
     * @return the formats, never empty
     * @throws IllegalArgumentException naming the bad entry and the accepted names
     */
    public static Set<Format> parse(String list) {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (String part : list.split(",")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            Format found = null;
            for (Format f : values()) {
                if (f.id().equalsIgnoreCase(id)) {
                    found = f;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown format '" + id + "': expected a comma-separated list of " + ids());
            }
            out.add(found);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no format given: expected a comma-separated list of " + ids());
        }
        return out;
    }

    private static String ids() {
        StringBuilder b = new StringBuilder();
        for (Format f : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(f.id());
        }
        return b.toString();
    }
}
