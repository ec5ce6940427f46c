package io.fleetcast.analyse;

import io.fleetcast.scenario.Dimension;
import java.util.Locale;

/**
 * The numeric fields of a scenario an input path can address, by their YAML names, with the range a
 * value must stay in and the dimension of its unit (for parsing {@code "2.5 USD/h"} on the command line).
 *
 * <p>Values are in fleetcast's base units: hours, W, USD, fractions, USD/MWh, USD/MW, USD/h. The
 * ranges are those the scenario format gives the fields ({@code io.fleetcast.scenario.ModelSpecs}).
 */
public enum InputField {
    // ---- accelerators.<id>.<field>
    /** Dense peak bf16 TFLOP/s. */
    BF16(Owner.ACCELERATOR, "bf16", Dimension.COMPUTE, 0, true, Double.POSITIVE_INFINITY, false),
    /** Dense peak fp8 TFLOP/s. */
    FP8(Owner.ACCELERATOR, "fp8", Dimension.COMPUTE, 0, true, Double.POSITIVE_INFINITY, false),
    /** Dense peak fp4 TFLOP/s. */
    FP4(Owner.ACCELERATOR, "fp4", Dimension.COMPUTE, 0, true, Double.POSITIVE_INFINITY, false),
    /** HBM in GB. */
    HBM(Owner.ACCELERATOR, "hbm", Dimension.MEMORY, 0, true, Double.POSITIVE_INFINITY, false),
    /** Chip TDP in W (informational). */
    TDP(Owner.ACCELERATOR, "tdp", Dimension.POWER, 0, true, Double.POSITIVE_INFINITY, false),
    /** All-in IT watts per accelerator at full load. */
    ALL_IN_POWER(Owner.ACCELERATOR, "all-in-power", Dimension.POWER, 0, false, Double.POSITIVE_INFINITY, false),
    /** Idle power fraction. */
    IDLE_FRACTION(Owner.ACCELERATOR, "idle-fraction", Dimension.FRACTION, 0, true, 1, true),
    /** Capex per accelerator, USD. */
    CAPEX(Owner.ACCELERATOR, "capex", Dimension.MONEY, 0, true, Double.POSITIVE_INFINITY, false),
    /** Useful life, hours. */
    USEFUL_LIFE(Owner.ACCELERATOR, "useful-life", Dimension.DURATION, 0, false, Double.POSITIVE_INFINITY, false),
    /** Annual failure rate, fraction in [0, 1). */
    AFR(Owner.ACCELERATOR, "afr", Dimension.FRACTION, 0, true, 1, false),
    /** Weibull shape of lifetimes. */
    WEIBULL_SHAPE(Owner.ACCELERATOR, "weibull-shape", Dimension.NUMBER, 0, false, Double.POSITIVE_INFINITY, false),
    /** Repair time, hours. */
    REPAIR_TIME(Owner.ACCELERATOR, "repair-time", Dimension.DURATION, 0, true, Double.POSITIVE_INFINITY, false),
    /** Replacement cost as a fraction of capex. */
    REPLACEMENT_COST(Owner.ACCELERATOR, "replacement-cost", Dimension.FRACTION, 0, true, 1, true),
    /** Embodied kgCO2e per accelerator. */
    EMBODIED_CARBON(Owner.ACCELERATOR, "embodied-carbon", Dimension.MASS, 0, true, Double.POSITIVE_INFINITY, false),
    /** Catalog reference lease price, USD per accelerator-hour. */
    ACCELERATOR_LEASE_PRICE(Owner.ACCELERATOR, "lease-price", Dimension.PRICE_PER_HOUR, 0, true, Double.POSITIVE_INFINITY, false),

    // ---- sites.<id>.<field>
    /**
     * PUE. A value sets the mean of the 12 monthly values by scaling the cooling overhead
     * {@code pue - 1} of every month by one factor, so the seasonal shape is kept and no month drops
     * below 1; the design PUE is its own field and does not move.
     */
    PUE(Owner.SITE, "pue", Dimension.NUMBER, 1, true, Double.POSITIVE_INFINITY, false),
    /** Design PUE used to size facility power. */
    DESIGN_PUE(Owner.SITE, "design-pue", Dimension.NUMBER, 1, true, Double.POSITIVE_INFINITY, false),
    /** Electricity price at the scenario start, USD/MWh. */
    ELECTRICITY_PRICE(Owner.SITE, "electricity-price", Dimension.ENERGY_PRICE, 0, true, Double.POSITIVE_INFINITY, false),
    /** Yearly escalation of the electricity price (fraction per year). */
    ELECTRICITY_ESCALATION(Owner.SITE, "electricity-escalation", Dimension.YEARLY_RATE, -1, false, Double.POSITIVE_INFINITY, false),
    /** Grid carbon intensity, g/kWh. */
    GRID_INTENSITY(Owner.SITE, "grid-intensity", Dimension.CARBON_INTENSITY, 0, true, Double.POSITIVE_INFINITY, false),
    /** Yearly change of the grid intensity (fraction per year). */
    GRID_INTENSITY_CHANGE(Owner.SITE, "grid-intensity-change", Dimension.YEARLY_RATE, -1, false, Double.POSITIVE_INFINITY, false),
    /** Facility capex per MW of design facility power. */
    FACILITY_CAPEX(Owner.SITE, "facility-capex", Dimension.CAPACITY_PRICE, 0, true, Double.POSITIVE_INFINITY, false),
    /** Facility depreciation life, hours. */
    FACILITY_LIFE(Owner.SITE, "facility-life", Dimension.DURATION, 0, false, Double.POSITIVE_INFINITY, false),

    // ---- deployments.<id>.<field>
    /** The size value, keeping the size's kind (count, W or USD). */
    SIZE(Owner.DEPLOYMENT, "size", null, 0, true, Double.POSITIVE_INFINITY, false),
    /** Size as a number of accelerators (replaces the size's kind). */
    COUNT(Owner.DEPLOYMENT, "count", Dimension.NUMBER, 0, true, Double.POSITIVE_INFINITY, false),
    /** Size as IT power in W (replaces the size's kind). */
    IT_POWER(Owner.DEPLOYMENT, "it-power", Dimension.POWER, 0, true, Double.POSITIVE_INFINITY, false),
    /** Size as facility power in W (replaces the size's kind). */
    FACILITY_POWER(Owner.DEPLOYMENT, "facility-power", Dimension.POWER, 0, true, Double.POSITIVE_INFINITY, false),
    /** Size as a budget in USD (replaces the size's kind). */
    BUDGET(Owner.DEPLOYMENT, "budget", Dimension.MONEY, 0, true, Double.POSITIVE_INFINITY, false),
    /** Start: a value is a delay in hours added to the deployment's start (negative brings it forward). */
    START(Owner.DEPLOYMENT, "start", Dimension.DURATION, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false),
    /** Ramp duration, hours. */
    RAMP(Owner.DEPLOYMENT, "ramp", Dimension.DURATION, 0, true, Double.POSITIVE_INFINITY, false),
    /** Term, hours. */
    TERM(Owner.DEPLOYMENT, "term", Dimension.DURATION, 0, false, Double.POSITIVE_INFINITY, false),
    /** Utilization, fraction of peak. */
    UTILIZATION(Owner.DEPLOYMENT, "utilization", Dimension.FRACTION, 0, true, 1, true),
    /** Lease price per contracted accelerator-hour, USD/h. */
    LEASE_PRICE(Owner.DEPLOYMENT, "lease-price", Dimension.PRICE_PER_HOUR, 0, true, Double.POSITIVE_INFINITY, false),
    /** Yearly decline of the lease price (fraction per year). */
    LEASE_PRICE_DECLINE(Owner.DEPLOYMENT, "lease-price-decline", Dimension.YEARLY_RATE, -1, false, 1, false),
    /** Other opex per year as a fraction of capex. */
    OPEX(Owner.DEPLOYMENT, "opex", Dimension.YEARLY_RATE, 0, true, Double.POSITIVE_INFINITY, false),
    /** Measured average IT watts per up accelerator. */
    AVERAGE_POWER(Owner.DEPLOYMENT, "average-power", Dimension.POWER, 0, false, Double.POSITIVE_INFINITY, false);

    /** The kind of record a field belongs to; also the first segment of its path. */
    public enum Owner {
        /** {@code accelerators.<id>.<field>}. */
        ACCELERATOR("accelerators"),
        /** {@code sites.<id>.<field>}. */
        SITE("sites"),
        /** {@code deployments.<id>.<field>}. */
        DEPLOYMENT("deployments");

        private final String segment;

        Owner(String segment) {
            this.segment = segment;
        }

        /** The first segment of a path to this kind of record. */
        public String segment() {
            return segment;
        }
    }

    private final Owner owner;
    private final String yamlName;
    private final Dimension dimension;
    private final double lo;
    private final boolean loInclusive;
    private final double hi;
    private final boolean hiInclusive;

    InputField(Owner owner, String yamlName, Dimension dimension, double lo, boolean loInclusive, double hi,
               boolean hiInclusive) {
        this.owner = owner;
        this.yamlName = yamlName;
        this.dimension = dimension;
        this.lo = lo;
        this.loInclusive = loInclusive;
        this.hi = hi;
        this.hiInclusive = hiInclusive;
    }

    /** The kind of record the field belongs to. */
    public Owner owner() {
        return owner;
    }

    /** The field's YAML name, e.g. {@code all-in-power}. */
    public String yamlName() {
        return yamlName;
    }

    /**
     * The dimension of the field's value, as the scenario format defines it (which units a value may be
     * written in); null for {@link #SIZE}, whose unit follows the deployment's size kind.
     */
    public Dimension dimension() {
        return dimension;
    }

    /**
     * Whether a value is allowed for this field: finite and inside its range (the ranges of the scenario
     * format, e.g. {@code afr} in [0, 1), {@code all-in-power} > 0).
     *
     * @param value a value in the field's base unit
     * @return true when the value is allowed
     */
    public boolean allows(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        boolean lowOk = loInclusive ? value >= lo : value > lo;
        boolean highOk = hiInclusive ? value <= hi : value < hi;
        return lowOk && highOk;
    }

    /** The allowed range as text, for error messages, e.g. {@code [0, 1)}. */
    public String rangeText() {
        String l = Double.isInfinite(lo) ? "(-inf" : (loInclusive ? "[" : "(") + plain(lo);
        String h = Double.isInfinite(hi) ? "+inf)" : plain(hi) + (hiInclusive ? "]" : ")");
        return l + ", " + h;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The field of an owner by its YAML name.
     *
     * @param owner    the kind of record
     * @param yamlName the field's YAML name
     * @return the field, or null when the owner has no such numeric field
     */
    public static InputField of(Owner owner, String yamlName) {
        String name = yamlName.toLowerCase(Locale.ROOT);
        for (InputField f : values()) {
            if (f.owner == owner && f.yamlName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The YAML names of an owner's numeric fields, comma-separated, for error messages.
     *
     * @param owner the kind of record
     * @return e.g. {@code "bf16, fp8, ..."}
     */
    public static String namesOf(Owner owner) {
        StringBuilder sb = new StringBuilder();
        for (InputField f : values()) {
            if (f.owner == owner) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(f.yamlName);
            }
        }
        return sb.toString();
    }
}
