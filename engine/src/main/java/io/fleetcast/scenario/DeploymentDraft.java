package io.fleetcast.scenario;

import io.fleetcast.model.Ownership;
import io.fleetcast.model.Precision;
import io.fleetcast.model.SizeKind;
import io.fleetcast.model.TermFrom;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A deployment as read, before it becomes a {@link io.fleetcast.model.Deployment}: every field that was read
 * correctly, {@code null} for fields that were wrong (already reported). The uncertainty section reads
 * its nominal values from here.
 */
final class DeploymentDraft {
    final Node node;
    final String path;
    String id;
    String deal;
    String accelerator;
    String site;
    Ownership ownership;
    SizeKind sizeKind;
    Quantity sizeQuantity;
    LocalDateTime start;
    Precision precision;
    Boolean energyIncluded;
    Boolean takeOrPay;
    TermFrom termFrom;
    Boolean refresh;
    String successor;
    /** Numeric fields given (by key), as read. */
    final Map<String, Figure> figures = new HashMap<>();
    /** Whether any field was wrong. */
    boolean broken;

    DeploymentDraft(Node node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The value of a numeric field in hours/base units: anchored durations count from the deployment start. */
    double base(Spec spec) {
        Figure f = figures.get(spec.key());
        if (f == null) {
            return spec.defaultValue();
        }
        if (spec.anchored() && start != null) {
            return f.quantity().hoursFrom(start);
        }
        return f.base();
    }

    /** Whether the numeric field was given. */
    boolean has(String key) {
        return figures.containsKey(key);
    }
}
