package io.fleetcast.model;

/** How a figure of the model is known: stated by its owner, reported by others, or estimated by us. */
public enum Confidence {
    /** Stated by the vendor, operator or a statistics agency, or derived arithmetically from such a statement. */
    OFFICIAL,
    /** Published by press, analysts or third-party trackers. */
    REPORTED,
    /** Our own estimate; the note gives the reasoning. */
    ESTIMATE,
    /** Given by the user in a scenario without a source. */
    UNSOURCED
}
