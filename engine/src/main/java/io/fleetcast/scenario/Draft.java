package io.fleetcast.scenario;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * An accelerator or site entry as read, before inline overrides and before it becomes a record:
 * the figures given (by YAML key) and the keys that were given but wrong (already reported, so they are
 * not reported again as missing).
 */
final class Draft {
    final String id;
    /** The entry's node: where a missing field is reported. */
    final Node node;
    /** The entry's path, e.g. {@code accelerators[3]} or {@code accelerators.mi450}. */
    final String path;
    /** The file the entry was written in. */
    final Problems problems;
    final Map<String, Figure> figures = new LinkedHashMap<>();
    final Set<String> broken = new HashSet<>();

    Draft(String id, Node node, String path, Problems problems) {
        this.id = id;
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** A copy whose fields are this entry's with {@code override}'s on top; located at the override. */
    Draft overriddenBy(Draft override) {
        Draft d = new Draft(id, override.node, override.path, override.problems);
        d.figures.putAll(figures);
        d.broken.addAll(broken);
        for (Map.Entry<String, Figure> e : override.figures.entrySet()) {
            d.figures.put(e.getKey(), e.getValue());
            d.broken.remove(e.getKey());
        }
        d.broken.addAll(override.broken);
        return d;
    }

    /** Whether the entry can become a record: nothing given was wrong. */
    boolean isSound() {
        return broken.isEmpty();
    }

    /** The base value of a numeric field, or {@code fallback} when not given. */
    double base(String key, double fallback) {
        Figure f = figures.get(key);
        return f == null || f.quantity() == null ? fallback : f.base();
    }

    /** The text of a text field, or {@code null}. */
    String text(String key) {
        Figure f = figures.get(key);
        return f == null ? null : f.text();
    }
}
