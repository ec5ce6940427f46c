package io.fleetcast.model;

/**
 * How a projection treats the randomness of device failures. Both modes share one model and one
 * metric computation; they differ only in how the fleet state (installs, slot-hours, up-hours,
 * failures) is obtained.
 */
public enum Mode {
    /**
     * The exact expectation of the device process, computed without sampling: fast and deterministic.
     * The seed is ignored.
     */
    EXPECTED,
    /**
     * Every device's lifecycle is sampled from the seed: failures, repair downtime and replacements
     * happen at random instants. The mean of many runs converges to {@link #EXPECTED}.
     */
    SIMULATE;

    /** The lower-case name used on the command line and in output files ({@code expected}, {@code simulate}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
