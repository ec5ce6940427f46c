package io.fleetcast.model;

/** Conversion constants shared by the model; the closed unit set itself lives in the scenario reader. */
public final class Units {
    /** Hours in a year where no calendar anchor exists: 365.25 days. */
    public static final double HOURS_PER_YEAR = 8766.0;
    /** Hours in a month where no calendar anchor exists: a twelfth of {@link #HOURS_PER_YEAR}. */
    public static final double HOURS_PER_MONTH = HOURS_PER_YEAR / 12.0;
    /** Watts in a megawatt. */
    public static final double WATTS_PER_MW = 1e6;

    private Units() {
    }
}
