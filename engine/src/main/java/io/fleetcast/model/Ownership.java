package io.fleetcast.model;

/** Whether a deployment's accelerators are bought (capex, depreciation) or rented (lease cost). */
public enum Ownership {
    /** Bought: capex at install, straight-line depreciation, repairs and energy paid by the owner. */
    OWNED,
    /** Rented per contracted accelerator-hour; energy is paid only when the lease does not include it. */
    LEASED
}
