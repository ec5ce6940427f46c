package io.fleetcast.model;

/**
 * The quantities a projection reports, with their units in their names. The order is fixed (it is the
 * metric index of a {@link MetricCube}) and matches DESIGN.md.
 *
 * <p>A metric is either a <em>flow</em>, an amount that happens during a period (installs, failures,
 * energy, money, compute, carbon: the period value is the integral over the period and values over
 * several periods add up), or a <em>level</em>, a state that holds at each instant (slots, active
 * accelerators, power: the period value is the time average over the period and several periods combine
 * by an hour-weighted average).
 */
public enum Metric {
    /** Slots installed in the period (first installs, not replacements). */
    INSTALLED("installed", "accelerators", true),
    /** Average number of slots in service (installed, not yet retired), up or down. */
    SLOTS("slots", "accelerators", false),
    /** Average number of accelerators up (in a slot, not down for repair and not interrupted). */
    ACTIVE("active", "accelerators", false),
    /** Device failures in the period; each one is followed by a repair and a replacement. */
    FAILURES("failures", "failures", true),
    /** Average IT power of the up accelerators. */
    IT_POWER_MW("it_power_mw", "MW", false),
    /** Average facility power: IT power times the site's PUE in that month. */
    FACILITY_POWER_MW("facility_power_mw", "MW", false),
    /** Facility energy: the integral of facility power. */
    ENERGY_MWH("energy_mwh", "MWh", true),
    /** IT capex of the slots installed in the period (owned deployments). */
    CAPEX_USD("capex_usd", "USD", true),
    /** Facility capex: design facility power of the installed slots times the site's capex per MW (owned). */
    FACILITY_CAPEX_USD("facility_capex_usd", "USD", true),
    /**
     * Straight-line depreciation of IT capex less its residual value over the depreciation life and of facility capex
     * over the facility life (owned), with the book value left at a retirement before the depreciation life (service
     * life or term end) written off then.
     */
    DEPRECIATION_USD("depreciation_usd", "USD", true),
    /**
     * Capital charge (owned): the cost of capital on the capital still tied up in IT and facility capex, and
     * the interest during construction on facility capex at install. The capital tied up is the balance a
     * level capital-recovery annuity over the depreciation life has not yet recovered, so depreciation plus
     * this charge over a full life equals that annuity.
     */
    CAPITAL_CHARGE_USD("capital_charge_usd", "USD", true),
    /** Electricity bill: energy times the site's price (owned, or leased when the lease excludes energy). */
    ENERGY_COST_USD("energy_cost_usd", "USD", true),
    /** Rent: contracted slot-hours times the price per accelerator-hour (leased). */
    LEASE_COST_USD("lease_cost_usd", "USD", true),
    /**
     * Replacements: failures outside the warranty times the accelerator's capex (without network and storage) times
     * the replacement-cost fraction (owned).
     */
    REPAIR_COST_USD("repair_cost_usd", "USD", true),
    /** Other opex: a yearly fraction of capex, accrued over slot-hours (owned). */
    OPEX_OTHER_USD("opex_other_usd", "USD", true),
    /** Total cost of ownership view: depreciation + capital charge + energy + lease + repair + other opex. */
    TCO_USD("tco_usd", "USD", true),
    /** Cash view: capex + facility capex + energy + lease + repair + other opex - resale - vendor consideration. */
    CASH_USD("cash_usd", "USD", true),
    /** Delivered compute: up accelerator-hours times peak FLOP/s at the deployment's precision times its mfu (utilization when none is given). */
    COMPUTE_EFLOP("compute_eflop", "EFLOP", true),
    /** Operational emissions: energy times the grid's carbon intensity. */
    CO2_OPERATIONAL_T("co2_operational_t", "tCO2e", true),
    /** Embodied emissions of the accelerators, amortized over their useful life. */
    CO2_EMBODIED_T("co2_embodied_t", "tCO2e", true),
    /**
     * Short outages in the period (accelerator {@code interruption-rate}): each took {@code interruption-time} out of
     * {@link #ACTIVE} and delivered compute, drew idle power and replaced no hardware (that is {@link #FAILURES}).
     * Last in the order so that the metric indices of the earlier metrics did not move when it was added.
     */
    INTERRUPTIONS("interruptions", "interruptions", true),
    /**
     * Vendor consideration received in the period (a scenario's {@code consideration:} entries, at their deployment's
     * milestone): netted in {@link #CASH_USD}, never in {@link #TCO_USD}.
     */
    CONSIDERATION_USD("consideration_usd", "USD", true),
    /**
     * Resale of retired owned devices: the accelerator's {@code residual-value} fraction of IT capex, received at each
     * retirement (service life or an owned term end); netted in {@link #CASH_USD}. In {@link #TCO_USD} the residual
     * is simply not depreciated.
     */
    RESALE_USD("resale_usd", "USD", true),
    /**
     * Net book value the owner still holds at the horizon end: owned devices in service then (residual value plus
     * the undepreciated rest) and facilities at book. A stock, not a flow: written in the last period only (0 in
     * the others), so its total is the value at the horizon end; shown beside cash so that cash over a horizon that
     * ends mid-life is not read as a loss of everything bought.
     */
    BOOK_VALUE_END_USD("book_value_end_usd", "USD", true),
    /**
     * Average number of devices down for repair (failed, their replacement not yet in service): what spares would
     * cover. Not the short outages of {@link #INTERRUPTIONS} (no hardware is swapped for those).
     */
    IN_REPAIR("in_repair", "accelerators", false);

    /** Number of metrics: the metric dimension of every {@link MetricCube}. */
    public static final int COUNT = 25;

    private static final Metric[] VALUES = values();

    private final String id;
    private final String unit;
    private final boolean flow;

    Metric(String id, String unit, boolean flow) {
        this.id = id;
        this.unit = unit;
        this.flow = flow;
    }

    /** The fixed snake_case name, e.g. {@code energy_mwh}, used in every output file. */
    public String id() {
        return id;
    }

    /** The unit of the values, e.g. {@code MWh}, {@code USD}, {@code accelerators}. */
    public String unit() {
        return unit;
    }

    /** True for a flow (summed over periods), false for a level (averaged over time). */
    public boolean isFlow() {
        return flow;
    }

    /** True for a level (time-averaged over a period), false for a flow. */
    public boolean isLevel() {
        return !flow;
    }

    /**
     * The metric with the given id, e.g. {@code tco_usd}.
     *
     * @param id the snake_case id, case-insensitive
     * @return the metric
     * @throws IllegalArgumentException naming the accepted ids when none matches
     */
    public static Metric byId(String id) {
        for (Metric m : VALUES) {
            if (m.id.equalsIgnoreCase(id)) {
                return m;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Metric m : VALUES) {
            known.append(known.isEmpty() ? "" : ", ").append(m.id);
        }
        throw new IllegalArgumentException("unknown metric '" + id + "': expected one of " + known);
    }

    /** The metric at a cube's metric index (its ordinal). */
    public static Metric ofIndex(int index) {
        return VALUES[index];
    }
}
