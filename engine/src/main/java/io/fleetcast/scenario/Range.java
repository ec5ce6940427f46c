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
    /** Yearly relative changes: a fall of 100 %/year or more makes no sense. */
    static final Range ABOVE_MINUS_ONE = new Range(-1, false, Double.POSITIVE_INFINITY, false, "> -100 %/year");
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
