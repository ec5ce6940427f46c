package io.fleetcast.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entry: one kind of accelerator with its performance, power, cost and reliability figures.
 * All figures are in fleetcast's base units (see {@code docs/scenario-format.md}).
 *
 * <p>The numeric figures are the {@link ModelField}s of {@link ModelField.Owner#ACCELERATOR}, stored in one
 * array indexed by {@link ModelField#index()} and read with {@link #get(ModelField)} or the named accessors;
 * {@link #with(ModelField, double)} gives a copy with one figure changed. Immutable.
 */
public final class Accelerator {
    private final String id;
    private final String name;
    private final String vendor;
    private final double[] values;
    private final Map<String, Provenance> provenance;

    /**
     * An entry.
     *
     * @param id         catalog id, e.g. {@code mi450}
     * @param name       full product name
     * @param vendor     vendor, e.g. {@code AMD}
     * @param values     the numeric figures, indexed by {@link ModelField#index()}, one per accelerator field
     *                   (copied)
     * @param provenance source and confidence per field, keyed by the YAML field name (copied)
     */
    public Accelerator(String id, String name, String vendor, double[] values, Map<String, Provenance> provenance) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        if (values.length != ModelField.count(ModelField.Owner.ACCELERATOR)) {
            throw new IllegalArgumentException("accelerator " + id + ": "
                    + ModelField.count(ModelField.Owner.ACCELERATOR) + " values expected, got " + values.length);
        }
        this.values = values.clone();
        this.provenance = Map.copyOf(provenance);
    }

    /** The value of an accelerator field in its base unit. */
    public double get(ModelField f) {
        f.checkOwner(ModelField.Owner.ACCELERATOR);
        return values[f.index()];
    }

    /** A copy with one field set (provenance kept). */
    public Accelerator with(ModelField f, double v) {
        f.checkOwner(ModelField.Owner.ACCELERATOR);
        double[] copy = values.clone();
        copy[f.index()] = v;
        return new Accelerator(id, name, vendor, copy, provenance);
    }

    /** The numeric figures indexed by {@link ModelField#index()} (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Catalog id. */
    public String id() {
        return id;
    }

    /** Full product name. */
    public String name() {
        return name;
    }

    /** Vendor. */
    public String vendor() {
        return vendor;
    }

    /** Source and confidence per YAML field name (e.g. {@code capex}, {@code all-in-power}). */
    public Map<String, Provenance> provenance() {
        return provenance;
    }

    private double v(ModelField f) {
        return values[f.index()];
    }

    /** Dense peak bf16 TFLOP/s; 0 when not supported. */
    public double bf16Tflops() {
        return v(ModelField.BF16);
    }

    /** Dense peak fp8 TFLOP/s; 0 when not supported. */
    public double fp8Tflops() {
        return v(ModelField.FP8);
    }

    /** Dense peak fp4 TFLOP/s; 0 when not supported. */
    public double fp4Tflops() {
        return v(ModelField.FP4);
    }

    /** HBM capacity in GB. */
    public double hbmGb() {
        return v(ModelField.HBM);
    }

    /** Chip TDP in W (informational). */
    public double tdpW() {
        return v(ModelField.TDP);
    }

    /** IT watts per accelerator at full load, incl. its share of host, network, storage. */
    public double allInW() {
        return v(ModelField.ALL_IN_POWER);
    }

    /** Idle power as a fraction of {@link #allInW()}, in [0, 1]. */
    public double idleFraction() {
        return v(ModelField.IDLE_FRACTION);
    }

    /** All-in IT capex per accelerator, USD. */
    public double capexUsd() {
        return v(ModelField.CAPEX);
    }

    /** Capex of the scale-out network per accelerator, USD (added to IT capex). */
    public double networkCapexUsd() {
        return v(ModelField.NETWORK_CAPEX);
    }

    /** Capex of storage per accelerator, USD (added to IT capex). */
    public double storageCapexUsd() {
        return v(ModelField.STORAGE_CAPEX);
    }

    /** IT capex per accelerator: capex + network-capex + storage-capex, USD. */
    public double itCapexUsd() {
        return capexUsd() + networkCapexUsd() + storageCapexUsd();
    }

    /** Typical model FLOP utilization in [0, 1]; NaN when the catalog gives none. */
    public double mfu() {
        return v(ModelField.MFU);
    }

    /** Service life in hours (a year is 8,766 h): a slot retires, or is refreshed, at this age. */
    public double usefulLifeHours() {
        return v(ModelField.USEFUL_LIFE);
    }

    /** Depreciation (book) life, hours: the field, or the useful life when it is not given. */
    public double depreciationLifeHours() {
        double v = v(ModelField.DEPRECIATION_LIFE);
        return Double.isNaN(v) ? usefulLifeHours() : v;
    }

    /** Fraction of IT capex recovered when an owned device retires. */
    public double residualValueFraction() {
        return v(ModelField.RESIDUAL_VALUE);
    }

    /** Warranty from a slot's install, hours (0: none). */
    public double warrantyHours() {
        return v(ModelField.WARRANTY);
    }

    /**
     * Annual failure rate, in [0, 1): the probability that a new device fails within its first year
     * (exponential: a rate of {@code -ln(1 - afr)} per year).
     */
    public double afr() {
        return v(ModelField.AFR);
    }

    /** Shape of the lifetime distribution; 1 is exponential; the scale is {@code 1 year / (-ln(1 - afr))^(1 / shape)}. */
    public double weibullShape() {
        return v(ModelField.WEIBULL_SHAPE);
    }

    /** Down time from a failure until the replacement is in service, hours. */
    public double repairHours() {
        return v(ModelField.REPAIR_TIME);
    }

    /** Short outages per accelerator-year of up time (no hardware replaced). */
    public double interruptionRatePerYear() {
        return v(ModelField.INTERRUPTION_RATE);
    }

    /** Down time per interruption, hours. */
    public double interruptionHours() {
        return v(ModelField.INTERRUPTION_TIME);
    }

    /** Fraction of capex expensed per replacement, in [0, 1]. */
    public double replacementCostFraction() {
        return v(ModelField.REPLACEMENT_COST);
    }

    /** Embodied emissions per accelerator (with its host share), kgCO2e. */
    public double embodiedKgCo2e() {
        return v(ModelField.EMBODIED_CARBON);
    }

    /** Reference price per accelerator-hour, USD; 0 when none is known. */
    public double leasePriceUsdPerHour() {
        return v(ModelField.ACCELERATOR_LEASE_PRICE);
    }

    /** Dense peak TFLOP/s at the given precision; 0 when the accelerator does not support it. */
    public double peakTflops(Precision precision) {
        return switch (precision) {
            case BF16 -> bf16Tflops();
            case FP8 -> fp8Tflops();
            case FP4 -> fp4Tflops();
        };
    }

    /** Failure rate per hour of up time of the exponential lifetime: {@code -ln(1 - afr) / 8766}. */
    public double failureRatePerHour() {
        return -Math.log1p(-afr()) / Units.HOURS_PER_YEAR;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Accelerator a && id.equals(a.id) && name.equals(a.name) && vendor.equals(a.vendor)
                && Arrays.equals(values, a.values) && provenance.equals(a.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, vendor, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Accelerator[").append(id).append(", ").append(vendor);
        for (ModelField f : ModelField.of(ModelField.Owner.ACCELERATOR)) {
            b.append(", ").append(f.yamlName()).append('=').append(values[f.index()]);
        }
        return b.append(']').toString();
    }
}
