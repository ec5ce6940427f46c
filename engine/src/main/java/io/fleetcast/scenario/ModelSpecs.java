package io.fleetcast.scenario;

import io.fleetcast.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric fields of accelerators, sites and deployments, in one place: the readers use them to parse
 * and check values, the uncertainty section to check its paths and the units of its parameters.
 */
final class ModelSpecs {
    private ModelSpecs() {
    }

    /** Numeric fields of an accelerator, in the order of the format doc. */
    static final List<Spec> ACCELERATOR = List.of(
            Spec.optional("bf16", Dimension.COMPUTE, Range.FIGURE, 0),
            Spec.optional("fp8", Dimension.COMPUTE, Range.FIGURE, 0),
            Spec.optional("fp4", Dimension.COMPUTE, Range.FIGURE, 0),
            Spec.required("hbm", Dimension.MEMORY, Range.FIGURE),
            Spec.required("tdp", Dimension.POWER, Range.DEVICE_POWER),
            Spec.required("all-in-power", Dimension.POWER, Range.DEVICE_POWER_POSITIVE),
            Spec.required("idle-fraction", Dimension.FRACTION, Range.UNIT),
            Spec.required("capex", Dimension.MONEY, Range.MONEY),
            Spec.required("useful-life", Dimension.DURATION, Range.DURATION_POSITIVE),
            Spec.required("afr", Dimension.FRACTION, Range.UNIT_HALF_OPEN).or(Dimension.YEARLY_RATE),
            Spec.optional("weibull-shape", Dimension.NUMBER, Range.WEIBULL_SHAPE, 1),
            Spec.required("repair-time", Dimension.DURATION, Range.DURATION_NON_NEGATIVE),
            Spec.required("replacement-cost", Dimension.FRACTION, Range.UNIT),
            Spec.required("embodied-carbon", Dimension.MASS, Range.FIGURE),
            Spec.optional("lease-price", Dimension.PRICE_PER_HOUR, Range.FIGURE, 0));

    /** Text fields of an accelerator. */
    static final List<String> ACCELERATOR_TEXTS = List.of("name", "vendor");

    /** Numeric fields of a site other than {@code pue} (read by {@link Values#pue}). */
    static final List<Spec> SITE = List.of(
            Spec.optional("design-pue", Dimension.NUMBER, Range.PUE, Double.NaN),
            Spec.required("electricity-price", Dimension.ENERGY_PRICE, Range.FIGURE),
            Spec.optional("electricity-escalation", Dimension.YEARLY_RATE, Range.ABOVE_MINUS_ONE, 0),
            Spec.required("grid-intensity", Dimension.CARBON_INTENSITY, Range.FIGURE),
            Spec.optional("grid-intensity-change", Dimension.YEARLY_RATE, Range.ABOVE_MINUS_ONE, 0),
            Spec.optional("facility-capex", Dimension.CAPACITY_PRICE, Range.FIGURE, 0),
            Spec.optional("facility-life", Dimension.DURATION, Range.DURATION_POSITIVE, 20 * Units.HOURS_PER_YEAR));

    /** The PUE field of a site, as a spec for uncertainty parameters. */
    static final Spec SITE_PUE = Spec.required("pue", Dimension.NUMBER, Range.PUE);

    /** Text fields of a site. */
    static final List<String> SITE_TEXTS = List.of("name");

    /** Numeric fields of a deployment (size and start are read apart). */
    static final List<Spec> DEPLOYMENT = List.of(
            Spec.optional("ramp", Dimension.DURATION, Range.DURATION_NON_NEGATIVE, 0).anchoredToStart(),
            Spec.optional("term", Dimension.DURATION, Range.DURATION_POSITIVE, Double.NaN).anchoredToStart(),
            Spec.optional("utilization", Dimension.FRACTION, Range.UNIT, 1),
            Spec.optional("lease-price", Dimension.PRICE_PER_HOUR, Range.FIGURE, Double.NaN),
            Spec.optional("lease-price-decline", Dimension.YEARLY_RATE, Range.DECLINE, 0),
            Spec.optional("opex", Dimension.YEARLY_RATE, Range.YEARLY_UP_TO_TENFOLD, 0),
            Spec.optional("average-power", Dimension.POWER, Range.DEVICE_POWER_POSITIVE, Double.NaN));

    /** The size kinds, by key, as specs. */
    static final List<Spec> SIZE = List.of(
            // a whole number (checked by the reader): up to the most accelerators the engine counts exactly
            Spec.required("count", Dimension.NUMBER, new Range(0, true, 1e15, true, "in [0, 1e15]")),
            Spec.required("it-power", Dimension.POWER, Range.FLEET_POWER),
            Spec.required("facility-power", Dimension.POWER, Range.FLEET_POWER),
            Spec.required("budget", Dimension.MONEY, Range.MONEY));

    /** The spec with {@code key} in {@code specs}, or {@code null}. */
    static Spec find(List<Spec> specs, String key) {
        for (Spec s : specs) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** The keys of {@code specs} after {@code first}. */
    static List<String> keys(List<String> first, List<Spec> specs) {
        List<String> out = new ArrayList<>(first);
        for (Spec s : specs) {
            out.add(s.key());
        }
        return out;
    }
}
