package io.fleetcast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every public or protected declaration (type, constructor, method, field) of a public type in the engine's
 * sources carries a Javadoc comment. The javadoc build (maven-javadoc-plugin, doclint all, part of
 * {@code ./mvnw -B verify}) fails on broken references and HTML; this test fails on a missing comment,
 * which doclint only reports as a warning. Methods marked {@code @Override} inherit their comment.
 */
class JavadocCoverageTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern DECLARATION = Pattern.compile("^(public|protected)\\b.*");
    private static final Pattern PUBLIC_TOP_LEVEL = Pattern.compile(
            "^public\\s+((final|abstract|sealed|non-sealed|static)\\s+)*(class|interface|enum|record|@interface)\\s.*");

    @Test
    void publicDeclarations_engineSources_haveJavadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                missing.addAll(undocumented(f, Files.readAllLines(f)));
            }
        }
        assertEquals(List.of(), missing, "public declarations without a Javadoc comment");
    }

    @Test
    void undocumented_annotatedAndPlainDeclarations_onlyTheUncommentedOne() {
        List<String> lines = List.of(
                "public final class A {",
                "    /** Documented. */",
                "    @Deprecated(since = \"1\",",
                "            forRemoval = false)",
                "    public void a() {",
                "    }",
                "",
                "    public void b() {",
                "    }",
                "",
                "    @Override",
                "    public String toString() {",
                "    }",
                "}");
        // line 1 (the class) and line 8 (b) have no comment; a's annotation spans two lines; toString inherits
        assertEquals(List.of("A.java:1: public final class A {", "A.java:8: public void b() {"),
                undocumented(Path.of("A.java"), lines));
    }

    /**
     * The public declarations without a Javadoc comment in one source file.
     *
     * @param file  the file's path, for the messages
     * @param lines its lines
     * @return {@code file:line: declaration} for each; empty when the file's top-level type is not public
     */
    static List<String> undocumented(Path file, List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean publicType = false;
        for (String l : lines) {
            if (PUBLIC_TOP_LEVEL.matcher(l).matches()) {
                publicType = true;
                break;
            }
        }
        if (!publicType) {
            return out;
        }
        boolean attached = false;
        boolean inComment = false;
        boolean javadoc = false;
        boolean override = false;
        int annotationDepth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (inComment) {
                if (t.contains("*/")) {
                    inComment = false;
                    attached = javadoc;
                }
                continue;
            }
            if (t.startsWith("/*")) {
                javadoc = t.startsWith("/**");
                if (t.indexOf("*/", 2) >= 0) {
                    attached = javadoc;
                } else {
                    inComment = true;
                }
                continue;
            }
            if (t.startsWith("//") || t.isEmpty()) {
                continue;
            }
            if (annotationDepth > 0) {
                annotationDepth += depth(t);
                continue;
            }
            if (t.startsWith("@") && !t.startsWith("@interface")) {
                annotationDepth = depth(t);
                override |= t.startsWith("@Override");
                continue;
            }
            if (DECLARATION.matcher(t).matches() && !override && !attached) {
                out.add(file.getFileName() + ":" + (i + 1) + ": " + t);
            }
            attached = false;
            override = false;
        }
        return out;
    }

    private static int depth(String line) {
        int d = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            d += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return d;
    }
}
