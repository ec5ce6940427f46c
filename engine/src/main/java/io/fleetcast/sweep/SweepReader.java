package io.fleetcast.sweep;

import io.fleetcast.pipeline.Pipeline;
import io.fleetcast.scenario.ScenarioReader;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Problem;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.analyse.InputPath;
import io.fleetcast.analyse.InputValue;
import io.fleetcast.analyse.MonteCarloPart;
import io.fleetcast.analyse.ScenarioEditor;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a sweep file (YAML) into a {@link Sweep}, reporting every problem with its file, line, column, field path,
 * value and what was expected, as {@code validate} does for scenarios: a bad sweep is rejected whole, before any
 * run. The format ({@code docs/sweeps.md} has it in full):
 *
 * <pre>
 * sweep: energy-and-delay               # name: lower-case letters, digits and dashes; names the output folder
 * description: one line                 # optional
 * scenarios: [amd-openai-6gw, ../scenarios/stargate.yaml]   # files (relative to this file) or built-in names
 * grid:                                 # optional; each key a --set path, each value the list it takes
 *   sites.us-tx.electricity-price: [45 USD/MWh, 90 USD/MWh]
 *   deployments.mi450-next-5gw.start: [0 months, 12 months]
 * mode: expected                        # optional: expected (default) or simulate
 * monte-carlo: { runs: 200, seed: 42, quantiles: [0.1, 0.5, 0.9] }   # quantiles optional (default: each scenario's)
 * bands-by: total                       # optional: the grouping of the bands (default total)
 * </pre>
 *
 * Every path must name an input of every base scenario, every value must be one {@code --set} accepts for it, and
 * every variant must size and fit the exact bands' memory budget (so a cluster and one machine agree bit for bit).
 */
public final class SweepReader {

    /** The largest sweep file read, bytes. */
    static final int MAX_FILE_BYTES = 1 << 20;
    /** The most variants one sweep may have: beyond it, the variant list alone is an unreasonable thing to hold. */
    public static final int MAX_VARIANTS = 1_000_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final List<String> KEYS = List.of("sweep", "description", "scenarios", "grid", "mode", "monte-carlo",
            "bands-by");
    private static final List<String> MC_KEYS = List.of("runs", "seed", "quantiles");

    private final String file;
    private final Path directory;
    private final List<Problem> problems = new ArrayList<>();

    private SweepReader(String file, Path directory) {
        this.file = file;
        this.directory = directory;
    }

    /**
     * Reads and validates a sweep file.
     *
     * @param path the sweep file; base scenarios that are paths resolve relative to its folder
     * @return the sweep with every variant resolved
     * @throws ScenarioException with every problem of the file (and of the base scenarios it names)
     */
    public static Sweep read(Path path) throws ScenarioException {
        String name = path.toString();
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                throw fail(name, Files.isDirectory(path) ? "a folder; expected a sweep YAML file" : "no such file; expected a sweep YAML file");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw fail(name, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB; a sweep file is a few lines");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw fail(name, "cannot be read (" + e.getMessage() + ")");
        }
        Path dir = path.toAbsolutePath().getParent();
        return read(bytes, name, dir == null ? Path.of("") : dir);
    }

    /**
     * Reads and validates a sweep given as bytes (tests, tools).
     *
     * @param bytes     the file's bytes, UTF-8
     * @param name      the name problems carry
     * @param directory where base scenarios given as paths resolve
     * @return the sweep
     * @throws ScenarioException with every problem found
     */
    public static Sweep read(byte[] bytes, String name, Path directory) throws ScenarioException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail(name, "is not UTF-8 text");
        }
        SweepReader r = new SweepReader(name, directory);
        Sweep sweep = r.parse(text, sha256(bytes));
        if (!r.problems.isEmpty()) {
            throw new ScenarioException(r.problems);
        }
        return sweep;
    }

    private static ScenarioException fail(String file, String expected) {
        return new ScenarioException(List.of(new Problem(file, 0, 0, "", null, expected)));
    }

    private Sweep parse(String text, String sha) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setNestingDepthLimit(10);
            options.setCodePointLimit(MAX_FILE_BYTES);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, "", null,
                    "malformed YAML: " + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            problems.add(new Problem(file, 0, 0, "", null, "malformed YAML: " + e.getMessage()));
            return null;
        }
        if (!(root instanceof MappingNode top)) {
            problems.add(root == null ? new Problem(file, 0, 0, "", null, "empty; expected a sweep (sweep:, scenarios:, monte-carlo:)")
                    : at(root, "", "expected a mapping with sweep:, scenarios:, grid: and monte-carlo:"));
            return null;
        }
        Map<String, Node> fields = fields(top, "", KEYS);
        String name = scalar(fields, top, "sweep", "", true, "a name: lower-case letters, digits and dashes, e.g. energy-and-delay");
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(at(fields.get("sweep"), "sweep", "a name of lower-case letters, digits and dashes (at most 64), e.g. energy-and-delay"));
            name = null;
        }
        String description = scalar(fields, top, "description", "", false, "one line of text");
        Mode mode = Mode.EXPECTED;
        String modeText = scalar(fields, top, "mode", "", false, "expected or simulate");
        if (modeText != null) {
            mode = switch (modeText) {
                case "expected" -> Mode.EXPECTED;
                case "simulate" -> Mode.SIMULATE;
                default -> {
                    problems.add(at(fields.get("mode"), "mode", "expected or simulate"));
                    yield null;
                }
            };
        }
        Grouping bandsBy = Grouping.TOTAL;
        String bandsText = scalar(fields, top, "bands-by", "", false, "a grouping");
        if (bandsText != null) {
            try {
                bandsBy = Grouping.byId(bandsText);
            } catch (IllegalArgumentException e) {
                problems.add(at(fields.get("bands-by"), "bands-by", "deployment, deal, accelerator, vendor, site, ownership or total"));
                bandsBy = null;
            }
        }
        int[] runs = {0};
        long[] seed = {0};
        double[][] quantiles = {null};
        boolean mcOk = monteCarlo(fields.get("monte-carlo"), top, runs, seed, quantiles);
        List<Sweep.Axis> axes = new ArrayList<>();
        List<Node[]> axisNodes = new ArrayList<>();
        grid(fields.get("grid"), axes, axisNodes);
        List<String> sources = new ArrayList<>();
        List<Node> sourceNodes = new ArrayList<>();
        Node scenariosNode = fields.get("scenarios");
        if (scenariosNode == null) {
            problems.add(at(top, "scenarios", null, "missing: the base scenarios, a list of files (relative to this file) or built-in names"));
        } else if (!(scenariosNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(at(scenariosNode, "scenarios", "a non-empty list of scenario files or built-in names"));
        } else {
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node n = seq.getValue().get(i);
                if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
                    sources.add(s.getValue());
                    sourceNodes.add(n);
                } else {
                    problems.add(at(n, "scenarios[" + i + "]", "a scenario file or built-in name"));
                }
            }
        }
        long points = 1;
        for (Sweep.Axis a : axes) {
            points *= a.values().size();
            if (points > MAX_VARIANTS) {
                break;
            }
        }
        if (points * Math.max(1, sources.size()) > MAX_VARIANTS) {
            problems.add(at(fields.get("grid"), "grid", "at most " + MAX_VARIANTS + " variants (scenarios x grid points); this grid has more"));
            return null;
        }
        List<Variant> variants = new ArrayList<>();
        int total = (int) (points * sources.size());
        int width = Integer.toString(Math.max(0, total - 1)).length();
        for (int si = 0; si < sources.size(); si++) {
            Scenario base = scenario(sources.get(si), sourceNodes.get(si), "scenarios[" + si + "]");
            if (base == null) {
                continue;
            }
            variants(base, sources.get(si), "scenarios[" + si + "]", axes, axisNodes, (int) points, si, width, variants);
        }
        if (!problems.isEmpty() || !mcOk || name == null || mode == null || bandsBy == null) {
            return null;
        }
        for (Variant v : variants) {
            if (!MonteCarloPart.exactFits(v.scenario(), bandsBy, runs[0])) {
                problems.add(at(fields.get("monte-carlo"), "monte-carlo.runs", String.valueOf(runs[0]),
                        "at most the runs whose " + bandsBy.id() + " bands fit the exact budget (512 MiB) for variant " + v.id()
                                + " (" + v.source() + "): only exact bands give the same bits on one machine and a cluster; "
                                + "use fewer runs or a coarser bands-by"));
                return null;
            }
        }
        return new Sweep(name, description == null ? "" : description, file, sha, mode, runs[0], seed[0], quantiles[0],
                bandsBy, axes, variants);
    }

    private void variants(Scenario base, String source, String where, List<Sweep.Axis> axes, List<Node[]> axisNodes,
                          int points, int scenarioIndex, int width, List<Variant> out) {
        int k = axes.size();
        List<InputPath> paths = new ArrayList<>();
        double[][] values = new double[k][];
        boolean ok = true;
        for (int a = 0; a < k; a++) {
            Sweep.Axis axis = axes.get(a);
            Node[] nodes = axisNodes.get(a);
            InputPath p;
            try {
                p = InputPath.parse(axis.path(), base);
            } catch (IllegalArgumentException e) {
                problems.add(at(nodes[0], "grid." + axis.path(), axis.path(), "in " + where + " (" + base.name() + "): " + e.getMessage()));
                ok = false;
                continue;
            }
            for (io.fleetcast.model.UncertainInput u : base.uncertainty()) {
                if (u.path().equals(p.text().trim()) && !u.distribution().shift()) {
                    // its draw would replace the grid's value in every run: the axis would change nothing
                    problems.add(at(nodes[0], "grid." + axis.path(), axis.path(), "in " + where + " (" + base.name()
                            + "): a path that is not in the scenario's uncertainty: block (there its draw replaces the set"
                            + " value in every run); sweep another input, or make the uncertainty a shift"));
                    ok = false;
                }
            }
            paths.add(p);
            values[a] = new double[axis.values().size()];
            for (int j = 0; j < values[a].length; j++) {
                try {
                    values[a][j] = InputValue.parse(axis.values().get(j), p, base);
                } catch (IllegalArgumentException e) {
                    problems.add(at(nodes[j + 1], "grid." + axis.path() + "[" + j + "]", "in " + where + " (" + base.name() + "): " + e.getMessage()));
                    ok = false;
                }
            }
        }
        if (!ok) {
            return;
        }
        ScenarioEditor editor;
        try {
            editor = ScenarioEditor.compile(base, paths, java.util.Collections.nCopies(k, ScenarioEditor.Mode.SET));
        } catch (IllegalArgumentException e) {
            problems.add(at(axisNodes.isEmpty() ? null : axisNodes.get(0)[0], "grid", "in " + where + " (" + base.name() + "): " + e.getMessage()));
            return;
        }
        Set<String> reported = new HashSet<>();
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < values[a].length; j++) {
                String problem = editor.check(a, values[a][j]);
                if (problem != null && reported.add(a + "/" + j)) {
                    problems.add(at(axisNodes.get(a)[j + 1], "grid." + axes.get(a).path() + "[" + j + "]",
                            "in " + where + " (" + base.name() + "): " + problem));
                    ok = false;
                }
            }
        }
        if (!ok) {
            return;
        }
        int[] digit = new int[k];
        double[] point = new double[k];
        for (int n = 0; n < points; n++) {
            // the first axis is the slowest: n = ((d0 * size1) + d1) * size2 + d2 ...
            int rest = n;
            for (int a = k - 1; a >= 0; a--) {
                int size = values[a].length;
                digit[a] = rest % size;
                rest /= size;
            }
            List<String> sets = new ArrayList<>(k);
            for (int a = 0; a < k; a++) {
                point[a] = values[a][digit[a]];
                sets.add(axes.get(a).path() + "=" + axes.get(a).values().get(digit[a]));
            }
            int index = scenarioIndex * points + n;
            Scenario s;
            try {
                s = k == 0 ? base : editor.apply(point);
                Pipeline.sizing(s);
            } catch (IllegalArgumentException | ArithmeticException e) {
                problems.add(at(axisNodes.isEmpty() ? null : axisNodes.get(0)[0], "grid", "variant " + String.join("; ", sets)
                        + " of " + where + " (" + base.name() + ") cannot be projected: " + e.getMessage()));
                continue;
            }
            String id = String.format(Locale.ROOT, "v%0" + width + "d", index);
            out.add(new Variant(index, id, source, sets, s));
        }
    }

    private Scenario scenario(String source, Node node, String where) {
        try {
            Path p = directory.resolve(source);
            if (Files.isRegularFile(p)) {
                return new ScenarioReader().read(p);
            }
            return new ScenarioReader().readBuiltIn(source);
        } catch (ScenarioException e) {
            problems.add(at(node, where, source, "a valid scenario file or built-in name; it has "
                    + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " (below)"));
            problems.addAll(e.problems());
            return null;
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(at(node, where, "a scenario file or built-in name"));
            return null;
        }
    }

    private boolean monteCarlo(Node node, Node top, int[] runs, long[] seed, double[][] quantiles) {
        if (node == null) {
            problems.add(at(top, "monte-carlo", null, "missing: the runs and seed of every variant, e.g. { runs: 200, seed: 42 }"));
            return false;
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node, "monte-carlo", "a mapping, e.g. { runs: 200, seed: 42 }"));
            return false;
        }
        int before = problems.size();
        Map<String, Node> f = fields(m, "monte-carlo.", MC_KEYS);
        String r = scalar(f, m, "runs", "monte-carlo.", true, "the runs per variant, a whole number of at least 1");
        if (r != null) {
            try {
                runs[0] = Integer.parseInt(r.replace("_", ""));
                if (runs[0] < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(at(f.get("runs"), "monte-carlo.runs", "a whole number of runs, 1 to " + Integer.MAX_VALUE));
            }
        }
        String s = scalar(f, m, "seed", "monte-carlo.", true, "the root seed, a whole number");
        if (s != null) {
            try {
                seed[0] = Long.parseLong(s.replace("_", ""));
            } catch (NumberFormatException e) {
                problems.add(at(f.get("seed"), "monte-carlo.seed", "a whole number (64-bit)"));
            }
        }
        Node q = f.get("quantiles");
        if (q != null) {
            if (!(q instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problems.add(at(q, "monte-carlo.quantiles", "a list of ascending probabilities inside (0, 1), e.g. [0.1, 0.5, 0.9]"));
            } else {
                double[] p = new double[seq.getValue().size()];
                for (int i = 0; i < p.length; i++) {
                    Node n = seq.getValue().get(i);
                    try {
                        p[i] = Double.parseDouble(((ScalarNode) n).getValue());
                        if (!(p[i] > 0 && p[i] < 1) || (i > 0 && !(p[i] > p[i - 1]))) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException | ClassCastException e) {
                        problems.add(at(n, "monte-carlo.quantiles[" + i + "]", "ascending probabilities inside (0, 1), e.g. [0.1, 0.5, 0.9]"));
                    }
                }
                quantiles[0] = p;
            }
        }
        return problems.size() == before;
    }

    private void grid(Node node, List<Sweep.Axis> axes, List<Node[]> axisNodes) {
        if (node == null) {
            return;
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node, "grid", "a mapping of --set paths to lists of values, e.g. sites.us-tx.electricity-price: [45 USD/MWh, 90 USD/MWh]"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.add(at(t.getKeyNode(), "grid", "a --set path such as sites.us-tx.electricity-price"));
                continue;
            }
            String path = key.getValue();
            if (!seen.add(path)) {
                problems.add(at(key, "grid." + path, "each path once; this one is repeated"));
                continue;
            }
            if (!(t.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problems.add(at(t.getValueNode(), "grid." + path, "a non-empty list of values, e.g. [45 USD/MWh, 90 USD/MWh]"));
                continue;
            }
            List<String> values = new ArrayList<>();
            Node[] nodes = new Node[seq.getValue().size() + 1];
            nodes[0] = key;
            Set<String> distinct = new HashSet<>();
            boolean ok = true;
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node n = seq.getValue().get(i);
                nodes[i + 1] = n;
                if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
                    problems.add(at(n, "grid." + path + "[" + i + "]", "a value as --set takes it: a number in base units or with a unit"));
                    ok = false;
                } else if (!distinct.add(s.getValue().strip())) {
                    problems.add(at(n, "grid." + path + "[" + i + "]", "distinct values; this one is repeated"));
                    ok = false;
                } else {
                    values.add(s.getValue().strip());
                }
            }
            if (ok) {
                axes.add(new Sweep.Axis(path, values));
                axisNodes.add(nodes);
            }
        }
    }

    /** The fields of a mapping by key; unknown and repeated keys are problems. */
    private Map<String, Node> fields(MappingNode m, String prefix, List<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                problems.add(at(t.getKeyNode(), prefix + (key == null ? "" : key), "a known field: " + String.join(", ", allowed)));
            } else if (out.containsKey(key)) {
                problems.add(at(t.getKeyNode(), prefix + key, "each field once; " + key + " is repeated"));
            } else {
                out.put(key, t.getValueNode());
            }
        }
        return out;
    }

    private String scalar(Map<String, Node> fields, Node parent, String key, String prefix, boolean required, String expected) {
        Node n = fields.get(key);
        if (n == null) {
            if (required) {
                problems.add(at(parent, prefix + key, null, "missing: " + expected));
            }
            return null;
        }
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
            problems.add(at(n, prefix + key, expected));
            return null;
        }
        return s.getValue().strip();
    }

    private Problem at(Node node, String path, String expected) {
        return at(node, path, node == null ? null : render(node), expected);
    }

    private Problem at(Node node, String path, String value, String expected) {
        Mark m = node == null ? null : node.getStartMark();
        return new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, path, value, expected);
    }

    /** A node as compact YAML for a message, at most 100 characters. */
    private static String render(Node node) {
        String s;
        if (node instanceof ScalarNode sc) {
            s = sc.getValue();
        } else if (node instanceof SequenceNode seq) {
            List<String> parts = new ArrayList<>();
            for (Node n : seq.getValue()) {
                parts.add(render(n));
            }
            s = "[" + String.join(", ", parts) + "]";
        } else if (node instanceof MappingNode m) {
            List<String> parts = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                parts.add(render(t.getKeyNode()) + ": " + render(t.getValueNode()));
            }
            s = "{" + String.join(", ", parts) + "}";
        } else {
            s = String.valueOf(node);
        }
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
