package io.fleetcast.model;

/** The ways a deployment's size can be given; exactly one is used per deployment. */
public enum SizeKind {
    /** A number of accelerators. */
    COUNT,
    /** IT power in watts: count = power / all-in watts per accelerator. */
    IT_POWER,
    /** Facility power in watts: count = power / (all-in watts x design PUE). */
    FACILITY_POWER,
    /** Money in USD: owned, count = budget / capex; leased, count = budget / (price x contracted hours). */
    BUDGET
}
