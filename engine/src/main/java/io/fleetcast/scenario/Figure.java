package io.fleetcast.scenario;

import io.fleetcast.model.Provenance;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One field's value as read, before resolution: a quantity (numeric fields), twelve numbers (PUE) or a
 * text, with its provenance and the node it came from (for later cross-field errors).
 *
 * @param quantity   the quantity, or {@code null} for text and PUE fields
 * @param values     the PUE values, or {@code null}
 * @param text       the text, or {@code null}
 * @param provenance where the figure comes from
 * @param node       the value's node
 * @param problems   the file the figure was written in
 */
record Figure(Quantity quantity, double[] values, String text, Provenance provenance, Node node, Problems problems) {

    /** The value in its base unit, without calendar anchor. */
    double base() {
        return quantity.base();
    }
}
