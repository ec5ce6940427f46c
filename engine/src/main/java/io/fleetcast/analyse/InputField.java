package io.fleetcast.analyse;

import io.fleetcast.model.ModelField;
import io.fleetcast.model.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numeric fields of a scenario an input path can address, by their YAML names, with the range a
 * value must stay in and the dimension of its unit (for parsing {@code "2.5 USD/h"} on the command line).
 *
 * <p>Every field of the field table {@link ModelField} is one (backed by it: same name, dimension and
 * range), plus the fields the table leaves out because they are not plain numbers: a site's {@code pue}
 * (a value sets the mean of the 12 monthly values by scaling the cooling overhead {@code pue - 1} of every
 * month by one factor, so the seasonal shape is kept), a deployment's {@code size} (keeping its kind),
 * {@code count}, {@code it-power}, {@code facility-power}, {@code budget} (replacing it by one of that kind)
 * and {@code start} (a delay in hours), and a consideration entry's {@code cash}, {@code shares} and
 * {@code share-price}. Values are in fleetcast's base units. Instances are unique per
 * field, so they compare with {@code ==}.
 */
public final class InputField {
    private static final Map<ModelField, InputField> TABLE = new EnumMap<>(ModelField.class);

    static {
        for (ModelField f : ModelField.values()) {
            TABLE.put(f, new InputField(f, f.owner(), f.yamlName(), f.dimension(), f.bounds()));
        }
    }

    /** Site PUE: a value sets the mean of the 12 monthly values (the design PUE does not move). */
    public static final InputField PUE = special(ModelField.Owner.SITE, "pue", Dimension.NUMBER,
            ModelField.Bounds.AT_LEAST_ONE);
    /** The size value, keeping the size's kind (count, W or USD). */
    public static final InputField SIZE = special(ModelField.Owner.DEPLOYMENT, "size", null,
            ModelField.Bounds.NON_NEGATIVE);
    /** Size as a number of accelerators (replaces the size's kind). */
    public static final InputField COUNT = special(ModelField.Owner.DEPLOYMENT, "count", Dimension.NUMBER,
            ModelField.Bounds.NON_NEGATIVE);
    /** Size as IT power in W (replaces the size's kind). */
    public static final InputField IT_POWER = special(ModelField.Owner.DEPLOYMENT, "it-power", Dimension.POWER,
            ModelField.Bounds.NON_NEGATIVE);
    /** Size as facility power in W (replaces the size's kind). */
    public static final InputField FACILITY_POWER = special(ModelField.Owner.DEPLOYMENT, "facility-power", Dimension.POWER,
            ModelField.Bounds.NON_NEGATIVE);
    /** Size as a budget in USD (replaces the size's kind). */
    public static final InputField BUDGET = special(ModelField.Owner.DEPLOYMENT, "budget", Dimension.MONEY,
            ModelField.Bounds.NON_NEGATIVE);
    /** Start: a value is a delay in hours added to the deployment's start (negative brings it forward). */
    public static final InputField START = special(ModelField.Owner.DEPLOYMENT, "start", Dimension.DURATION,
            ModelField.Bounds.ANY);
    /** A consideration entry's cash, USD. */
    public static final InputField CONSIDERATION_CASH = special(ModelField.Owner.CONSIDERATION, "cash", Dimension.MONEY,
            ModelField.Bounds.NON_NEGATIVE);
    /** A consideration entry's number of shares. */
    public static final InputField CONSIDERATION_SHARES = special(ModelField.Owner.CONSIDERATION, "shares", Dimension.NUMBER,
            ModelField.Bounds.NON_NEGATIVE);
    /** A consideration entry's share price, USD: the value of a warrant follows the supplier's share price. */
    public static final InputField CONSIDERATION_SHARE_PRICE = special(ModelField.Owner.CONSIDERATION, "share-price", Dimension.MONEY,
            ModelField.Bounds.NON_NEGATIVE);
    /** Annual failure rate (table field; named for the solver's bracket). */
    public static final InputField AFR = TABLE.get(ModelField.AFR);
    /** Design PUE (table field; named for the solver's bracket). */
    public static final InputField DESIGN_PUE = TABLE.get(ModelField.DESIGN_PUE);
    /** A deployment's lease price (table field; named for solve's implied price). */
    public static final InputField LEASE_PRICE = TABLE.get(ModelField.LEASE_PRICE);

    /** Every field, per owner: the specials first (a site's, a deployment's, a consideration's), then the table's. */
    private static final List<InputField> ALL = all();

    private final ModelField field;
    private final ModelField.Owner owner;
    private final String yamlName;
    private final Dimension dimension;
    private final ModelField.Bounds bounds;

    private InputField(ModelField field, ModelField.Owner owner, String yamlName, Dimension dimension,
                       ModelField.Bounds bounds) {
        this.field = field;
        this.owner = owner;
        this.yamlName = yamlName;
        this.dimension = dimension;
        this.bounds = bounds;
    }

    private static InputField special(ModelField.Owner owner, String yamlName, Dimension dimension, ModelField.Bounds bounds) {
        return new InputField(null, owner, yamlName, dimension, bounds);
    }

    private static List<InputField> all() {
        List<InputField> out = new ArrayList<>();
        for (ModelField.Owner o : ModelField.Owner.values()) {
            if (o == ModelField.Owner.SITE) {
                out.add(PUE);
            } else if (o == ModelField.Owner.DEPLOYMENT) {
                out.addAll(List.of(SIZE, COUNT, IT_POWER, FACILITY_POWER, BUDGET, START));
            } else if (o == ModelField.Owner.CONSIDERATION) {
                out.addAll(List.of(CONSIDERATION_CASH, CONSIDERATION_SHARES, CONSIDERATION_SHARE_PRICE));
            }
            for (ModelField f : ModelField.of(o)) {
                out.add(TABLE.get(f));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@return every addressable field, per owner in {@link ModelField.Owner} order: the fields the table leaves
     * out first, then the table's in its order}
     */
    public static List<InputField> values() {
        return ALL;
    }

    /**
     * {@return the table field behind this one, or null for the fields the table leaves out ({@code pue}, the size
     * fields, {@code start} and the consideration fields)}
     */
    public ModelField modelField() {
        return field;
    }

    /** {@return the kind of record the field belongs to} */
    public ModelField.Owner owner() {
        return owner;
    }

    /** {@return the field's YAML name, e.g. {@code all-in-power}} */
    public String yamlName() {
        return yamlName;
    }

    /**
     * The dimension of the field's value, as the scenario format defines it (which units a value may be
     * written in); null for {@link #SIZE}, whose unit follows the deployment's size kind.
     *
     * @return the dimension, or null for {@link #SIZE}
     */
    public Dimension dimension() {
        return dimension;
    }

    /**
     * Whether a value is allowed for this field: finite and inside its range (the ranges of the scenario
     * format, e.g. {@code afr} in [0, 1), {@code all-in-power} > 0).
     *
     * @param value a value in the field's base unit
     * @return true when the value is allowed
     */
    public boolean allows(double value) {
        return bounds.contains(value);
    }

    /** {@return the allowed range as text, for error messages, e.g. {@code [0, 1)}} */
    public String rangeText() {
        return bounds.interval();
    }

    /**
     * The field of an owner by its YAML name.
     *
     * @param owner    the kind of record
     * @param yamlName the field's YAML name
     * @return the field, or null when the owner has no such numeric field
     */
    public static InputField of(ModelField.Owner owner, String yamlName) {
        String name = yamlName.toLowerCase(Locale.ROOT);
        for (InputField f : ALL) {
            if (f.owner == owner && f.yamlName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The YAML names of an owner's numeric fields, comma-separated, for error messages.
     *
     * @param owner the kind of record
     * @return e.g. {@code "bf16, fp8, ..."}
     */
    public static String namesOf(ModelField.Owner owner) {
        StringBuilder sb = new StringBuilder();
        for (InputField f : ALL) {
            if (f.owner == owner) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(f.yamlName);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return owner.segment() + ".<id>." + yamlName;
    }
}
