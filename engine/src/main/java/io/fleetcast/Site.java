package io.fleetcast;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A datacenter site: its cooling overhead, electricity price and grid carbon, and facility cost.
 *
 * @param id                          site id, e.g. {@code us-tx}
 * @param name                        human name
 * @param monthlyPue                  12 PUE values, January first; all at least 1
 * @param designPue                   PUE used to size facility power (default: the highest monthly PUE)
 * @param electricityUsdPerMwh        electricity price at the scenario start
 * @param electricityEscalationPerYear yearly relative change of the price (0.03 = +3 %/year)
 * @param gridGPerKwh                 grid carbon intensity at the scenario start
 * @param gridChangePerYear           yearly relative change of the intensity
 * @param facilityCapexUsdPerMw       facility capex per MW of design facility power, 0 when not modelled
 * @param facilityLifeHours           depreciation life of the facility
 * @param provenance                  source and confidence per YAML field name
 */
public record Site(
        String id,
        String name,
        double[] monthlyPue,
        double designPue,
        double electricityUsdPerMwh,
        double electricityEscalationPerYear,
        double gridGPerKwh,
        double gridChangePerYear,
        double facilityCapexUsdPerMw,
        double facilityLifeHours,
        Map<String, Provenance> provenance) {

    /** Copies the arrays and map so the record stays immutable; requires 12 PUE values. */
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (monthlyPue.length != 12) {
            throw new IllegalArgumentException("site " + id + ": 12 monthly PUE values expected, got " + monthlyPue.length);
        }
        monthlyPue = monthlyPue.clone();
        provenance = Map.copyOf(provenance);
    }

    /** The PUE values, January first (a copy). */
    @Override
    public double[] monthlyPue() {
        return monthlyPue.clone();
    }

    /** PUE in the given month, 1 = January. */
    public double pue(int monthOfYear) {
        return monthlyPue[monthOfYear - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site s && id.equals(s.id) && name.equals(s.name) && Arrays.equals(monthlyPue, s.monthlyPue)
                && Double.compare(designPue, s.designPue) == 0
                && Double.compare(electricityUsdPerMwh, s.electricityUsdPerMwh) == 0
                && Double.compare(electricityEscalationPerYear, s.electricityEscalationPerYear) == 0
                && Double.compare(gridGPerKwh, s.gridGPerKwh) == 0
                && Double.compare(gridChangePerYear, s.gridChangePerYear) == 0
                && Double.compare(facilityCapexUsdPerMw, s.facilityCapexUsdPerMw) == 0
                && Double.compare(facilityLifeHours, s.facilityLifeHours) == 0
                && provenance.equals(s.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, Arrays.hashCode(monthlyPue), designPue, electricityUsdPerMwh, gridGPerKwh);
    }

    @Override
    public String toString() {
        return "Site[" + id + ", pue=" + Arrays.toString(monthlyPue) + ", designPue=" + designPue
                + ", electricity=" + electricityUsdPerMwh + " USD/MWh, grid=" + gridGPerKwh + " g/kWh]";
    }
}
