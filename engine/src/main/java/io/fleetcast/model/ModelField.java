package io.fleetcast.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The field table: every numeric field of an {@link Accelerator}, a {@link Site} and a {@link Deployment},
 * in one place, with its YAML name, dimension, valid range, default, whether it may vary (in
 * {@code uncertainty:}, {@code solve}, {@code sensitivity}, {@code --set}) and its documentation.
 *
 * <p>This is the single source of truth the rest of the code reads: the records store their numeric
 * fields in an array indexed by {@link #index()}; the YAML readers parse and range-check them from it;
 * {@code ScenarioBuilder} sets them through it; {@code InputField} (input paths) and
 * {@code ScenarioEditor} address them through it; the report's assumptions table and the field tables of
 * {@code docs/scenario-format.md} (checked by a test) are generated from it. Adding a numeric field is
 * adding a constant here (and, for readability in the plan, a named accessor on its record).
 *
 * <p>Not in the table because they are not plain numbers: a site's {@code pue} (one or twelve values),
 * a deployment's {@code size} (four kinds) and {@code start} (a date), and the text and keyword fields.
 *
 * <p>Defaults: an optional field takes {@link #defaultValue()} when it is not given. A required field's
 * default is the neutral value a {@code ScenarioBuilder} starts from (YAML requires the field). A default of
 * NaN means "absent" ({@code term}, {@code average-power}) or "derived" ({@code design-pue}: the highest
 * monthly PUE; a deployment {@code lease-price}: the catalog's).
 */
public enum ModelField {
    // ---- accelerators.<id>.<field>, in the order of the format doc
    /** Dense peak bf16 TFLOP/s. */
    BF16(Owner.ACCELERATOR, "bf16", Dimension.COMPUTE, Bounds.FIGURE, false, 0, "TFLOPS",
            "dense peak bf16 TFLOP/s; 0 (or absent) when the part does not support it"),
    /** Dense peak fp8 TFLOP/s. */
    FP8(Owner.ACCELERATOR, "fp8", Dimension.COMPUTE, Bounds.FIGURE, false, 0, "TFLOPS",
            "dense peak fp8 TFLOP/s; 0 when not supported"),
    /** Dense peak fp4 TFLOP/s. */
    FP4(Owner.ACCELERATOR, "fp4", Dimension.COMPUTE, Bounds.FIGURE, false, 0, "TFLOPS",
            "dense peak fp4 TFLOP/s; 0 when not supported"),
    /** HBM capacity, GB. */
    HBM(Owner.ACCELERATOR, "hbm", Dimension.MEMORY, Bounds.FIGURE, true, 0, "GB", "HBM capacity"),
    /** Chip TDP, W (informational). */
    TDP(Owner.ACCELERATOR, "tdp", Dimension.POWER, Bounds.DEVICE_POWER, true, 0, "W", "chip TDP (informational)"),
    /** All-in IT watts per accelerator at full load. */
    ALL_IN_POWER(Owner.ACCELERATOR, "all-in-power", Dimension.POWER, Bounds.DEVICE_POWER_POSITIVE, true, 0, "W",
            "IT watts per accelerator at full load, incl. its share of host, network, storage"),
    /** Idle power as a fraction of all-in power. */
    IDLE_FRACTION(Owner.ACCELERATOR, "idle-fraction", Dimension.FRACTION, Bounds.UNIT, true, 0, "",
            "idle power as a fraction of all-in-power"),
    /** All-in IT capex per accelerator, USD. */
    CAPEX(Owner.ACCELERATOR, "capex", Dimension.MONEY, Bounds.MONEY, true, 0, "USD",
            "all-in IT capex per accelerator (say in the note what is included)"),
    /** Capex of the scale-out network per accelerator, USD; added to IT capex. */
    NETWORK_CAPEX(Owner.ACCELERATOR, "network-capex", Dimension.MONEY, Bounds.MONEY, false, 0, "USD",
            "capex of the scale-out network per accelerator (beyond what capex includes); added to IT capex, "
                    + "depreciated with it, not replaced on a failure"),
    /** Capex of storage per accelerator, USD; added to IT capex. */
    STORAGE_CAPEX(Owner.ACCELERATOR, "storage-capex", Dimension.MONEY, Bounds.MONEY, false, 0, "USD",
            "capex of storage per accelerator (beyond what capex includes); added to IT capex, depreciated with "
                    + "it, not replaced on a failure"),
    /** Service life, hours: a slot retires (or is refreshed) at this age. */
    USEFUL_LIFE(Owner.ACCELERATOR, "useful-life", Dimension.DURATION, Bounds.DURATION_POSITIVE, true,
            5 * Units.HOURS_PER_YEAR, "h", "service life: a slot retires (or, with refresh, gets a new device) at this age; "
                    + "also the book life unless depreciation-life is given"),
    /** Depreciation (book) life, hours; NaN: the useful life. */
    DEPRECIATION_LIFE(Owner.ACCELERATOR, "depreciation-life", Dimension.DURATION, Bounds.DURATION_POSITIVE, false,
            Double.NaN, "h", "book life over which capex less its residual value is depreciated straight-line (owned); "
                    + "a device retired earlier writes off its remaining book value; default: useful-life"),
    /** Fraction of IT capex recovered when a device retires. */
    RESIDUAL_VALUE(Owner.ACCELERATOR, "residual-value", Dimension.FRACTION, Bounds.UNIT_HALF_OPEN, false, 0, "",
            "fraction of IT capex recovered when an owned device retires (resale, netted in cash) and not depreciated; "
                    + "devices still in service at the horizon end are valued at book in book_value_end_usd"),
    /** Annual failure rate, fraction in [0, 1). */
    AFR(Owner.ACCELERATOR, "afr", Dimension.FRACTION, Bounds.UNIT_HALF_OPEN, true, 0, "1/year",
            "annual failure rate: probability that a new device fails within its first year"),
    /** Weibull shape of lifetimes; 1 is exponential. */
    WEIBULL_SHAPE(Owner.ACCELERATOR, "weibull-shape", Dimension.NUMBER, Bounds.WEIBULL_SHAPE, false, 1, "",
            "shape of the lifetime distribution; 1 is exponential"),
    /** Down time from a failure until the replacement is in service, hours. */
    REPAIR_TIME(Owner.ACCELERATOR, "repair-time", Dimension.DURATION, Bounds.DURATION_NON_NEGATIVE, true, 0, "h",
            "down time from a failure until the replacement is in service"),
    /** Short outages per accelerator-year of up time. */
    INTERRUPTION_RATE(Owner.ACCELERATOR, "interruption-rate", Dimension.YEARLY_RATE, Bounds.INTERRUPTIONS, false, 0, "1/year",
            "short outages (job interruptions, reboots, driver or link faults) per accelerator-year of up time; each "
                    + "takes interruption-time out of up time and delivered compute, draws idle power and replaces "
                    + "no hardware (permanent failures are afr)"),
    /** Down time per interruption, hours. */
    INTERRUPTION_TIME(Owner.ACCELERATOR, "interruption-time", Dimension.DURATION, Bounds.DURATION_NON_NEGATIVE, false, 0,
            "h", "down time per interruption (detection, restart, checkpoint reload)"),
    /** Warranty from a slot's install, hours: replacements inside it cost the owner nothing. */
    WARRANTY(Owner.ACCELERATOR, "warranty", Dimension.DURATION, Bounds.DURATION_NON_NEGATIVE, false, 0, "h",
            "period from a slot's install inside which a failed device is replaced at no cost to the owner (a "
                    + "replacement carries the rest of the original warranty)"),
    /** Fraction of capex expensed per replacement. */
    REPLACEMENT_COST(Owner.ACCELERATOR, "replacement-cost", Dimension.FRACTION, Bounds.UNIT, true, 1, "",
            "fraction of capex expensed per replacement"),
    /** Embodied kgCO2e per accelerator. */
    EMBODIED_CARBON(Owner.ACCELERATOR, "embodied-carbon", Dimension.MASS, Bounds.FIGURE, true, 0, "kgCO2e",
            "embodied emissions per accelerator (with its host share)"),
    /** Reference lease price per accelerator-hour, USD/h; 0 when none is known. */
    ACCELERATOR_LEASE_PRICE(Owner.ACCELERATOR, "lease-price", Dimension.PRICE_PER_HOUR, Bounds.FIGURE, false, 0,
            "USD/h", "reference price per accelerator-hour (the default of a leased deployment)"),
    /** Typical model FLOP utilization; NaN: none (a deployment's utilization counts). */
    MFU(Owner.ACCELERATOR, "mfu", Dimension.FRACTION, Bounds.UNIT, false, Double.NaN, "",
            "typical model FLOP utilization: delivered compute = up accelerators x peak x mfu; default: none "
                    + "(a deployment's own mfu, else its utilization, counts)"),

    // ---- sites.<id>.<field> (pue is read apart: one or twelve values)
    /** Design PUE used to size facility power; NaN: the highest monthly PUE. */
    DESIGN_PUE(Owner.SITE, "design-pue", Dimension.NUMBER, Bounds.PUE, false, Double.NaN, "",
            "PUE used to size facility power; default: the highest monthly PUE"),
    /** Electricity price at the scenario start, USD/MWh. */
    ELECTRICITY_PRICE(Owner.SITE, "electricity-price", Dimension.ENERGY_PRICE, Bounds.FIGURE, true, 0, "USD/MWh",
            "electricity price at the scenario start"),
    /** Yearly relative change of the electricity price. */
    ELECTRICITY_ESCALATION(Owner.SITE, "electricity-escalation", Dimension.YEARLY_RATE, Bounds.ABOVE_MINUS_ONE, false, 0,
            "1/year", "yearly relative change of the electricity price"),
    /** Grid carbon intensity at the scenario start, g/kWh. */
    GRID_INTENSITY(Owner.SITE, "grid-intensity", Dimension.CARBON_INTENSITY, Bounds.FIGURE, true, 0, "g/kWh",
            "grid carbon intensity at the scenario start"),
    /** Yearly relative change of the grid intensity. */
    GRID_INTENSITY_CHANGE(Owner.SITE, "grid-intensity-change", Dimension.YEARLY_RATE, Bounds.ABOVE_MINUS_ONE, false, 0,
            "1/year", "yearly relative change of the grid intensity"),
    /** Facility capex per MW of design facility power, USD/MW. */
    FACILITY_CAPEX(Owner.SITE, "facility-capex", Dimension.CAPACITY_PRICE, Bounds.FIGURE, false, 0, "USD/MW",
            "facility capex per MW of design facility power (owned deployments)"),
    /** Time from the start of construction to energization, over which facility capex is paid, hours. */
    BUILD_TIME(Owner.SITE, "build-time", Dimension.DURATION, Bounds.DURATION_NON_NEGATIVE, false, 0, "h",
            "construction time before a slot is energized, over which its facility capex is paid evenly; "
                    + "the cost of capital on it (interest during construction) is charged at install"),
    /** Facility depreciation life, hours. */
    FACILITY_LIFE(Owner.SITE, "facility-life", Dimension.DURATION, Bounds.DURATION_POSITIVE, false, 20 * Units.HOURS_PER_YEAR,
            "h", "depreciation life of the facility"),

    // ---- deployments.<id>.<field> (size and start are read apart)
    /** Ramp, hours from the deployment start. */
    RAMP(Owner.DEPLOYMENT, "ramp", Dimension.DURATION, Bounds.DURATION_NON_NEGATIVE, false, 0, "h",
            "installs spread uniformly over [start, start + ramp); 0 installs all at the start"),
    /** Term, hours from the deployment start; NaN: no term. */
    TERM(Owner.DEPLOYMENT, "term", Dimension.DURATION, Bounds.DURATION_POSITIVE, false, Double.NaN, "h",
            "every slot ends at start + term; default: no term"),
    /** Utilization of up accelerators, fraction of peak. */
    UTILIZATION(Owner.DEPLOYMENT, "utilization", Dimension.FRACTION, Bounds.UNIT, false, 1, "",
            "fraction of peak the up accelerators run at: the power model, and delivered compute when no mfu is given"),
    /** Model FLOP utilization of the deployment; NaN: the accelerator's, else the utilization. */
    DEPLOYMENT_MFU(Owner.DEPLOYMENT, "mfu", Dimension.FRACTION, Bounds.UNIT, false, Double.NaN, "",
            "model FLOP utilization: delivered compute = up accelerators x peak x mfu (power still follows "
                    + "utilization); default: the accelerator's mfu, else the utilization"),
    /** Leased: price per contracted accelerator-hour; NaN: the catalog's. */
    LEASE_PRICE(Owner.DEPLOYMENT, "lease-price", Dimension.PRICE_PER_HOUR, Bounds.FIGURE, false, Double.NaN,
            "USD/h", "price per contracted accelerator-hour at the start; default: the catalog's lease-price"),
    /** Leased: yearly relative decline of the lease price. */
    LEASE_PRICE_DECLINE(Owner.DEPLOYMENT, "lease-price-decline", Dimension.YEARLY_RATE, Bounds.DECLINE, false, 0,
            "1/year", "yearly decline of the price (a negative decline is a rise)"),
    /** Leased: share of the contracted spend that buys non-accelerator services. */
    SERVICES_SHARE(Owner.DEPLOYMENT, "services-share", Dimension.FRACTION, Bounds.UNIT_HALF_OPEN, false, 0, "",
            "share of the contracted spend that buys non-accelerator services (CPU, storage, network, support): "
                    + "lease cost = accelerator lease / (1 - share), so a budget buys accelerators with the rest"),
    /** Owned: other opex per year as a fraction of capex. */
    OPEX(Owner.DEPLOYMENT, "opex", Dimension.YEARLY_RATE, Bounds.YEARLY_UP_TO_TENFOLD, false, 0, "1/year",
            "other opex per year as a fraction of capex"),
    /** Owned: spare accelerators bought with the fleet, as a fraction of the count. */
    SPARES(Owner.DEPLOYMENT, "spares", Dimension.FRACTION, Bounds.UNIT, false, 0, "",
            "spare accelerators bought with the fleet, as a fraction of the count: their capex (without network "
                    + "and storage) and embodied carbon are added, they draw idle power and deliver no compute"),
    /** Owned, refreshed: yearly decline of a refreshed device's capex. */
    PRICE_PERFORMANCE(Owner.DEPLOYMENT, "price-performance", Dimension.YEARLY_RATE, Bounds.DECLINE, false, 0, "1/year",
            "with refresh: yearly decline of the capex of the devices a slot gets at the end of each service life, counted "
                    + "from the deployment start (a device installed k years later costs capex x (1 - decline)^k)"),
    /** Owned: cost of capital (WACC); NaN: the scenario's. */
    COST_OF_CAPITAL(Owner.DEPLOYMENT, "cost-of-capital", Dimension.YEARLY_RATE, Bounds.RATE, false, Double.NaN,
            "1/year", "cost of capital (WACC) charged on the capital still tied up; default: the scenario's "
                    + "cost-of-capital"),
    /** Measured average IT watts per up accelerator; NaN: the linear power model. */
    AVERAGE_POWER(Owner.DEPLOYMENT, "average-power", Dimension.POWER, Bounds.DEVICE_POWER_POSITIVE, false, Double.NaN, "W",
            "measured average IT power per up accelerator, replacing the linear model; default: none");

    private static final int[] COUNTS;

    static {
        // Set once here, where every constant exists: a second accepted dimension, calendar anchoring, the
        // ownership a field applies to, and each field's index within its owner. fields that also accept a yearly rate, and ownership-specific fields.
        AFR.alternative = Dimension.YEARLY_RATE;
        RAMP.anchored = true;
        TERM.anchored = true;
        LEASE_PRICE.only = Ownership.LEASED;
        LEASE_PRICE_DECLINE.only = Ownership.LEASED;
        SERVICES_SHARE.only = Ownership.LEASED;
        OPEX.only = Ownership.OWNED;
        COST_OF_CAPITAL.only = Ownership.OWNED;
        SPARES.only = Ownership.OWNED;
        PRICE_PERFORMANCE.only = Ownership.OWNED;
        OPEX.jsonName = "opex_fraction_per_year";
        int[] next = new int[Owner.values().length];
        for (ModelField f : values()) {
            f.index = next[f.owner.ordinal()]++;
        }
        COUNTS = next;
    }

    /** The kind of record a field belongs to; also the first segment of its input path. */
    public enum Owner {
        /** {@code accelerators.<id>.<field>}. */
        ACCELERATOR("accelerators"),
        /** {@code sites.<id>.<field>}. */
        SITE("sites"),
        /** {@code deployments.<id>.<field>}. */
        DEPLOYMENT("deployments"),
        /**
         * {@code consideration.<id>.<field>}: a vendor consideration entry's {@code cash}, {@code shares} or
         * {@code share-price} (addressable by input paths; the entries are not records of the field table).
         */
        CONSIDERATION("consideration");

        private final String segment;

        Owner(String segment) {
            this.segment = segment;
        }

        /**
         * {@return the first segment of a path to this kind of record, e.g} {@code accelerators}.
         */
        public String segment() {
            return segment;
        }
    }

    /** Valid values of a field in its base unit, with the text a user reads in an error. */
    public enum Bounds {
        /** Any finite number (a shift such as a start delay). */
        ANY(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, "any finite number"),
        /** [0, +inf). */
        NON_NEGATIVE(0, true, Double.POSITIVE_INFINITY, false, ">= 0"),
        /** (0, +inf). */
        POSITIVE(0, false, Double.POSITIVE_INFINITY, false, "> 0"),
        /** [0, 1]. */
        UNIT(0, true, 1, true, "in [0, 1]"),
        /** [0, 1). */
        UNIT_HALF_OPEN(0, true, 1, false, "in [0, 1)"),
        /** [1, +inf). */
        AT_LEAST_ONE(1, true, Double.POSITIVE_INFINITY, false, ">= 1"),
        /**
         * Yearly relative changes: a fall of 100 %/year or more makes no sense; a rise beyond 1000 %/year (x11 a
         * year) compounds past the largest double within a long horizon (1e300 %/year overflowed in two years).
         */
        ABOVE_MINUS_ONE(-1, false, 10, true, "in (-100 %/year, 1000 %/year]"),
        // Upper bounds of the fields that multiply into money, energy and compute (issue #9: 1e300 values crashed
        // the engine): far beyond any real figure, low enough that count (<= 1e15) x figure x hours (<= 200 years)
        // stays finite in a double.
        /** Figures per accelerator or per unit (compute, memory, prices, intensities, masses): [0, 1e12]. */
        FIGURE(0, true, 1e12, true, "in [0, 1e12]"),
        /** Money per accelerator: [0, 1e15 USD]. */
        MONEY(0, true, 1e15, true, "in [0, 1e15 USD]"),
        /** Power of one accelerator: [0, 10 MW] (base: W). */
        DEVICE_POWER(0, true, 1e7, true, "in [0, 10 MW]"),
        /** Positive power of one accelerator: (0, 10 MW]. */
        DEVICE_POWER_POSITIVE(0, false, 1e7, true, "> 0 and at most 10 MW"),
        /** Durations (life, repair, ramp, term, build): [0, 1000 years] (base: hours). */
        DURATION_NON_NEGATIVE(0, true, 1000 * Units.HOURS_PER_YEAR, true, ">= 0 and at most 1000 years"),
        /** Positive durations: (0, 1000 years]. */
        DURATION_POSITIVE(0, false, 1000 * Units.HOURS_PER_YEAR, true, "> 0 and at most 1000 years"),
        /** PUE: [1, 100]. */
        PUE(1, true, 100, true, "in [1, 100]"),
        /** Weibull shape: (0, 100], the lifetime tables' limit. */
        WEIBULL_SHAPE(0, false, 100, true, "in (0, 100]"),
        /** Events per accelerator-year (interruptions): [0, 8766], at most one an hour. */
        INTERRUPTIONS(0, true, Units.HOURS_PER_YEAR, true, "in [0, 8766] per year (at most one an hour)"),
        /** Yearly rates that only add (opex): [0, 1000 %/year]. */
        YEARLY_UP_TO_TENFOLD(0, true, 10, true, "in [0 %/year, 1000 %/year]"),
        /** Yearly declines: below 100 %/year (a negative decline is a rise). */
        DECLINE(-1, false, 1, false, "in (-100 %/year, 100 %/year)"),
        /** Rates such as a cost of capital: from 0 to below 100 %/year. */
        RATE(0, true, 1, false, "in [0 %/year, 100 %/year)");

        /** Lower bound. */
        public final double lo;
        /** Whether {@link #lo} is valid. */
        public final boolean loInclusive;
        /** Upper bound. */
        public final double hi;
        /** Whether {@link #hi} is valid. */
        public final boolean hiInclusive;
        /** The bounds as a user reads them, e.g. {@code in [0, 1)}. */
        public final String text;

        Bounds(double lo, boolean loInclusive, double hi, boolean hiInclusive, String text) {
            this.lo = lo;
            this.loInclusive = loInclusive;
            this.hi = hi;
            this.hiInclusive = hiInclusive;
            this.text = text;
        }

        /**
         * {@return whether {@code v} is finite and inside the bounds}
         *
         * @param v the value, in the field's base unit
         */
        public boolean contains(double v) {
            return Double.isFinite(v) && (loInclusive ? v >= lo : v > lo) && (hiInclusive ? v <= hi : v < hi);
        }

        /**
         * {@return the bounds in interval notation, e.g} {@code [0, 1)}.
         */
        public String interval() {
            String l = Double.isInfinite(lo) ? "(-inf" : (loInclusive ? "[" : "(") + plain(lo);
            String h = Double.isInfinite(hi) ? "+inf)" : plain(hi) + (hiInclusive ? "]" : ")");
            return l + ", " + h;
        }

        private static String plain(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private final Owner owner;
    private final String yamlName;
    private final Dimension dimension;
    private final Bounds bounds;
    private final boolean required;
    private final double defaultValue;
    private final String unit;
    private final String doc;
    private Dimension alternative;
    private boolean anchored;
    private Ownership only;
    private int index;
    private String jsonName;

    ModelField(Owner owner, String yamlName, Dimension dimension, Bounds bounds, boolean required, double defaultValue,
               String unit, String doc) {
        this.owner = owner;
        this.yamlName = yamlName;
        this.dimension = dimension;
        this.bounds = bounds;
        this.required = required;
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.doc = doc;
        this.jsonName = yamlName.replace('-', '_') + switch (unit) {
            case "h" -> "_hours";
            case "W" -> "_w";
            case "USD" -> "_usd";
            case "USD/h" -> "_usd_per_hour";
            case "USD/MW" -> "_usd_per_mw";
            case "USD/MWh" -> "_usd_per_mwh";
            case "1/year" -> "_per_year";
            default -> "";
        };
    }

    /** {@return the kind of record the field belongs to} */
    public Owner owner() {
        return owner;
    }

    /**
     * {@return the YAML name, e.g} {@code all-in-power}.
     */
    public String yamlName() {
        return yamlName;
    }

    /** {@return the dimension a value is written in (which units the YAML accepts)} */
    public Dimension dimension() {
        return dimension;
    }

    /** {@return a second accepted dimension, or null ({@code afr} takes a fraction or a yearly rate)} */
    public Dimension alternative() {
        return alternative;
    }

    /** {@return the valid values in the base unit} */
    public Bounds bounds() {
        return bounds;
    }

    /** {@return whether a catalog or sites file must give the field (scenarios override fields one by one)} */
    public boolean required() {
        return required;
    }

    /**
     * {@return the value when the field is not given: the YAML default of an optional field, the builder's neutral
     * start value of a required one; NaN for "absent" or "derived" (see the class comment)}
     */
    public double defaultValue() {
        return defaultValue;
    }

    /** {@return whether calendar durations count from the deployment start ({@code ramp}, {@code term})} */
    public boolean anchored() {
        return anchored;
    }

    /** {@return the ownership a deployment field applies to, or null when it applies to both} */
    public Ownership only() {
        return only;
    }

    /**
     * {@return the base unit for people, e.g} {@code W}, {@code USD/h}, {@code 1/year}; empty when dimensionless.
     */
    public String unit() {
        return unit;
    }

    /**
     * {@return the key in {@code results.json}: the YAML name in snake case with its base unit, e.g} {@code
     * ramp_hours}.
     */
    public String jsonName() {
        return jsonName;
    }

    /** {@return one line of documentation (the format doc's table)} */
    public String doc() {
        return doc;
    }

    /**
     * {@return whether the field may vary: be given a distribution in {@code uncertainty:}, be solved for, be set
     * with {@code --set} or swung by {@code sensitivity}} Every numeric field may.
     */
    public boolean variable() {
        return true;
    }

    /** {@return the field's place in its record's value array, 0-based within its owner} */
    public int index() {
        return index;
    }

    /**
     * {@return whether {@code v} is a valid value (finite, inside {@link #bounds()})}
     *
     * @param v the value, in the field's base unit
     */
    public boolean allows(double v) {
        return bounds.contains(v);
    }

    /**
     * {@return number of table fields of an owner (the length of its records' value arrays)}
     *
     * @param owner the kind of record
     */
    public static int count(Owner owner) {
        return COUNTS[owner.ordinal()];
    }

    /**
     * {@return the fields of an owner, in table order}
     *
     * @param owner the kind of record
     */
    public static List<ModelField> of(Owner owner) {
        List<ModelField> out = new ArrayList<>();
        for (ModelField f : values()) {
            if (f.owner == owner) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * {@return the field of an owner by YAML name, or null}
     *
     * @param owner the kind of record
     * @param yamlName the YAML name
     */
    public static ModelField of(Owner owner, String yamlName) {
        String name = yamlName.toLowerCase(Locale.ROOT);
        for (ModelField f : values()) {
            if (f.owner == owner && f.yamlName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * {@return the defaults of an owner's fields, indexed by {@link #index()} (a new array)}
     *
     * @param owner the kind of record
     */
    public static double[] defaults(Owner owner) {
        double[] v = new double[count(owner)];
        for (ModelField f : values()) {
            if (f.owner == owner) {
                v[f.index] = f.defaultValue;
            }
        }
        return v;
    }

    /** Throws unless the field belongs to {@code expected}. */
    void checkOwner(Owner expected) {
        if (owner != expected) {
            throw new IllegalArgumentException(this + " is a " + owner.name().toLowerCase(Locale.ROOT)
                    + " field, not a " + expected.name().toLowerCase(Locale.ROOT) + " field");
        }
    }
}
