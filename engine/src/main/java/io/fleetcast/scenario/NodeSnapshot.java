package io.fleetcast.scenario;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The composed node tree of a built-in model file, stored beside it in the jar as {@code models/FILE.yaml.nodes}:
 * every node's kind, tag, scalar text and style, flow style and start and end positions, in a compact binary form
 * that rebuilds the tree without SnakeYAML's scanner and parser.
 *
 * <p>Why: composing the built-in catalog (175 KB of YAML) was 110-160 ms of every cold command, more than half of
 * reading a scenario (first read 160-310 ms, a second read in the same JVM 20 ms; JDK 25 with the launcher's AOT
 * cache, 2-core machine, 2026-12-03); rebuilding it from the snapshot is a few milliseconds. The snapshot carries the
 * length and CRC-32C of the YAML it was made from: if the file changed and the snapshot was not made again, it is
 * ignored and the YAML is composed (slower, never wrong); {@code NodeSnapshotTest} fails on such a stale snapshot
 * and makes them again with {@code -Dfc.updateSnapshots=true}.
 */
final class NodeSnapshot {

    /** What follows a built-in file's resource name to name its snapshot. */
    static final String SUFFIX = ".nodes";

    private static final int MAGIC = 0x46434E31; // "FCN1"
    private static final int SCALAR = 0;
    private static final int MAPPING = 1;
    private static final int SEQUENCE = 2;
    private static final int[] NO_BUFFER = new int[0];
    private static final DumperOptions.ScalarStyle[] SCALAR_STYLES = DumperOptions.ScalarStyle.values();
    private static final DumperOptions.FlowStyle[] FLOW_STYLES = DumperOptions.FlowStyle.values();

    private NodeSnapshot() {
    }

    /**
     * The snapshot of a composed file.
     *
     * @param yaml the file's bytes
     * @param root its composed root node
     * @return the snapshot's bytes
     */
    static byte[] write(byte[] yaml, Node root) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(yaml.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(yaml.length);
            out.writeLong(checksum(yaml));
            Map<String, Integer> tags = new HashMap<>();
            List<String> tagList = new ArrayList<>();
            collectTags(root, tags, tagList);
            out.writeInt(tagList.size());
            for (String t : tagList) {
                out.writeUTF(t);
            }
            write(root, tags, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The node tree of a snapshot, when it was made from exactly these bytes.
     *
     * @param snapshot the snapshot's bytes
     * @param yaml     the file's bytes
     * @return the root node, or null when the snapshot is of another version of the file or unreadable
     */
    static Node read(byte[] snapshot, byte[] yaml) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (in.readInt() != MAGIC || in.readInt() != yaml.length || in.readLong() != checksum(yaml)) {
                return null;
            }
            Tag[] tags = new Tag[in.readInt()];
            for (int i = 0; i < tags.length; i++) {
                tags[i] = tag(in.readUTF());
            }
            return read(in, tags);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged snapshot only costs the composing it would have saved
        }
    }

    private static long checksum(byte[] yaml) {
        CRC32C crc = new CRC32C();
        crc.update(yaml);
        return crc.getValue();
    }

    private static void collectTags(Node node, Map<String, Integer> tags, List<String> tagList) {
        if (tags.putIfAbsent(node.getTag().getValue(), tagList.size()) == null) {
            tagList.add(node.getTag().getValue());
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                collectTags(t.getKeyNode(), tags, tagList);
                collectTags(t.getValueNode(), tags, tagList);
            }
        } else if (node instanceof SequenceNode q) {
            for (Node child : q.getValue()) {
                collectTags(child, tags, tagList);
            }
        }
    }

    private static void write(Node node, Map<String, Integer> tags, DataOutputStream out) throws IOException {
        int kind = node instanceof ScalarNode ? SCALAR : node instanceof MappingNode ? MAPPING : SEQUENCE;
        out.writeByte(kind);
        out.writeShort(tags.get(node.getTag().getValue()));
        mark(node.getStartMark(), out);
        mark(node.getEndMark(), out);
        switch (node) {
            case ScalarNode s -> {
                out.writeByte(s.getScalarStyle().ordinal());
                out.writeUTF(s.getValue());
            }
            case MappingNode m -> {
                out.writeByte(m.getFlowStyle().ordinal());
                out.writeInt(m.getValue().size());
                for (NodeTuple t : m.getValue()) {
                    write(t.getKeyNode(), tags, out);
                    write(t.getValueNode(), tags, out);
                }
            }
            case SequenceNode q -> {
                out.writeByte(q.getFlowStyle().ordinal());
                out.writeInt(q.getValue().size());
                for (Node child : q.getValue()) {
                    write(child, tags, out);
                }
            }
            default -> throw new IllegalArgumentException("unknown node " + node);
        }
    }

    private static void mark(Mark m, DataOutputStream out) throws IOException {
        out.writeInt(m.getIndex());
        out.writeInt(m.getLine());
        out.writeInt(m.getColumn());
    }

    private static Node read(DataInputStream in, Tag[] tags) throws IOException {
        int kind = in.readByte();
        Tag tag = tags[in.readShort()];
        Mark start = mark(in);
        Mark end = mark(in);
        switch (kind) {
            case SCALAR -> {
                DumperOptions.ScalarStyle style = SCALAR_STYLES[in.readByte()];
                return new ScalarNode(tag, in.readUTF(), start, end, style);
            }
            case MAPPING -> {
                DumperOptions.FlowStyle flow = FLOW_STYLES[in.readByte()];
                int n = in.readInt();
                List<NodeTuple> tuples = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Node key = read(in, tags);
                    tuples.add(new NodeTuple(key, read(in, tags)));
                }
                return new MappingNode(tag, true, tuples, start, end, flow);
            }
            case SEQUENCE -> {
                DumperOptions.FlowStyle flow = FLOW_STYLES[in.readByte()];
                int n = in.readInt();
                List<Node> children = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    children.add(read(in, tags));
                }
                return new SequenceNode(tag, true, children, start, end, flow);
            }
            default -> throw new IOException("unknown node kind " + kind);
        }
    }

    private static Mark mark(DataInputStream in) throws IOException {
        return new Mark("", in.readInt(), in.readInt(), in.readInt(), NO_BUFFER, 0);
    }

    /** The standard tags as the composer's constants (a tag compares by its text either way). */
    private static Tag tag(String value) {
        for (Tag t : new Tag[] {Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP}) {
            if (t.getValue().equals(value)) {
                return t;
            }
        }
        return new Tag(value);
    }
}
