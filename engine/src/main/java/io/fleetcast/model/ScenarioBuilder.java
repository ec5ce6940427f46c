package io.fleetcast.model;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link Scenario} in code, without YAML, for planners who embed fleetcast:
 *
 * <pre>{@code
 * Accelerator mi450 = ScenarioBuilder.accelerator("mi450").vendor("AMD").allInPowerW(2900)
 *         .capexUsd(55_000).usefulLifeYears(6).afr(0.05).repairHours(72).build();
 * Site texas = ScenarioBuilder.site("us-tx").pue(1.2).electricityUsdPerMwh(60).gridGPerKwh(400).build();
 * Scenario s = ScenarioBuilder.scenario("demo").start(2026, 7).horizonMonths(96)
 *         .accelerator(mi450).site(texas)
 *         .deployment(ScenarioBuilder.deployment("first-gw", "mi450", "us-tx")
 *                 .size(Size.facilityPower(1e9)).start(2026, 7).rampMonths(6).utilization(0.7))
 *         .build();
 * }</pre>
 *
 * Values are in fleetcast's base units (hours, W, USD, fractions). Calendar durations given in months or
 * years ({@link #horizonMonths}, {@link DeploymentBuilder#rampMonths}, {@link DeploymentBuilder#termMonths})
 * are calendar-true from their anchor, as in the YAML format. Builders are mutable and not thread-safe;
 * the values they build are immutable.
 */
public final class ScenarioBuilder {

    private final String name;
    private String description = "";
    private LocalDateTime start;
    private LocalDateTime end;
    private Integer horizonMonths;
    private Double horizonHours;
    private Step step = Step.MONTH;
    private double discountRate;
    private double costOfCapital;
    private final Map<String, Accelerator> accelerators = new LinkedHashMap<>();
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final List<DeploymentBuilder> deployments = new ArrayList<>();
    private final List<UncertainInput> uncertainty = new ArrayList<>();
    private MonteCarloSettings monteCarlo = MonteCarloSettings.DEFAULT;
    private final List<Consideration> consideration = new ArrayList<>();
    private final List<PowerCap> powerCaps = new ArrayList<>();

    private ScenarioBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Starts a scenario.
     *
     * @param name scenario name
     * @return a builder: set at least the start, the horizon, the catalog entries, sites and one deployment
     */
    public static ScenarioBuilder scenario(String name) {
        return new ScenarioBuilder(name);
    }

    /**
     * Starts a catalog entry with neutral defaults (no failures, 5-year life, no cost, no power): set at
     * least the all-in power.
     *
     * @param id catalog id
     * @return an accelerator builder
     */
    public static AcceleratorBuilder accelerator(String id) {
        return new AcceleratorBuilder(id);
    }

    /**
     * Starts a site with neutral defaults (PUE 1, free carbon-free electricity, no facility capex,
     * 20-year facility life).
     *
     * @param id site id
     * @return a site builder
     */
    public static SiteBuilder site(String id) {
        return new SiteBuilder(id);
    }

    /**
     * Starts a deployment (owned, utilization 1, bf16, no ramp, no term, starting at the scenario start
     * unless set): set at least the size.
     *
     * @param id            deployment id
     * @param acceleratorId catalog id of its accelerator
     * @param siteId        id of its site
     * @return a deployment builder
     */
    public static DeploymentBuilder deployment(String id, String acceleratorId, String siteId) {
        return new DeploymentBuilder(id, acceleratorId, siteId);
    }

    /** Sets the one-line description. */
    public ScenarioBuilder description(String text) {
        this.description = Objects.requireNonNull(text, "description");
        return this;
    }

    /** Starts the scenario at midnight UTC on the first day of a month. */
    public ScenarioBuilder start(int year, int month) {
        return start(YearMonth.of(year, month).atDay(1).atStartOfDay());
    }

    /** Starts the scenario at an instant (UTC). */
    public ScenarioBuilder start(LocalDateTime instant) {
        this.start = Objects.requireNonNull(instant, "start");
        return this;
    }

    /** Sets the horizon to a number of calendar months from the start. */
    public ScenarioBuilder horizonMonths(int months) {
        this.horizonMonths = months;
        this.horizonHours = null;
        this.end = null;
        return this;
    }

    /** Sets the horizon to a duration in hours from the start (e.g. {@code 14.8 * 24}). */
    public ScenarioBuilder horizonHours(double hours) {
        this.horizonHours = hours;
        this.horizonMonths = null;
        this.end = null;
        return this;
    }

    /** Sets the end of the horizon (UTC). */
    public ScenarioBuilder end(LocalDateTime instant) {
        this.end = Objects.requireNonNull(instant, "end");
        this.horizonMonths = null;
        this.horizonHours = null;
        return this;
    }

    /** Sets the period length (default: month). */
    public ScenarioBuilder step(Step s) {
        this.step = Objects.requireNonNull(s, "step");
        return this;
    }

    /** Sets the yearly discount rate for the NPV of cash, e.g. 0.08 (default 0). */
    public ScenarioBuilder discountRate(double perYear) {
        this.discountRate = perYear;
        return this;
    }

    /**
     * Sets the yearly cost of capital (WACC) of owned deployments that give none of their own, e.g. 0.08
     * (default 0: no capital charge).
     */
    public ScenarioBuilder costOfCapital(double perYear) {
        this.costOfCapital = perYear;
        return this;
    }

    /** Adds (or replaces) a catalog entry. */
    public ScenarioBuilder accelerator(Accelerator a) {
        accelerators.put(a.id(), a);
        return this;
    }

    /** Adds (or replaces) every catalog entry of a map, e.g. {@code loadedScenario.accelerators()}. */
    public ScenarioBuilder accelerators(Map<String, Accelerator> catalog) {
        accelerators.putAll(catalog);
        return this;
    }

    /** Adds (or replaces) a site. */
    public ScenarioBuilder site(Site s) {
        sites.put(s.id(), s);
        return this;
    }

    /** Adds (or replaces) every site of a map, e.g. {@code loadedScenario.sites()}. */
    public ScenarioBuilder sites(Map<String, Site> all) {
        sites.putAll(all);
        return this;
    }

    /** Adds a deployment; it is built when the scenario is, so it may rely on the scenario start. */
    public ScenarioBuilder deployment(DeploymentBuilder d) {
        deployments.add(Objects.requireNonNull(d, "deployment"));
        return this;
    }

    /** Adds an uncertain input. */
    public ScenarioBuilder uncertain(String path, InputDistribution distribution) {
        uncertainty.add(new UncertainInput(path, distribution));
        return this;
    }

    /** Adds a site's grid limit (a step schedule of facility power). */
    public ScenarioBuilder powerCap(PowerCap cap) {
        powerCaps.add(Objects.requireNonNull(cap, "cap"));
        return this;
    }

    /** Adds vendor consideration received at a deployment milestone. */
    public ScenarioBuilder consideration(Consideration c) {
        consideration.add(Objects.requireNonNull(c, "consideration"));
        return this;
    }

    /** Sets the Monte Carlo settings (default {@link MonteCarloSettings#DEFAULT}). */
    public ScenarioBuilder monteCarlo(MonteCarloSettings settings) {
        this.monteCarlo = Objects.requireNonNull(settings, "monteCarlo");
        return this;
    }

    /**
     * Builds the scenario.
     *
     * @return the scenario
     * @throws IllegalArgumentException naming the field when the start or horizon is missing, a deployment
     *                                  refers to an unknown accelerator or site, ids repeat, or a
     *                                  deployment starts outside the horizon
     */
    public Scenario build() {
        if (start == null) {
            throw new IllegalArgumentException("scenario " + name + ": start is not set");
        }
        LocalDateTime horizonEnd;
        if (end != null) {
            horizonEnd = end;
        } else if (horizonMonths != null) {
            horizonEnd = start.plusMonths(horizonMonths);
        } else if (horizonHours != null) {
            horizonEnd = start.plusNanos(Math.round(horizonHours * 3.6e12));
        } else {
            throw new IllegalArgumentException("scenario " + name + ": horizon is not set");
        }
        if (!horizonEnd.isAfter(start)) {
            throw new IllegalArgumentException("scenario " + name + ": horizon must end after the start " + start + ", ends " + horizonEnd);
        }
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("scenario " + name + ": at least one deployment is needed");
        }
        List<Deployment> built = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (DeploymentBuilder d : deployments) {
            if (!ids.add(d.id)) {
                throw new IllegalArgumentException("scenario " + name + ": deployment id '" + d.id + "' is used twice");
            }
            Accelerator a = accelerators.get(d.acceleratorId);
            if (a == null) {
                throw new IllegalArgumentException("deployments." + d.id + ".accelerator: unknown accelerator '"
                        + d.acceleratorId + "' (known: " + accelerators.keySet() + ")");
            }
            if (!sites.containsKey(d.siteId)) {
                throw new IllegalArgumentException("deployments." + d.id + ".site: unknown site '" + d.siteId
                        + "' (known: " + sites.keySet() + ")");
            }
            Deployment dep = d.build(start, a);
            if (dep.start().isBefore(start) || !dep.start().isBefore(horizonEnd)) {
                throw new IllegalArgumentException("deployments." + d.id + ".start: " + dep.start()
                        + " is outside the horizon [" + start + ", " + horizonEnd + ")");
            }
            built.add(dep);
        }
        return new Scenario(name, description, start, horizonEnd, step, discountRate, costOfCapital, built, accelerators, sites,
                uncertainty, monteCarlo, consideration, powerCaps, Optional.empty());
    }

    /**
     * Builds an {@link Accelerator}; every setter takes base units. Every field of the table
     * ({@link ModelField}) can be set with {@link #set}; the named setters are shorthands. Unset fields
     * take the table's defaults ({@link ModelField#defaultValue()}).
     */
    public static final class AcceleratorBuilder {
        private final String id;
        private String name;
        private String vendor = "unknown";
        private final double[] values = ModelField.defaults(ModelField.Owner.ACCELERATOR);

        private AcceleratorBuilder(String id) {
            this.id = Objects.requireNonNull(id, "id");
            this.name = id;
        }

        /** Starts from every figure of an existing entry (its provenance is dropped: the copy is the user's). */
        public static AcceleratorBuilder from(Accelerator a) {
            AcceleratorBuilder b = new AcceleratorBuilder(a.id());
            b.name = a.name();
            b.vendor = a.vendor();
            System.arraycopy(a.values(), 0, b.values, 0, b.values.length);
            return b;
        }

        /**
         * Sets any accelerator field of the table.
         *
         * @param field an accelerator field
         * @param v     its value in the base unit
         * @return this builder
         * @throws IllegalArgumentException when the field is not an accelerator field
         */
        public AcceleratorBuilder set(ModelField field, double v) {
            field.checkOwner(ModelField.Owner.ACCELERATOR);
            values[field.index()] = v;
            return this;
        }

        /** Sets the product name (default: the id). */
        public AcceleratorBuilder name(String v) { name = v; return this; }
        /** Sets the vendor (default {@code unknown}). */
        public AcceleratorBuilder vendor(String v) { vendor = v; return this; }
        /** Sets the dense peak bf16 TFLOP/s. */
        public AcceleratorBuilder bf16Tflops(double v) { return set(ModelField.BF16, v); }
        /** Sets the dense peak fp8 TFLOP/s. */
        public AcceleratorBuilder fp8Tflops(double v) { return set(ModelField.FP8, v); }
        /** Sets the dense peak fp4 TFLOP/s. */
        public AcceleratorBuilder fp4Tflops(double v) { return set(ModelField.FP4, v); }
        /** Sets the HBM capacity in GB. */
        public AcceleratorBuilder hbmGb(double v) { return set(ModelField.HBM, v); }
        /** Sets the chip TDP in W (informational). */
        public AcceleratorBuilder tdpW(double v) { return set(ModelField.TDP, v); }
        /** Sets the all-in IT watts per accelerator at full load. */
        public AcceleratorBuilder allInPowerW(double v) { return set(ModelField.ALL_IN_POWER, v); }
        /** Sets idle power as a fraction of all-in power, in [0, 1]. */
        public AcceleratorBuilder idleFraction(double v) { return set(ModelField.IDLE_FRACTION, v); }
        /** Sets the all-in capex per accelerator in USD. */
        public AcceleratorBuilder capexUsd(double v) { return set(ModelField.CAPEX, v); }
        /** Sets the useful life in hours. */
        public AcceleratorBuilder usefulLifeHours(double v) { return set(ModelField.USEFUL_LIFE, v); }
        /** Sets the useful life in years of 8,766 h. */
        public AcceleratorBuilder usefulLifeYears(double v) { return set(ModelField.USEFUL_LIFE, v * Units.HOURS_PER_YEAR); }
        /** Sets the annual failure rate, in [0, 1). */
        public AcceleratorBuilder afr(double v) { return set(ModelField.AFR, v); }
        /** Sets the Weibull shape of lifetimes (1: exponential). */
        public AcceleratorBuilder weibullShape(double v) { return set(ModelField.WEIBULL_SHAPE, v); }
        /** Sets the down time per failure in hours. */
        public AcceleratorBuilder repairHours(double v) { return set(ModelField.REPAIR_TIME, v); }
        /** Sets the fraction of capex expensed per replacement, in [0, 1] (default 1). */
        public AcceleratorBuilder replacementCostFraction(double v) { return set(ModelField.REPLACEMENT_COST, v); }
        /** Sets the embodied emissions per accelerator in kgCO2e. */
        public AcceleratorBuilder embodiedKgCo2e(double v) { return set(ModelField.EMBODIED_CARBON, v); }
        /** Sets the reference lease price per accelerator-hour in USD. */
        public AcceleratorBuilder leasePriceUsdPerHour(double v) { return set(ModelField.ACCELERATOR_LEASE_PRICE, v); }

        /** Builds the entry. */
        public Accelerator build() {
            return new Accelerator(id, name, vendor, values, Map.of());
        }
    }

    /**
     * Builds a {@link Site}; every setter takes base units. Every field of the table ({@link ModelField})
     * can be set with {@link #set}; unset fields take the table's defaults.
     */
    public static final class SiteBuilder {
        private final String id;
        private String name;
        private double[] pue = filled(1.0);
        private final double[] values = ModelField.defaults(ModelField.Owner.SITE);

        private SiteBuilder(String id) {
            this.id = Objects.requireNonNull(id, "id");
            this.name = id;
        }

        /** Starts from every figure of an existing site (provenance dropped). */
        public static SiteBuilder from(Site s) {
            SiteBuilder b = new SiteBuilder(s.id());
            b.name = s.name();
            b.pue = s.monthlyPue();
            System.arraycopy(s.values(), 0, b.values, 0, b.values.length);
            return b;
        }

        private static double[] filled(double v) {
            double[] a = new double[12];
            java.util.Arrays.fill(a, v);
            return a;
        }

        /**
         * Sets any site field of the table.
         *
         * @param field a site field
         * @param v     its value in the base unit
         * @return this builder
         * @throws IllegalArgumentException when the field is not a site field
         */
        public SiteBuilder set(ModelField field, double v) {
            field.checkOwner(ModelField.Owner.SITE);
            values[field.index()] = v;
            return this;
        }

        /** Sets the human name (default: the id). */
        public SiteBuilder name(String v) { name = v; return this; }
        /** Sets one PUE for every month. */
        public SiteBuilder pue(double v) { pue = filled(v); return this; }
        /** Sets 12 monthly PUE values, January first (copied). */
        public SiteBuilder monthlyPue(double... v) { pue = v.clone(); return this; }
        /** Sets the design PUE (default: the highest monthly PUE). */
        public SiteBuilder designPue(double v) { return set(ModelField.DESIGN_PUE, v); }
        /** Sets the electricity price at the scenario start, USD/MWh. */
        public SiteBuilder electricityUsdPerMwh(double v) { return set(ModelField.ELECTRICITY_PRICE, v); }
        /** Sets the yearly relative change of the electricity price (0.03 = +3 %/year). */
        public SiteBuilder electricityEscalationPerYear(double v) { return set(ModelField.ELECTRICITY_ESCALATION, v); }
        /** Sets the grid intensity at the scenario start, g/kWh. */
        public SiteBuilder gridGPerKwh(double v) { return set(ModelField.GRID_INTENSITY, v); }
        /** Sets the yearly relative change of the grid intensity. */
        public SiteBuilder gridChangePerYear(double v) { return set(ModelField.GRID_INTENSITY_CHANGE, v); }
        /** Sets the facility capex per MW of design facility power, USD/MW. */
        public SiteBuilder facilityCapexUsdPerMw(double v) { return set(ModelField.FACILITY_CAPEX, v); }
        /** Sets the facility depreciation life in hours. */
        public SiteBuilder facilityLifeHours(double v) { return set(ModelField.FACILITY_LIFE, v); }

        /** Builds the site (a design PUE left unset becomes the highest monthly PUE). */
        public Site build() {
            return new Site(id, name, pue, values, Map.of());
        }
    }

    /**
     * Builds a {@link Deployment}; every setter takes base units. Every field of the table
     * ({@link ModelField}) can be set with {@link #set}; unset fields take the table's defaults.
     */
    public static final class DeploymentBuilder {
        private final String id;
        private final String acceleratorId;
        private final String siteId;
        private String deal;
        private Ownership ownership = Ownership.OWNED;
        private Size size;
        private LocalDateTime start;
        private Integer rampMonths;
        private Integer termMonths;
        private Precision precision = Precision.BF16;
        private boolean energyIncluded = true;
        private TermFrom termFrom;
        private boolean takeOrPay;
        private boolean refresh;
        private String successor;
        private final double[] values = ModelField.defaults(ModelField.Owner.DEPLOYMENT);

        private DeploymentBuilder(String id, String acceleratorId, String siteId) {
            this.id = Objects.requireNonNull(id, "id");
            this.acceleratorId = Objects.requireNonNull(acceleratorId, "acceleratorId");
            this.siteId = Objects.requireNonNull(siteId, "siteId");
        }

        /**
         * Sets any deployment field of the table; a ramp or term set here is in hours (it replaces one set
         * in months).
         *
         * @param field a deployment field
         * @param v     its value in the base unit
         * @return this builder
         * @throws IllegalArgumentException when the field is not a deployment field
         */
        public DeploymentBuilder set(ModelField field, double v) {
            field.checkOwner(ModelField.Owner.DEPLOYMENT);
            values[field.index()] = v;
            if (field == ModelField.RAMP) {
                rampMonths = null;
            } else if (field == ModelField.TERM) {
                termMonths = null;
            }
            return this;
        }

        /** Sets the deal (default: the deployment id). */
        public DeploymentBuilder deal(String v) { deal = v; return this; }
        /** Sets owned or leased (default owned). */
        public DeploymentBuilder ownership(Ownership v) { ownership = v; return this; }
        /** Sets the size as given (count, IT power, facility power or budget). */
        public DeploymentBuilder size(Size v) { size = v; return this; }
        /** Sets the size to a number of accelerators. */
        public DeploymentBuilder count(long n) { size = Size.count(n); return this; }
        /** Starts installing at midnight UTC on the first day of a month. */
        public DeploymentBuilder start(int year, int month) { return start(YearMonth.of(year, month).atDay(1).atStartOfDay()); }
        /** Starts installing at an instant (default: the scenario start). */
        public DeploymentBuilder start(LocalDateTime v) { start = v; return this; }
        /** Spreads installs over a ramp in hours (default 0: all at the start). */
        public DeploymentBuilder rampHours(double v) { return set(ModelField.RAMP, v); }
        /** Spreads installs over calendar months from the deployment start. */
        public DeploymentBuilder rampMonths(int v) { rampMonths = v; return this; }
        /** Ends every slot at start + term, in hours. */
        public DeploymentBuilder termHours(double v) { return set(ModelField.TERM, v); }
        /** Ends every slot at start + term, in calendar months. */
        public DeploymentBuilder termMonths(int v) { termMonths = v; return this; }
        /** Sets the utilization of up accelerators, in [0, 1] (default 1). */
        public DeploymentBuilder utilization(double v) { return set(ModelField.UTILIZATION, v); }
        /** Sets the precision whose peak counts as delivered compute (default bf16). */
        public DeploymentBuilder precision(Precision v) { precision = v; return this; }
        /** Leased: price per contracted accelerator-hour at the deployment start (default: the catalog's). */
        public DeploymentBuilder leasePriceUsdPerHour(double v) { return set(ModelField.LEASE_PRICE, v); }
        /** Leased: yearly relative decline of the price (0.05 = -5 %/year). */
        public DeploymentBuilder leasePriceDeclinePerYear(double v) { return set(ModelField.LEASE_PRICE_DECLINE, v); }
        /** Leased: whether the lease includes energy (default true). */
        public DeploymentBuilder energyIncluded(boolean v) { energyIncluded = v; return this; }
        /**
         * Where the term counts from (default: each slot's install when leased, the deployment start when owned
         * or take-or-pay).
         */
        public DeploymentBuilder termFrom(TermFrom v) { termFrom = v; return this; }
        /** Leased: pay the contracted count from the deployment start to the term end, installed or not. */
        public DeploymentBuilder takeOrPay(boolean v) { takeOrPay = v; return this; }
        /** Owned: give a slot a new device at the end of each device's service life (default: it goes dark). */
        public DeploymentBuilder refresh(boolean v) { refresh = v; return this; }
        /** Owned, refreshed: the accelerator the refreshed slots get (default: the same one). */
        public DeploymentBuilder successor(String acceleratorId) { successor = acceleratorId; return this; }
        /** Owned, refreshed: yearly decline of a refreshed device's capex from the deployment start. */
        public DeploymentBuilder pricePerformance(double v) { return set(ModelField.PRICE_PERFORMANCE, v); }
        /** Owned: other opex per year as a fraction of capex. */
        public DeploymentBuilder opexFractionPerYear(double v) { return set(ModelField.OPEX, v); }
        /** Replaces the linear power model by a measured average IT power per up accelerator, W. */
        public DeploymentBuilder averagePowerW(double v) { return set(ModelField.AVERAGE_POWER, v); }

        Deployment build(LocalDateTime scenarioStart, Accelerator a) {
            if (size == null) {
                throw new IllegalArgumentException("deployments." + id + ".size: give exactly one of count, it-power, facility-power, budget");
            }
            LocalDateTime s = start != null ? start : scenarioStart;
            double[] v = values.clone();
            if (rampMonths != null) {
                v[ModelField.RAMP.index()] = Timeline.hoursBetween(s, s.plusMonths(rampMonths));
            }
            if (termMonths != null) {
                v[ModelField.TERM.index()] = Timeline.hoursBetween(s, s.plusMonths(termMonths));
            }
            boolean leased = ownership == Ownership.LEASED;
            double price = v[ModelField.LEASE_PRICE.index()];
            v[ModelField.LEASE_PRICE.index()] = leased ? (Double.isNaN(price) ? a.leasePriceUsdPerHour() : price) : 0;
            TermFrom from = termFrom != null ? termFrom
                    : leased && !takeOrPay ? TermFrom.INSTALL : TermFrom.DEPLOYMENT_START;
            return new Deployment(id, deal != null ? deal : id, acceleratorId, siteId, ownership, size, s, precision,
                    energyIncluded, from, leased && takeOrPay, !leased && refresh ? (successor != null ? successor : acceleratorId)
                    : null, v);
        }
    }
}
