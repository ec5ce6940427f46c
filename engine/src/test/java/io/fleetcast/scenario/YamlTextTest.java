package io.fleetcast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTextTest {

    @Test
    void read_builtInModelFileTwice_composesItOnce() {
        List<io.fleetcast.model.Problem> sink = new ArrayList<>();
        Problems p = new Problems("t", sink);
        YamlText.Parsed first = YamlText.read(new Source.Resource(CatalogReader.BUILTIN_ACCELERATORS), p);
        YamlText.Parsed second = YamlText.read(new Source.Resource(CatalogReader.BUILTIN_ACCELERATORS), p);
        assertNotNull(first.root());
        // the same node tree: the jar resource is parsed once per JVM (serve answers many scenarios)
        assertSame(first.root(), second.root());
        assertEquals(0, sink.size());
    }

    @Test
    void read_userFileTwice_readsItEachTime(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.yaml");
        Files.writeString(f, "scenario: a\n");
        Problems p = new Problems("t", new ArrayList<>());
        YamlText.Parsed first = YamlText.read(new Source.File(f), p);
        Files.writeString(f, "scenario: b\n");
        YamlText.Parsed second = YamlText.read(new Source.File(f), p);
        // files may change between reads: never cached
        assertNotSame(first.root(), second.root());
        assertEquals("b", ((org.yaml.snakeyaml.nodes.ScalarNode) ((org.yaml.snakeyaml.nodes.MappingNode) second.root())
                .getValue().get(0).getValueNode()).getValue());
    }

    @Test
    void read_missingBuiltIn_reportsEveryTime() {
        List<io.fleetcast.model.Problem> sink = new ArrayList<>();
        Problems p = new Problems("t", sink);
        YamlText.read(new Source.Resource("models/no-such-file.yaml"), p);
        YamlText.read(new Source.Resource("models/no-such-file.yaml"), p);
        // a problem is never cached away: both reads report "file not found"
        assertEquals(2, sink.size());
    }
}
