package io.fleetcast.analyse;

import io.fleetcast.model.ModelField;
import io.fleetcast.model.Scenario;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The address of one numeric input of a scenario: {@code accelerators.<id>.<field>},
 * {@code sites.<id>.<field>}, {@code deployments.<id>.<field>} or {@code consideration.<id>.<field>}, with the
 * YAML field names (see {@link InputField}).
 *
 * @param text  the path as written (trimmed)
 * @param owner the kind of record addressed
 * @param id    the record's id; it may contain dots: the first segment is the owner, the last the field,
 *              everything between is the id
 * @param field the field
 */
public record InputPath(String text, ModelField.Owner owner, String id, InputField field) {

    /** Checks that no part is null. */
    public InputPath {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(field, "field");
    }

    /**
     * Parses a path and checks that the record it names exists in the scenario.
     *
     * @param text     the path, e.g. {@code sites.us-tx.electricity-price}
     * @param scenario the scenario it must address; not modified
     * @return the path
     * @throws IllegalArgumentException naming the path, the bad segment and what was expected
     */
    public static InputPath parse(String text, Scenario scenario) {
        String t = text.trim();
        int first = t.indexOf('.');
        int last = t.lastIndexOf('.');
        if (first <= 0 || last <= first + 1 || last == t.length() - 1) {
            throw new IllegalArgumentException("input path '" + text
                    + "': expected accelerators.<id>.<field>, sites.<id>.<field>, deployments.<id>.<field> or"
                    + " consideration.<id>.<field>");
        }
        String head = t.substring(0, first);
        String id = t.substring(first + 1, last);
        String fieldName = t.substring(last + 1);
        ModelField.Owner owner = null;
        for (ModelField.Owner o : ModelField.Owner.values()) {
            if (o.segment().equals(head)) {
                owner = o;
            }
        }
        if (owner == null) {
            throw new IllegalArgumentException("input path '" + text + "': '" + head
                    + "' is not accelerators, sites, deployments or consideration");
        }
        TreeSet<String> known = new TreeSet<>();
        switch (owner) {
            case ACCELERATOR -> known.addAll(scenario.accelerators().keySet());
            case SITE -> known.addAll(scenario.sites().keySet());
            case DEPLOYMENT -> {
                for (int i = 0; i < scenario.deployments().size(); i++) {
                    known.add(scenario.deployments().get(i).id());
                }
            }
            case CONSIDERATION -> {
                for (io.fleetcast.model.Consideration c : scenario.consideration()) {
                    known.add(c.id());
                }
            }
        }
        if (!known.contains(id)) {
            throw new IllegalArgumentException("input path '" + text + "': no " + owner.segment() + " entry '" + id
                    + "' in scenario " + scenario.name() + " (known: " + String.join(", ", known) + ")");
        }
        InputField field = InputField.of(owner, fieldName);
        if (field == null) {
            throw new IllegalArgumentException("input path '" + text + "': '" + fieldName + "' is not a numeric field of "
                    + owner.segment() + " (expected one of: " + InputField.namesOf(owner) + ")");
        }
        return new InputPath(t, owner, id, field);
    }

    @Override
    public String toString() {
        return text;
    }
}
