package io.fleetcast.model;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One line of a deal: a number of accelerators of one kind at one site, installed over a ramp.
 *
 * <p>The numeric fields are the {@link ModelField}s of {@link ModelField.Owner#DEPLOYMENT}, stored in one
 * array indexed by {@link ModelField#index()} and read with {@link #get(ModelField)} or the named accessors
 * (NaN stands for an absent {@code term} or {@code average-power}). Immutable.
 */
public final class Deployment {
    private final String id;
    private final String deal;
    private final String acceleratorId;
    private final String siteId;
    private final Ownership ownership;
    private final Size size;
    private final LocalDateTime start;
    private final Precision precision;
    private final boolean energyIncluded;
    private final TermFrom termFrom;
    private final boolean takeOrPay;
    private final String refreshWith;
    private final double[] values;

    /**
     * A deployment.
     *
     * @param id             unique id within the scenario
     * @param deal           the deal the deployment belongs to (a group of the results)
     * @param acceleratorId  catalog id of the accelerator
     * @param siteId         id of the site
     * @param ownership      owned or leased
     * @param size           the size as given; the plan resolves it to a count
     * @param start          first install instant (UTC), inside the scenario's horizon
     * @param precision      the precision whose peak counts as delivered compute
     * @param energyIncluded leased: whether the lease price includes energy
     * @param termFrom       where the term counts from: each slot's install (leased only) or the deployment start
     * @param takeOrPay      leased: the contracted count is paid from the deployment start to the term end (counted
     *                       from the deployment start), installed or not
     * @param values         the numeric fields, indexed by {@link ModelField#index()}, one per deployment field,
     *                       in base units; the lease price is resolved (0 when owned) (copied)
     */
    public Deployment(String id, String deal, String acceleratorId, String siteId, Ownership ownership, Size size,
                      LocalDateTime start, Precision precision, boolean energyIncluded, TermFrom termFrom,
                      boolean takeOrPay, double[] values) {
        this(id, deal, acceleratorId, siteId, ownership, size, start, precision, energyIncluded, termFrom, takeOrPay, null,
                values);
    }

    /**
     * A deployment that may refresh its slots.
     *
     * @param id             unique id within the scenario
     * @param deal           the deal the deployment belongs to
     * @param acceleratorId  catalog id of the accelerator
     * @param siteId         id of the site
     * @param ownership      owned or leased
     * @param size           the size as given
     * @param start          first install instant (UTC)
     * @param precision      the precision whose peak counts as delivered compute
     * @param energyIncluded leased: whether the lease price includes energy
     * @param termFrom       where the term counts from
     * @param takeOrPay      leased: take-or-pay
     * @param refreshWith    owned: the accelerator id a slot gets at the end of each device's service life (the same
     *                       accelerator or a successor); null: no refresh, a slot goes dark at the end of its life
     * @param values         the numeric fields, indexed by {@link ModelField#index()} (copied)
     */
    public Deployment(String id, String deal, String acceleratorId, String siteId, Ownership ownership, Size size,
                      LocalDateTime start, Precision precision, boolean energyIncluded, TermFrom termFrom,
                      boolean takeOrPay, String refreshWith, double[] values) {
        this.refreshWith = refreshWith;
        this.id = Objects.requireNonNull(id, "id");
        this.deal = Objects.requireNonNull(deal, "deal");
        this.acceleratorId = Objects.requireNonNull(acceleratorId, "acceleratorId");
        this.siteId = Objects.requireNonNull(siteId, "siteId");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.size = Objects.requireNonNull(size, "size");
        this.start = Objects.requireNonNull(start, "start");
        this.precision = Objects.requireNonNull(precision, "precision");
        this.energyIncluded = energyIncluded;
        this.termFrom = Objects.requireNonNull(termFrom, "termFrom");
        this.takeOrPay = takeOrPay;
        if (values.length != ModelField.count(ModelField.Owner.DEPLOYMENT)) {
            throw new IllegalArgumentException("deployment " + id + ": " + ModelField.count(ModelField.Owner.DEPLOYMENT)
                    + " values expected, got " + values.length);
        }
        this.values = values.clone();
    }

    /** The value of a deployment field in its base unit (NaN when absent). */
    public double get(ModelField f) {
        f.checkOwner(ModelField.Owner.DEPLOYMENT);
        return values[f.index()];
    }

    /** A copy with one field set. */
    public Deployment with(ModelField f, double v) {
        f.checkOwner(ModelField.Owner.DEPLOYMENT);
        double[] copy = values.clone();
        copy[f.index()] = v;
        return new Deployment(id, deal, acceleratorId, siteId, ownership, size, start, precision, energyIncluded, termFrom, takeOrPay, refreshWith, copy);
    }

    /** A copy with another size. */
    public Deployment withSize(Size s) {
        return new Deployment(id, deal, acceleratorId, siteId, ownership, s, start, precision, energyIncluded, termFrom, takeOrPay, refreshWith, values);
    }

    /** A copy with another start. */
    public Deployment withStart(LocalDateTime s) {
        return new Deployment(id, deal, acceleratorId, siteId, ownership, size, s, precision, energyIncluded, termFrom, takeOrPay, refreshWith, values);
    }

    /**
     * A copy that refreshes its slots with {@code acceleratorId} (null: no refresh).
     *
     * @param acceleratorId the accelerator of the new devices, or null
     * @return the copy
     */
    public Deployment withRefresh(String acceleratorId) {
        return new Deployment(id, deal, this.acceleratorId, siteId, ownership, size, start, precision, energyIncluded, termFrom,
                takeOrPay, acceleratorId, values);
    }

    /**
     * Owned: the accelerator a slot gets at the end of each device's service life (the same one, or a named
     * successor), so the deployment keeps its power envelope to the horizon; empty when slots go dark at the end of
     * their life.
     */
    public java.util.Optional<String> refreshWith() {
        return java.util.Optional.ofNullable(refreshWith);
    }

    /** Owned: yearly decline of the capex of a refreshed device (price-performance), from the deployment start. */
    public double pricePerformanceDeclinePerYear() {
        return v(ModelField.PRICE_PERFORMANCE);
    }

    /** The numeric fields indexed by {@link ModelField#index()} (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Unique id within the scenario. */
    public String id() {
        return id;
    }

    /** The deal the deployment belongs to. */
    public String deal() {
        return deal;
    }

    /** Catalog id of the accelerator. */
    public String acceleratorId() {
        return acceleratorId;
    }

    /** Id of the site. */
    public String siteId() {
        return siteId;
    }

    /** Owned or leased. */
    public Ownership ownership() {
        return ownership;
    }

    /** The size as given. */
    public Size size() {
        return size;
    }

    /** First install instant (UTC). */
    public LocalDateTime start() {
        return start;
    }

    /** The precision whose peak counts as delivered compute. */
    public Precision precision() {
        return precision;
    }

    /** Leased: whether the lease price includes energy. */
    public boolean energyIncluded() {
        return energyIncluded;
    }

    /** Where the term counts from. */
    public TermFrom termFrom() {
        return termFrom;
    }

    /** Leased: whether the contracted count is paid from the deployment start, installed or not. */
    public boolean takeOrPay() {
        return takeOrPay;
    }

    private double v(ModelField f) {
        return values[f.index()];
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Installs are spread uniformly over [start, start + ramp), hours; 0 installs all at start. */
    public double rampHours() {
        return v(ModelField.RAMP);
    }

    /** When present, every slot ends at start + term, hours. */
    public OptionalDouble termHours() {
        return optional(v(ModelField.TERM));
    }

    /** Fraction of peak the up accelerators run at, in [0, 1]. */
    public double utilization() {
        return v(ModelField.UTILIZATION);
    }

    /** Model FLOP utilization in [0, 1]; NaN when not given (the accelerator's, else the utilization, counts). */
    public double mfu() {
        return v(ModelField.DEPLOYMENT_MFU);
    }

    /** Leased: price per contracted accelerator-hour at the deployment start; 0 when owned. */
    public double leasePriceUsdPerHour() {
        return v(ModelField.LEASE_PRICE);
    }

    /** Leased: yearly relative decline of the price (0.05 = -5 %/year). */
    public double leasePriceDeclinePerYear() {
        return v(ModelField.LEASE_PRICE_DECLINE);
    }

    /** Leased: share of the contracted spend that buys non-accelerator services, in [0, 1). */
    public double servicesShare() {
        return v(ModelField.SERVICES_SHARE);
    }

    /** Owned: other opex per year as a fraction of capex. */
    public double opexFractionPerYear() {
        return v(ModelField.OPEX);
    }

    /** Owned: spare accelerators as a fraction of the count, in [0, 1]. */
    public double spares() {
        return v(ModelField.SPARES);
    }

    /** Owned: cost of capital per year; NaN when not given (the scenario's counts). */
    public double costOfCapitalPerYear() {
        return v(ModelField.COST_OF_CAPITAL);
    }

    /** When present, measured average IT watts per up accelerator, replacing the linear power model. */
    public OptionalDouble averagePowerW() {
        return optional(v(ModelField.AVERAGE_POWER));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Deployment d && id.equals(d.id) && deal.equals(d.deal) && acceleratorId.equals(d.acceleratorId)
                && siteId.equals(d.siteId) && ownership == d.ownership && size.equals(d.size) && start.equals(d.start)
                && precision == d.precision && energyIncluded == d.energyIncluded && termFrom == d.termFrom
                && takeOrPay == d.takeOrPay && Objects.equals(refreshWith, d.refreshWith) && Arrays.equals(values, d.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, deal, acceleratorId, siteId, ownership, size, start, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Deployment[").append(id).append(", ").append(acceleratorId).append('@')
                .append(siteId).append(", ").append(ownership).append(", ").append(size).append(", start=").append(start);
        if (refreshWith != null) {
            b.append(", refresh=").append(refreshWith);
        }
        for (ModelField f : ModelField.of(ModelField.Owner.DEPLOYMENT)) {
            b.append(", ").append(f.yamlName()).append('=').append(values[f.index()]);
        }
        return b.append(']').toString();
    }
}
