package io.fleetcast.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns a file's bytes into a SnakeYAML node tree whose every node knows its line and column
 * (SnakeYAML's compose step, without constructing Java objects), reporting unreadable files and
 * malformed YAML as one problem each.
 */
final class YamlText {
    private YamlText() {
    }

    /** A file's bytes and its node tree; the tree is {@code null} when the file could not be read. */
    record Parsed(byte[] bytes, Node root) {
    }

    /**
     * Reads and composes {@code source}.
     *
     * @param source   the file
     * @param problems where an unreadable or malformed file is reported (Modified)
     * @return the bytes and root node; the root is null after a problem, or for an empty file (reported too)
     */
    static Parsed read(Source source, Problems problems) {
        byte[] bytes;
        try {
            bytes = source.bytes();
        } catch (NoSuchFileException e) {
            problems.add((Mark) null, "", null, "file not found");
            return new Parsed(new byte[0], null);
        } catch (IOException e) {
            if (source instanceof Source.File f && java.nio.file.Files.isDirectory(f.path())) {
                problems.add((Mark) null, "", null, "a folder, not a file");
                return new Parsed(new byte[0], null);
            }
            problems.add((Mark) null, "", null, "cannot read the file: " + e);
            return new Parsed(new byte[0], null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add((Mark) null, "", null, "the file is not UTF-8 text");
            return new Parsed(bytes, null);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        LoaderOptions options = new LoaderOptions();
        // Duplicate keys are reported by Fields with both positions; anchors are allowed but bounded.
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(100);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) {
                what = e.getContext() + ", " + what;
            }
            problems.add(mark, "", null, "malformed YAML: " + what.replace('\n', ' '));
            return new Parsed(bytes, null);
        } catch (YAMLException e) {
            problems.add((Mark) null, "", null, "malformed YAML: " + String.valueOf(e.getMessage()).replace('\n', ' '));
            return new Parsed(bytes, null);
        }
        if (root == null) {
            problems.add((Mark) null, "", null, "the file is empty; expected a YAML mapping");
        }
        return new Parsed(bytes, root);
    }
}
