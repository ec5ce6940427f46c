package io.fleetcast.scenario;

/**
 * The valid values of a numeric field, in its base unit.
 *
 * @param lo          lower bound ({@code -Infinity} when none)
 * @param loInclusive whether {@code lo} itself is valid
 * @param hi          upper bound ({@code +Infinity} when none)
 * @param hiInclusive whether {@code hi} itself is valid
 * @param text        the bounds as a user reads them, e.g. {@code in [0, 1)}
 */
record Range(double lo, boolean loInclusive, double hi, boolean hiInclusive, String text) {
    static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, "");
    static final Range NON_NEGATIVE = new Range(0, true, Double.POSITIVE_INFINITY, false, ">= 0");
    static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false, "> 0");
    static final Range UNIT = new Range(0, true, 1, true, "in [0, 1]");
    static final Range UNIT_HALF_OPEN = new Range(0, true, 1, false, "in [0, 1)");
    static final Range AT_LEAST_ONE = new Range(1, true, Double.POSITIVE_INFINITY, false, ">= 1");
    /**
     * Yearly relative changes: a fall of 100 %/year or more makes no sense; a rise beyond 1000 %/year (x11 a year)
     * compounds past the largest double within a long horizon (1e300 %/year overflowed in two years).
     */
    static final Range ABOVE_MINUS_ONE = new Range(-1, false, 10, true, "in (-100 %/year, 1000 %/year]");

    // Upper bounds of the fields that multiply into money, energy and compute: far beyond any real figure, low
    // enough that count (<= 1e15) x figure x hours (<= 200 years) stays finite in a double (issue #9: 1e300 values
    // crashed the engine). Lower bounds stay where the model needs them.
    /** Durations of a device's life, repair, ramp, term: up to 1000 years (base: hours). */
    static final Range DURATION_NON_NEGATIVE = new Range(0, true, 1000 * 8766.0, true, ">= 0 and at most 1000 years");
    /** Positive durations up to 1000 years. */
    static final Range DURATION_POSITIVE = new Range(0, false, 1000 * 8766.0, true, "> 0 and at most 1000 years");
    /** A scenario's horizon: up to 200 years. */
    static final Range HORIZON = new Range(0, false, 200 * 8766.0, true, "> 0 and at most 200 years");
    /** Power of one accelerator: up to 10 MW (base: W). */
    static final Range DEVICE_POWER = new Range(0, true, 1e7, true, "in [0, 10 MW]");
    /** Positive power of one accelerator: up to 10 MW. */
    static final Range DEVICE_POWER_POSITIVE = new Range(0, false, 1e7, true, "> 0 and at most 10 MW");
    /** A fleet's power: up to 1 PW (base: W). */
    static final Range FLEET_POWER = new Range(0, true, 1e15, true, "in [0, 1000 TW]");
    /** Money: up to 1e15 USD. */
    static final Range MONEY = new Range(0, true, 1e15, true, "in [0, 1e15 USD]");
    /** Prices per MWh, per accelerator-hour, per MW; carbon intensities; masses; compute; memory: up to 1e12. */
    static final Range FIGURE = new Range(0, true, 1e12, true, "in [0, 1e12]");
    /** Yearly rates that only add (opex): up to 1000 %/year. */
    static final Range YEARLY_UP_TO_TENFOLD = new Range(0, true, 10, true, "in [0 %/year, 1000 %/year]");
    /** PUE: from 1 to 100. */
    static final Range PUE = new Range(1, true, 100, true, "in [1, 100]");
    /** Weibull shape: up to 100 (the engine's limit). */
    static final Range WEIBULL_SHAPE = new Range(0, false, 100, true, "in (0, 100]");
    /** Yearly declines: below 100 %/year (a negative decline is a rise). */
    static final Range DECLINE = new Range(-1, false, 1, false, "in (-100 %/year, 100 %/year)");
    /** Discount rates: from 0 to below 100 %/year. */
    static final Range DISCOUNT = new Range(0, true, 1, false, "in [0 %/year, 100 %/year)");

    /** Whether {@code v} is valid. */
    boolean contains(double v) {
        boolean aboveLo = loInclusive ? v >= lo : v > lo;
        boolean belowHi = hiInclusive ? v <= hi : v < hi;
        return aboveLo && belowHi;
    }

    /** Whether the range is bounded on either side. */
    boolean isBounded() {
        return lo != Double.NEGATIVE_INFINITY || hi != Double.POSITIVE_INFINITY;
    }
}
