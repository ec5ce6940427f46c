package io.fleetcast.model;

import java.util.Objects;

/**
 * One mistake found in an input file: where it is, which field, what was written and what was expected.
 * A reader collects every problem of a file before it reports, so a user fixes them all in one pass.
 *
 * @param file     the file as the user named it (or {@code builtin:models/...} for a built-in model)
 * @param line     1-based line of the offending node; 0 when the problem has no position (an unreadable file)
 * @param column   1-based column of the offending node; 0 when the problem has no position
 * @param path     the field path inside the file, e.g. {@code deployments[2].size}; empty for the file as a whole
 * @param value    the offending value as written (compact YAML), or {@code null} when the field is missing
 * @param expected what would have been accepted, e.g. {@code give exactly one of count, it-power, facility-power, budget}
 */
public record Problem(String file, int line, int column, String path, String value, String expected) {

    /** Checks that the required parts are present. */
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
    }

    /**
     * The problem as one line a compiler would print, e.g.
     * {@code models/scenarios/x.yaml:14:11: deployments[2].size: give exactly one of count, it-power, facility-power, budget (got: {count: 5, budget: 1e9 USD})}.
     */
    public String message() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ");
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        b.append(expected);
        if (value != null) {
            b.append(" (got: ").append(value).append(')');
        }
        return b.toString();
    }

    /** Same as {@link #message()}. */
    @Override
    public String toString() {
        return message();
    }
}
