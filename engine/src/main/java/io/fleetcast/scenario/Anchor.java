package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One public anchor of {@code models/calibration/anchors.yaml}: a figure published about AI datacenter economics,
 * the fleetcast quantity that answers the same question, and the band fleetcast must stay inside.
 *
 * @param id          unique id, e.g. {@code capex-per-gw-gb300}
 * @param question    what is compared, in words
 * @param measure     how fleetcast computes its answer
 * @param figure      the published figure as the source states it, e.g. {@code "$50-60B per GW"}
 * @param low         the published range's low end, in the measure's base unit
 * @param high        the published range's high end (equal to {@code low} for a point figure)
 * @param holdLow     the low end of the band fleetcast must stay inside (what the tests enforce)
 * @param holdHigh    the high end of that band
 * @param source      title and address of the source(s)
 * @param date        when the figure was published (first of the month when only a month is known)
 * @param confidence  official, reported or estimate (for an estimate, {@code explains} says how it was derived)
 * @param explains    why fleetcast lands where it does, for the calibration page
 * @param line        the anchor's line in its file (1-based), for messages
 */
public record Anchor(String id, String question, Measure measure, String figure, double low, double high,
                     double holdLow, double holdHigh, String source, LocalDateTime date, String confidence,
                     String explains, int line) {

    /** Checks references. */
    public Anchor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(measure, "measure");
    }

    /** The kinds of fleetcast answer an anchor can be compared with, and the dimension of each. */
    public enum Kind {
        /** IT capex (count resolved from 1 GW of facility power x capex) + facility capex of 1 GW, owned. USD. */
        OWNED_CAPEX_PER_FACILITY_GW("owned-capex-per-facility-gw", Dimension.MONEY),
        /** Accelerators resolved from 1 GW of facility power at the site's design PUE. A count. */
        ACCELERATORS_PER_FACILITY_GW("accelerators-per-facility-gw", Dimension.NUMBER),
        /**
         * tco / slot-hours of an owned fleet over its useful life, incl. the capital charge at the measure's cost of
         * capital. USD per accelerator-hour.
         */
        OWNED_USD_PER_ACCELERATOR_HOUR("owned-usd-per-accelerator-hour", Dimension.PRICE_PER_HOUR),
        /**
         * Delivered compute / (up accelerator-hours x bf16 peak) of a fleet over one year: the model FLOP utilization
         * the engine applies. A fraction.
         */
        DELIVERED_SHARE_OF_PEAK("delivered-share-of-peak", Dimension.FRACTION),
        /** Facility energy / IT energy of a fleet at a site over one calendar year. A plain number. */
        ANNUAL_PUE("annual-pue", Dimension.NUMBER),
        /** The sum of a scenario's resolved facility power (the sizing table's total). Watts. */
        SIZED_FACILITY_POWER("sized-facility-power", Dimension.POWER),
        /** Facility power of the slots installed in one month (slots / count x sized facility power). Watts. */
        INSTALLED_FACILITY_POWER("installed-facility-power", Dimension.POWER),
        /** The sum over the horizon of some money metrics of a scenario. USD. */
        METRIC_TOTAL("metric-total", Dimension.MONEY),
        /** A deal's lease cost / contracted accelerator-hours. USD per accelerator-hour. */
        LEASE_PRICE("lease-price", Dimension.PRICE_PER_HOUR),
        /** A deal's lease cost per GW-year of contracted facility capacity. USD. */
        LEASE_USD_PER_FACILITY_GW_YEAR("lease-usd-per-facility-gw-year", Dimension.MONEY);

        private final String key;
        private final Dimension dimension;

        Kind(String key, Dimension dimension) {
            this.key = key;
            this.dimension = dimension;
        }

        /** The name written in the file. */
        public String key() {
            return key;
        }

        /** What the answer measures (the unit its range is written in). */
        public Dimension dimension() {
            return dimension;
        }

        /** The kind written {@code key}, or null. */
        static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            return null;
        }

        /** Every key, for error messages. */
        static List<String> keys() {
            return java.util.Arrays.stream(values()).map(Kind::key).toList();
        }
    }

    /**
     * How fleetcast computes its answer to an anchor. Which fields a kind uses: accelerator and site for the
     * per-GW and per-hour kinds (plus utilization and opex for the per-hour one), site for the PUE, scenario
     * (and deal, month, metrics, excluded deals) for the portfolio kinds.
     *
     * @param kind         what is computed
     * @param accelerator  catalog id, or null
     * @param site         site id, or null
     * @param utilization  fraction for the per-hour kind (default 1)
     * @param opexPerYear  other opex as a fraction of capex per year for the per-hour kind (default 0)
     * @param costOfCapitalPerYear cost of capital charged by the per-hour kind (default 0: no capital charge)
     * @param scenario     built-in scenario name or path, or null
     * @param deal         deal id for the lease kinds, or null
     * @param month        the month of {@link Kind#INSTALLED_FACILITY_POWER}, or null
     * @param metrics      metric names summed by {@link Kind#METRIC_TOTAL}
     * @param excludeDeals deals left out of the portfolio kinds
     */
    public record Measure(Kind kind, String accelerator, String site, double utilization, double opexPerYear,
                          double costOfCapitalPerYear, String scenario, String deal, LocalDateTime month, List<String> metrics,
                          List<String> excludeDeals) {
        /** Copies the lists. */
        public Measure {
            Objects.requireNonNull(kind, "kind");
            metrics = List.copyOf(metrics);
            excludeDeals = List.copyOf(excludeDeals);
        }
    }
}
