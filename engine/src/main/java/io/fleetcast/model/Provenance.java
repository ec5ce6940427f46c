package io.fleetcast.model;

import java.util.Objects;

/**
 * Where one figure of the catalog or a site comes from.
 *
 * @param source     title and address of the source, or an empty string when the user gave none
 * @param confidence how the figure is known
 * @param note       reasoning or basis, possibly empty
 */
public record Provenance(String source, Confidence confidence, String note) {

    /** The provenance of a figure a user typed without a source. */
    public static final Provenance UNSOURCED = new Provenance("", Confidence.UNSOURCED, "");

    /** Checks that no part is null. */
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(note, "note");
    }
}
