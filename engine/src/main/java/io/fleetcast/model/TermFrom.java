package io.fleetcast.model;

/** Where a lease term counts from. */
public enum TermFrom {
    /** Each slot's term runs from its own install (the default of a leased deployment). */
    INSTALL,
    /** Every slot ends at the deployment start + term (the default of an owned deployment and of take-or-pay). */
    DEPLOYMENT_START
}
