package io.fleetcast.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The keys of one YAML mapping, checked against the keys its place in the format allows: an unknown key
 * is reported with the nearest known key as a suggestion, a repeated key with the first's line.
 */
final class Fields {
    private final Problems problems;
    private final MappingNode node;
    private final String path;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    private Fields(Problems problems, MappingNode node, String path) {
        this.problems = problems;
        this.node = node;
        this.path = path;
    }

    /**
     * Reads a mapping whose keys must be among {@code known}.
     *
     * @param problems where problems go (Modified)
     * @param node     the node; a problem is reported when it is not a mapping
     * @param path     its field path, e.g. {@code deployments[2]}
     * @param what     what the mapping is, for the error when it is not one ("a deployment")
     * @param known    the allowed keys; {@code null} allows any key (maps keyed by ids)
     * @return the fields, or {@code null} when the node is not a mapping
     */
    static Fields of(Problems problems, Node node, String path, String what, Collection<String> known) {
        if (!(node instanceof MappingNode m)) {
            problems.at(node, path, "expected " + what + (known == null ? "" : " (a mapping with keys "
                    + String.join(", ", known) + ")"));
            return null;
        }
        Fields f = new Fields(problems, m, path);
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks) || ks.getTag().equals(Tag.NULL) && ks.getValue().isEmpty()) {
                problems.at(k, path, "expected a plain text key");
                continue;
            }
            String key = ks.getValue();
            String keyPath = child(path, key);
            if (f.keys.containsKey(key)) {
                problems.add(k, keyPath, key, "duplicate key (first given on line "
                        + (f.keys.get(key).getStartMark().getLine() + 1) + ")");
                continue;
            }
            if (known != null && !known.contains(key)) {
                String near = nearest(key, known);
                problems.add(k, keyPath, key, "unknown field" + (near == null ? "" : "; did you mean " + near + "?")
                        + " (known: " + String.join(", ", known) + ")");
                continue;
            }
            f.keys.put(key, k);
            f.values.put(key, t.getValueNode());
        }
        return f;
    }

    /** The mapping node (its position is where a missing key is reported). */
    MappingNode node() {
        return node;
    }

    /** The mapping's path. */
    String path() {
        return path;
    }

    /** The problems of the file. */
    Problems problems() {
        return problems;
    }

    /** The value of {@code key}, or {@code null} when absent. */
    Node get(String key) {
        return values.get(key);
    }

    /** The key node of {@code key}, or {@code null}. */
    Node keyNode(String key) {
        return keys.get(key);
    }

    /** Whether {@code key} is present. */
    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The accepted keys in file order. */
    List<String> keys() {
        return new ArrayList<>(values.keySet());
    }

    /** The path of {@code key} inside this mapping. */
    String path(String key) {
        return child(path, key);
    }

    /** {@code parent.key}, or {@code key} at the root. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The known word closest to {@code word} by edit distance, when it is close enough to be a typo. */
    static String nearest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
