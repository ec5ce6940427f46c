package io.fleetcast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Every built-in model file ({@code models/**.yaml}) has a {@link NodeSnapshot} in
 * {@code engine/src/main/resources/models/} that rebuilds exactly the tree SnakeYAML composes from it. After
 * editing a model file, make them again: {@code ./mvnw -pl engine test -Dtest=NodeSnapshotTest -Dfc.updateSnapshots=true}
 * (a stale snapshot is never used, only slower: the YAML is composed instead).
 */
class NodeSnapshotTest {

    private static final Path MODELS = Path.of("../models");
    private static final Path SNAPSHOTS = Path.of("src/main/resources/models");

    private static List<Path> modelFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MODELS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static YamlText.Parsed composed(Path file) {
        String resource = "models/" + MODELS.relativize(file).toString().replace('\\', '/');
        Problems problems = new Problems(resource, new ArrayList<>());
        YamlText.Parsed parsed = YamlText.compose(new Source.Resource(resource), problems);
        assertEquals(0, problems.count(), resource + " composes without problems");
        assertNotNull(parsed.root(), resource);
        return parsed;
    }

    @Test
    void snapshots_everyBuiltInModelFile_rebuildTheComposedTree() throws IOException {
        boolean update = Boolean.getBoolean("fc.updateSnapshots");
        List<Path> files = modelFiles();
        assertTrue(files.size() >= 5, "the catalog, sites, anchors and scenarios: " + files);
        for (Path file : files) {
            YamlText.Parsed parsed = composed(file);
            Path snapshot = SNAPSHOTS.resolve(MODELS.relativize(file) + NodeSnapshot.SUFFIX);
            if (update) {
                Files.createDirectories(snapshot.getParent());
                Files.write(snapshot, NodeSnapshot.write(parsed.bytes(), parsed.root()));
            }
            assertTrue(Files.isRegularFile(snapshot), "no snapshot " + snapshot + ": run with -Dfc.updateSnapshots=true");
            Node rebuilt = NodeSnapshot.read(Files.readAllBytes(snapshot), parsed.bytes());
            assertNotNull(rebuilt, snapshot + " is stale (made from another version of " + file
                    + "): run with -Dfc.updateSnapshots=true");
            assertSameTree(parsed.root(), rebuilt, file.toString());
        }
    }

    @Test
    void read_yamlChangedSinceTheSnapshot_null() {
        byte[] yaml = "a: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Problems problems = new Problems("t", new ArrayList<>());
        Node root = YamlText.compose(new Source.Text("t", "a: 1\n", null), problems).root();
        byte[] snapshot = NodeSnapshot.write(yaml, root);
        assertNotNull(NodeSnapshot.read(snapshot, yaml));
        // same length, one byte different: the checksum tells
        assertNull(NodeSnapshot.read(snapshot, "a: 2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertNull(NodeSnapshot.read(new byte[] {1, 2, 3}, yaml), "an unreadable snapshot is ignored");
    }

    @Test
    void readBuiltIn_portfolio_sameScenarioAsComposingItsYaml() throws Exception {
        // end to end: the reader that uses the snapshots gives the scenario the YAML gives (records compare by value)
        io.fleetcast.model.Scenario viaSnapshots = new ScenarioReader().readBuiltIn("openai-portfolio");
        io.fleetcast.model.Scenario viaYaml = new ScenarioReader().readString(
                Files.readString(MODELS.resolve("scenarios/openai-portfolio.yaml")), "openai-portfolio.yaml",
                MODELS.resolve("scenarios").toAbsolutePath());
        assertEquals(viaYaml.deployments(), viaSnapshots.deployments());
        assertEquals(viaYaml.accelerators(), viaSnapshots.accelerators());
        assertEquals(viaYaml.sites(), viaSnapshots.sites());
    }

    private static void assertSameTree(Node a, Node b, String where) {
        String at = where + ":" + (a.getStartMark().getLine() + 1) + ":" + (a.getStartMark().getColumn() + 1);
        assertEquals(a.getClass(), b.getClass(), at);
        assertEquals(a.getTag(), b.getTag(), at);
        assertEquals(a.getStartMark().getIndex(), b.getStartMark().getIndex(), at);
        assertEquals(a.getStartMark().getLine(), b.getStartMark().getLine(), at);
        assertEquals(a.getStartMark().getColumn(), b.getStartMark().getColumn(), at);
        assertEquals(a.getEndMark().getLine(), b.getEndMark().getLine(), at);
        assertEquals(a.getEndMark().getColumn(), b.getEndMark().getColumn(), at);
        switch (a) {
            case ScalarNode s -> {
                assertEquals(s.getValue(), ((ScalarNode) b).getValue(), at);
                assertEquals(s.getScalarStyle(), ((ScalarNode) b).getScalarStyle(), at);
            }
            case MappingNode m -> {
                MappingNode n = (MappingNode) b;
                assertEquals(m.getFlowStyle(), n.getFlowStyle(), at);
                assertEquals(m.getValue().size(), n.getValue().size(), at);
                for (int i = 0; i < m.getValue().size(); i++) {
                    assertSameTree(m.getValue().get(i).getKeyNode(), n.getValue().get(i).getKeyNode(), where);
                    assertSameTree(m.getValue().get(i).getValueNode(), n.getValue().get(i).getValueNode(), where);
                }
            }
            case SequenceNode q -> {
                SequenceNode r = (SequenceNode) b;
                assertEquals(q.getFlowStyle(), r.getFlowStyle(), at);
                assertEquals(q.getValue().size(), r.getValue().size(), at);
                for (int i = 0; i < q.getValue().size(); i++) {
                    assertSameTree(q.getValue().get(i), r.getValue().get(i), where);
                }
            }
            default -> throw new AssertionError("unknown node " + a);
        }
    }
}
