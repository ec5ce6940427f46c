package io.fleetcast.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A datacenter site: its cooling overhead, electricity price and grid carbon, and facility cost.
 *
 * <p>The numeric figures other than the PUE are the {@link ModelField}s of {@link ModelField.Owner#SITE},
 * stored in one array indexed by {@link ModelField#index()} and read with {@link #get(ModelField)} or the
 * named accessors. Immutable.
 */
public final class Site {
    private final String id;
    private final String name;
    private final double[] monthlyPue;
    private final double[] values;
    private final Map<String, Provenance> provenance;

    /**
     * A site.
     *
     * @param id         site id, e.g. {@code us-tx}
     * @param name       human name
     * @param monthlyPue 12 PUE values, January first; all at least 1 (copied)
     * @param values     the other numeric figures, indexed by {@link ModelField#index()}, one per site field;
     *                   a NaN design PUE becomes the highest monthly PUE (copied)
     * @param provenance source and confidence per YAML field name (copied)
     */
    public Site(String id, String name, double[] monthlyPue, double[] values, Map<String, Provenance> provenance) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        if (monthlyPue.length != 12) {
            throw new IllegalArgumentException("site " + id + ": 12 monthly PUE values expected, got " + monthlyPue.length);
        }
        if (values.length != ModelField.count(ModelField.Owner.SITE)) {
            throw new IllegalArgumentException("site " + id + ": " + ModelField.count(ModelField.Owner.SITE)
                    + " values expected, got " + values.length);
        }
        this.monthlyPue = monthlyPue.clone();
        this.values = values.clone();
        if (Double.isNaN(this.values[ModelField.DESIGN_PUE.index()])) {
            this.values[ModelField.DESIGN_PUE.index()] = max(monthlyPue);
        }
        this.provenance = Map.copyOf(provenance);
    }

    private static double max(double[] v) {
        double m = v[0];
        for (int i = 1; i < v.length; i++) {
            m = Math.max(m, v[i]);
        }
        return m;
    }

    /** The value of a site field in its base unit. */
    public double get(ModelField f) {
        f.checkOwner(ModelField.Owner.SITE);
        return values[f.index()];
    }

    /** A copy with one field set (provenance kept). */
    public Site with(ModelField f, double v) {
        f.checkOwner(ModelField.Owner.SITE);
        double[] copy = values.clone();
        copy[f.index()] = v;
        return new Site(id, name, monthlyPue, copy, provenance);
    }

    /** A copy with other monthly PUE values (the design PUE is kept). */
    public Site withMonthlyPue(double[] pue) {
        return new Site(id, name, pue, values, provenance);
    }

    /** The numeric figures other than the PUE, indexed by {@link ModelField#index()} (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Site id. */
    public String id() {
        return id;
    }

    /** Human name. */
    public String name() {
        return name;
    }

    /** Source and confidence per YAML field name. */
    public Map<String, Provenance> provenance() {
        return provenance;
    }

    /** The PUE values, January first (a copy). */
    public double[] monthlyPue() {
        return monthlyPue.clone();
    }

    /** PUE in the given month, 1 = January. */
    public double pue(int monthOfYear) {
        return monthlyPue[monthOfYear - 1];
    }

    /** PUE used to size facility power (default: the highest monthly PUE). */
    public double designPue() {
        return values[ModelField.DESIGN_PUE.index()];
    }

    /** Electricity price at the scenario start, USD/MWh. */
    public double electricityUsdPerMwh() {
        return values[ModelField.ELECTRICITY_PRICE.index()];
    }

    /** Yearly relative change of the price (0.03 = +3 %/year). */
    public double electricityEscalationPerYear() {
        return values[ModelField.ELECTRICITY_ESCALATION.index()];
    }

    /** Grid carbon intensity at the scenario start, g/kWh. */
    public double gridGPerKwh() {
        return values[ModelField.GRID_INTENSITY.index()];
    }

    /** Yearly relative change of the intensity. */
    public double gridChangePerYear() {
        return values[ModelField.GRID_INTENSITY_CHANGE.index()];
    }

    /** Facility capex per MW of design facility power, USD/MW; 0 when not modelled. */
    public double facilityCapexUsdPerMw() {
        return values[ModelField.FACILITY_CAPEX.index()];
    }

    /** Construction time before energization, over which facility capex is paid, hours. */
    public double buildTimeHours() {
        return values[ModelField.BUILD_TIME.index()];
    }

    /** Depreciation life of the facility, hours. */
    public double facilityLifeHours() {
        return values[ModelField.FACILITY_LIFE.index()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site s && id.equals(s.id) && name.equals(s.name) && Arrays.equals(monthlyPue, s.monthlyPue)
                && Arrays.equals(values, s.values) && provenance.equals(s.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, Arrays.hashCode(monthlyPue), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Site[" + id + ", pue=" + Arrays.toString(monthlyPue) + ", designPue=" + designPue()
                + ", electricity=" + electricityUsdPerMwh() + " USD/MWh, grid=" + gridGPerKwh() + " g/kWh]";
    }
}
