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
    /** A scenario's horizon: up to 200 years (base: hours), so that compounding and hourly steps stay finite. */
    static final Range HORIZON = new Range(0, false, 200 * 8766.0, true, "> 0 and at most 200 years");
    /** A fleet's power (size by IT or facility power): up to 1000 TW (base: W). */
    static final Range FLEET_POWER = new Range(0, true, 1e15, true, "in [0, 1000 TW]");
    /** A budget: up to 1e15 USD. */
    static final Range MONEY = new Range(0, true, 1e15, true, "in [0, 1e15 USD]");
    /** PUE: from 1 to 100 (as {@link io.fleetcast.model.ModelField.Bounds#PUE}). */
    static final Range PUE = new Range(1, true, 100, true, "in [1, 100]");
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
