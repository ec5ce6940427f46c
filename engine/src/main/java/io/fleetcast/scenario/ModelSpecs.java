package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import io.fleetcast.model.ModelField;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric fields of accelerators, sites and deployments as the readers parse and check them, built from
 * the field table {@link ModelField}; the uncertainty section uses them to check its paths and the units of
 * its parameters.
 */
final class ModelSpecs {
    private ModelSpecs() {
    }

    /** Numeric fields of an accelerator, in table order ({@link ModelField}). */
    static final List<Spec> ACCELERATOR = specs(ModelField.Owner.ACCELERATOR);

    /** Text fields of an accelerator. */
    static final List<String> ACCELERATOR_TEXTS = List.of("name", "vendor");

    /** Numeric fields of a site other than {@code pue} (read by {@link Values#pue}). */
    static final List<Spec> SITE = specs(ModelField.Owner.SITE);

    /** The PUE field of a site, as a spec for uncertainty parameters. */
    static final Spec SITE_PUE = Spec.required("pue", Dimension.NUMBER, Range.PUE);

    /** Text fields of a site. */
    static final List<String> SITE_TEXTS = List.of("name");

    /** Numeric fields of a deployment (size and start are read apart). */
    static final List<Spec> DEPLOYMENT = specs(ModelField.Owner.DEPLOYMENT);

    private static List<Spec> specs(ModelField.Owner owner) {
        List<Spec> out = new ArrayList<>();
        for (ModelField f : ModelField.of(owner)) {
            out.add(Spec.of(f));
        }
        return List.copyOf(out);
    }

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
