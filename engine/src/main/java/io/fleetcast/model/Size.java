package io.fleetcast.model;

import java.util.Objects;

/**
 * The size of a deployment as given by the user, before it is resolved to a count.
 *
 * @param kind  which form the size takes
 * @param value accelerators, watts or USD, depending on {@code kind}; finite and non-negative
 */
public record Size(SizeKind kind, double value) {

    /** Checks the value is finite and non-negative. */
    public Size {
        Objects.requireNonNull(kind, "kind");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("size " + kind + " must be finite and >= 0, was " + value);
        }
    }

    /** A size given as a number of accelerators. */
    public static Size count(double accelerators) {
        return new Size(SizeKind.COUNT, accelerators);
    }

    /** A size given as IT power in watts. */
    public static Size itPower(double watts) {
        return new Size(SizeKind.IT_POWER, watts);
    }

    /** A size given as facility power in watts. */
    public static Size facilityPower(double watts) {
        return new Size(SizeKind.FACILITY_POWER, watts);
    }

    /** A size given as a budget in USD. */
    public static Size budget(double usd) {
        return new Size(SizeKind.BUDGET, usd);
    }
}
