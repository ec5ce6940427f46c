package io.fleetcast.scenario;

import io.fleetcast.model.Problem;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Collects the problems of one file into a shared list (a scenario's list also receives the problems of
 * the catalog and sites files it names, each under its own file name).
 */
final class Problems {
    private static final int MAX_VALUE_CHARS = 100;

    private final String file;
    private final List<Problem> sink;

    Problems(String file, List<Problem> sink) {
        this.file = file;
        this.sink = sink;
    }

    /** The file these problems belong to. */
    String file() {
        return file;
    }

    /** The shared list. */
    List<Problem> sink() {
        return sink;
    }

    /** How many problems have been collected so far, for all files. */
    int count() {
        return sink.size();
    }

    /** A problem with the node's value as written. */
    void at(Node node, String path, String expected) {
        add(node, path, render(node), expected);
    }

    /** A problem with an explicit value ({@code null} when there is none, e.g. a missing field). */
    void add(Node node, String path, String value, String expected) {
        Mark m = node == null ? null : node.getStartMark();
        add(m, path, value, expected);
    }

    /** A problem at a mark. */
    void add(Mark m, String path, String value, String expected) {
        int line = m == null ? 0 : m.getLine() + 1;
        int column = m == null ? 0 : m.getColumn() + 1;
        sink.add(new Problem(file, line, column, path, value, expected));
    }

    /** A required field is absent from the mapping {@code parent}. */
    void missing(Node parent, String path, String expected) {
        add(parent, path, null, "missing; expected " + expected);
    }

    /** The node in compact flow-style YAML, shortened to about 100 characters. */
    static String render(Node node) {
        StringBuilder b = new StringBuilder();
        render(node, b);
        if (b.length() > MAX_VALUE_CHARS) {
            b.setLength(MAX_VALUE_CHARS - 3);
            b.append("...");
        }
        return b.toString();
    }

    private static void render(Node node, StringBuilder b) {
        if (b.length() > MAX_VALUE_CHARS) {
            return;
        }
        if (node instanceof ScalarNode s) {
            b.append(s.getValue().isEmpty() ? "(empty)" : s.getValue());
        } else if (node instanceof SequenceNode s) {
            b.append('[');
            List<Node> items = s.getValue();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                render(items.get(i), b);
            }
            b.append(']');
        } else if (node instanceof MappingNode m) {
            b.append('{');
            List<NodeTuple> tuples = m.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                render(tuples.get(i).getKeyNode(), b);
                b.append(": ");
                render(tuples.get(i).getValueNode(), b);
            }
            b.append('}');
        } else {
            b.append(node);
        }
    }
}
