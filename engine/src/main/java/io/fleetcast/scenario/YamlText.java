package io.fleetcast.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
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
     * The largest model file read, in bytes and (checked again by SnakeYAML while reading) code points. The
     * shipped files are under 40 KB; a 50 MB scalar sat in the parser for 10 minutes using 3.5 GB (issue #9).
     */
    static final int MAX_FILE_BYTES = 2 << 20;
    /** The deepest nesting of mappings and lists accepted (the format needs 5). */
    static final int MAX_NESTING = 30;

    /**
     * Reads and composes {@code source}.
     *
     * @param source   the file
     * @param problems where an unreadable or malformed file is reported (Modified)
     * @return the bytes and root node; the root is null after a problem, or for an empty file (reported too)
     */
    static Parsed read(Source source, Problems problems) {
        if (source instanceof Source.Resource r && r.resource().startsWith(MODELS)) {
            return builtIn(r, problems);
        }
        return readUncached(source, problems);
    }

    /** Where the built-in model files live on the class path. */
    private static final String MODELS = "models/";

    /**
     * Built-in model files (jar resources, fixed for the JVM's life) composed once per JVM: a {@code serve} process
     * (one per request) or a Monte Carlo over scenario variants stops re-composing 160 KB of catalog YAML per
     * scenario. Only a file read without problems is kept; the readers never modify a node tree. (Composing them on
     * a second thread while picocli starts was tried for the cold CLI: no gain on 2 cores, where the JIT compiler
     * threads already use the second core; 6 paired runs, medians 0.655 s with and 0.655 s without.)
     */
    private static final ConcurrentHashMap<String, CompletableFuture<Parsed>> BUILT_IN = new ConcurrentHashMap<>();

    private static Parsed builtIn(Source.Resource source, Problems problems) {
        CompletableFuture<Parsed> mine = new CompletableFuture<>();
        CompletableFuture<Parsed> known = BUILT_IN.putIfAbsent(source.resource(), mine);
        if (known == null) {
            Problems own = new Problems(source.name(), new ArrayList<>());
            Parsed parsed = null;
            try {
                parsed = fromSnapshot(source);
                if (parsed == null) {
                    parsed = readUncached(source, own);
                }
            } finally {
                boolean clean = parsed != null && own.count() == 0;
                if (!clean) {
                    BUILT_IN.remove(source.resource(), mine);
                }
                mine.complete(clean ? parsed : null);
            }
            if (own.count() == 0) {
                return parsed;
            }
            return readUncached(source, problems);      // report the problems where the caller collects them
        }
        Parsed parsed = known.join();
        return parsed != null ? parsed : readUncached(source, problems);
    }

    /** A built-in file's tree from its {@link NodeSnapshot}; null when there is none for these bytes. */
    private static Parsed fromSnapshot(Source.Resource source) {
        java.net.URL snapshot = Source.Resource.find(source.resource() + NodeSnapshot.SUFFIX);
        if (snapshot == null) {
            return null;
        }
        try (java.io.InputStream in = snapshot.openStream()) {
            byte[] bytes = source.bytes();
            org.yaml.snakeyaml.nodes.Node root = NodeSnapshot.read(in.readAllBytes(), bytes);
            return root == null ? null : new Parsed(bytes, root);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Reads and composes a file without the built-in cache or snapshots (for {@link NodeSnapshot}'s maker and test).
     *
     * @param source   the file
     * @param problems where problems go
     * @return the bytes and the root node
     */
    static Parsed compose(Source source, Problems problems) {
        return readUncached(source, problems);
    }

    private static Parsed readUncached(Source source, Problems problems) {
        byte[] bytes;
        try {
            if (source instanceof Source.File f && java.nio.file.Files.isRegularFile(f.path())
                    && java.nio.file.Files.size(f.path()) > MAX_FILE_BYTES) {
                problems.add((Mark) null, "", null, "the file is " + java.nio.file.Files.size(f.path())
                        + " bytes; model files are limited to " + MAX_FILE_BYTES + " bytes (2 MiB)");
                return new Parsed(new byte[0], null);
            }
            bytes = source.bytes();
        } catch (NoSuchFileException e) {
            problems.add((Mark) null, "", null, "file not found");
            return new Parsed(new byte[0], null);
        } catch (IOException e) {
            if (source instanceof Source.File f && java.nio.file.Files.isDirectory(f.path())) {
                problems.add((Mark) null, "", null, "a folder, not a file");
                return new Parsed(new byte[0], null);
            }
            problems.add((Mark) null, "", null, "cannot read the file: " + (e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : String.valueOf(e.getMessage())));
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
        if (text.length() > MAX_FILE_BYTES) {
            problems.add((Mark) null, "", null, "the file is " + bytes.length + " bytes; model files are limited to "
                    + MAX_FILE_BYTES + " bytes (2 MiB)");
            return new Parsed(bytes, null);
        }
        LoaderOptions options = new LoaderOptions();
        // Duplicate keys are reported by Fields with both positions; anchors are allowed but bounded.
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(100);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setNestingDepthLimit(MAX_NESTING);
        Node root;
        try {
            root = new UseLocatingComposer(new ParserImpl(new StreamReader(new StringReader(text)), options), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            if (e.getContextMark() != null && e.getProblem() != null && e.getProblem().contains("end of stream")) {
                // an unclosed quote or bracket is found at the end of the file: point at where it opened
                mark = e.getContextMark();
            }
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) {
                what = e.getContext() + ", " + what;
            }
            problems.add(mark, "", null, "malformed YAML: " + what.replace('\n', ' '));
            return new Parsed(bytes, null);
        } catch (YAMLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("Nesting Depth exceeded")) {
                // SnakeYAML says this without a position: find the first line indented past the limit
                problems.add(deepest(text), "", null, "nested more than " + MAX_NESTING
                        + " levels deep; a model file needs at most 5");
            } else {
                problems.add((Mark) null, "", null, "malformed YAML: " + m.replace('\n', ' '));
            }
            return new Parsed(bytes, null);
        }
        if (root == null) {
            problems.add((Mark) null, "", null, "the file is empty; expected a YAML mapping");
        }
        return new Parsed(bytes, root);
    }

    /**
     * SnakeYAML's composer, except that a mapping value written as an alias ({@code capex: *price}) is a copy of
     * the anchored node marked where the alias is used: a problem with that value then points at its use, not
     * at the anchor (issue #9). The copy shares the anchored node's children.
     */
    private static final class UseLocatingComposer extends Composer {
        UseLocatingComposer(ParserImpl parser, LoaderOptions options) {
            super(parser, new TextResolver(), options);
        }

        @Override
        protected Node composeValueNode(MappingNode node) {
            if (!parser.checkEvent(Event.ID.Alias)) {
                return super.composeValueNode(node);
            }
            Event use = parser.peekEvent();
            Node anchored = super.composeValueNode(node);
            if (anchored instanceof ScalarNode s) {
                return new ScalarNode(s.getTag(), s.getValue(), use.getStartMark(), use.getEndMark(), s.getScalarStyle());
            }
            if (anchored instanceof MappingNode m) {
                return new MappingNode(m.getTag(), true, m.getValue(), use.getStartMark(), use.getEndMark(), m.getFlowStyle());
            }
            if (anchored instanceof SequenceNode q) {
                return new SequenceNode(q.getTag(), true, q.getValue(), use.getStartMark(), use.getEndMark(), q.getFlowStyle());
            }
            return anchored;
        }
    }

    /**
     * Resolves only the implicit tags the readers look at: null (empty, {@code ~}, {@code null}), merge keys and the
     * reserved indicators; every other plain scalar keeps the string tag, because the readers parse the text
     * themselves ({@link Quantity#parse}, {@code true}/{@code false}, ISO dates). SnakeYAML's YAML 1.1 resolver would
     * try its bool, int, float and timestamp regular expressions on every scalar that starts with a digit, such as
     * {@code 1200 W}: about 5 % of reading the portfolio with its catalog (ScenarioLoadBenchmark, JFR samples).
     */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
        }
    }

    /**
     * Where nesting first exceeds the limit: the line with the most opening brackets plus indentation levels
     * (flow [ { and block indentation both nest), approximately; at least a line the user can go to.
     */
    private static Mark deepest(String text) {
        int depth = 0;
        int line = 0;
        int col = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 0;
                continue;
            }
            col++;
            if (c == '[' || c == '{') {
                depth++;
                if (depth > MAX_NESTING) {
                    return new Mark("", i, line, col - 1, new int[0], 0);
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        // block nesting: the most indented line
        int best = 0;
        int bestIndent = -1;
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            int indent = 0;
            while (indent < lines[l].length() && (lines[l].charAt(indent) == ' ' || lines[l].charAt(indent) == '-')) {
                indent++;
            }
            if (indent < lines[l].length() && indent > bestIndent) {
                bestIndent = indent;
                best = l;
            }
        }
        return new Mark("", 0, best, Math.max(0, bestIndent), new int[0], 0);
    }
}
