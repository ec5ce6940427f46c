package io.fleetcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine's package graph, read from its compiled classes by the JDK's {@code jdeps} (run in-process): the model
 * depends on no other fleetcast package, and no two packages depend on each other.
 */
class PackageCyclesTest {

    /**
     * Known cycles, each with why it is still there: none. (The command line and the server were one until the
     * server's verb became a {@code io.fleetcast.cli.VerbProvider} the command line finds by its service file.)
     */
    private static final Set<Set<String>> KNOWN = Set.of();

    private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.fleetcast[\\w.]*)\\s+->\\s+(io\\.fleetcast[\\w.]*)\\s");

    private static String modulePath() {
        try {
            return RuntimeClasspathTest.modulePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Package to the fleetcast packages it uses, from jdeps on target/classes (a module: its libraries as modules). */
    private static Map<String, Set<String>> graph() {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes), "run from the engine module after compiling: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-filter:none",
                "--module-path", modulePath(),
                "--multi-release", String.valueOf(Runtime.version().feature()), classes.toString());
        assertEquals(0, rc, "jdeps failed:\n" + out);
        Map<String, Set<String>> g = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                g.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                g.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            }
        }
        assertTrue(g.size() > 5, "jdeps output not understood:\n" + out);
        return g;
    }

    @Test
    void model_dependsOnNoOtherFleetcastPackage() {
        assertEquals(Set.of(), graph().getOrDefault("io.fleetcast.model", Set.of()),
                "io.fleetcast.model holds the values every stage passes on; it must not depend on a stage");
    }

    @Test
    void packages_noCycleBeyondTheKnownOne() {
        Map<String, Set<String>> g = graph();
        List<Set<String>> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(g)) {
            if (component.size() > 1 && !KNOWN.contains(component)) {
                cycles.add(component);
            }
        }
        assertEquals(List.of(), cycles, "package cycles (a package and the ones it reaches that reach it back)");
    }

    /** Tarjan's strongly connected components (recursive: the graph has a dozen packages). */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> g) {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String root : g.keySet()) {
            if (!index.containsKey(root)) {
                connect(root, g, index, low, stack, onStack, out, next);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]);
        next[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, g, index, low, stack, onStack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
