package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

/**
 * One numeric field of the format: its key, the dimension it accepts, its valid range, whether it is
 * required and its default. The uncertainty section uses the same specs to know which paths name a
 * numeric field and in which unit a distribution's parameters must be written.
 *
 * @param key          the YAML key, e.g. {@code all-in-power}
 * @param dimension    the accepted dimension
 * @param alternative  a second accepted dimension, or {@code null} (the AFR takes a fraction or a yearly rate)
 * @param range        valid values in the base unit
 * @param required     whether the field must be given
 * @param defaultValue the value in the base unit when it is not given and not required
 * @param anchored     whether calendar durations count from the deployment start (ramp, term)
 */
record Spec(String key, Dimension dimension, Dimension alternative, Range range, boolean required,
            double defaultValue, boolean anchored) {

    /** The spec of a field of the table ({@link io.fleetcast.model.ModelField}). */
    static Spec of(io.fleetcast.model.ModelField f) {
        io.fleetcast.model.ModelField.Bounds b = f.bounds();
        Range range = new Range(b.lo, b.loInclusive, b.hi, b.hiInclusive, b.text);
        return new Spec(f.yamlName(), f.dimension(), f.alternative(), range, f.required(),
                f.required() ? Double.NaN : f.defaultValue(), f.anchored());
    }

    static Spec required(String key, Dimension dimension, Range range) {
        return new Spec(key, dimension, null, range, true, Double.NaN, false);
    }

    static Spec optional(String key, Dimension dimension, Range range, double defaultValue) {
        return new Spec(key, dimension, null, range, false, defaultValue, false);
    }

    Spec anchoredToStart() {
        return new Spec(key, dimension, alternative, range, required, defaultValue, true);
    }

    Spec or(Dimension other) {
        return new Spec(key, dimension, other, range, required, defaultValue, anchored);
    }

    /** Whether a quantity in {@code unit} is accepted. */
    boolean accepts(Unit unit) {
        return Unit.accepts(dimension, unit) || (alternative != null && Unit.accepts(alternative, unit));
    }

    /** What the field accepts, e.g. "a power (W, kW, MW, GW) > 0". */
    String expectation() {
        String dims = Unit.expectation(dimension) + (alternative == null ? "" : " or " + Unit.expectation(alternative));
        return range.text().isEmpty() ? dims : dims + " " + range.text();
    }
}
