package io.fleetcast;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's resolved runtime classpath (what a consumer of {@code fleetcast-engine} receives), as written by
 * {@code maven-dependency-plugin:build-classpath} with {@code includeScope=runtime} into the file named by the
 * system property {@code fc.runtimeClasspath}. A test library there would reach every consumer: pdfbox 3.0.1
 * declares junit-jupiter without a scope, and xchart brings pdfbox.
 */
class RuntimeClasspathTest {

    /** Jar-name prefixes of test and benchmark libraries; none may be on a runtime classpath. */
    static final List<String> TEST_LIBRARIES = List.of(
            "junit", "opentest4j", "apiguardian", "hamcrest", "assertj", "mockito", "testng",
            "archunit", "json-schema-validator", "jazzer", "jmh-");

    static List<Path> runtimeClasspath() throws IOException {
        String file = System.getProperty("fc.runtimeClasspath");
        assertTrue(file != null && !file.isBlank(),
                "run through Maven: the system property fc.runtimeClasspath names the dependency plugin's output");
        String text = Files.readString(Path.of(file)).strip();
        List<Path> entries = new ArrayList<>();
        if (text.isEmpty()) {
            return entries;
        }
        for (String entry : text.split(File.pathSeparator)) {
            entries.add(Path.of(entry.strip()));
        }
        return entries;
    }

    /**
     * The runtime classpath as a module path: src/main/java and target/classes hold module-info, so javadoc and
     * jdeps treat the engine as a module and look for its libraries as modules.
     */
    static String modulePath() throws IOException {
        List<String> jars = new ArrayList<>();
        for (Path jar : runtimeClasspath()) {
            jars.add(jar.toString());
        }
        return String.join(File.pathSeparator, jars);
    }

    /** The entries whose jar name starts with a test library's prefix. */
    static List<String> testLibraries(List<Path> classpath) {
        List<String> found = new ArrayList<>();
        for (Path jar : classpath) {
            String name = jar.getFileName().toString().toLowerCase(Locale.ROOT);
            for (String prefix : TEST_LIBRARIES) {
                if (name.startsWith(prefix)) {
                    found.add(jar.getFileName().toString());
                }
            }
        }
        return found;
    }

    @Test
    void runtimeClasspath_resolved_holdsNoTestLibrary() throws IOException {
        List<Path> classpath = runtimeClasspath();
        assertFalse(classpath.isEmpty(), "the engine has runtime dependencies (jackson, snakeyaml, ...)");
        assertEquals(List.of(), testLibraries(classpath), "test libraries on the engine's runtime classpath");
    }

    @Test
    void runtimeClasspath_resolved_holdsNoCommandLineOrReportLibrary() throws IOException {
        // The command line (picocli) and the report (xchart -> VectorGraphics2D -> pdfbox, fontbox) live in
        // fleetcast-cli; a consumer of the engine takes none of them.
        List<String> found = new ArrayList<>();
        for (Path jar : runtimeClasspath()) {
            String name = jar.getFileName().toString().toLowerCase(Locale.ROOT);
            for (String prefix : List.of("picocli", "fleetcast-picocli", "xchart", "vectorgraphics2d", "pdfbox", "fontbox",
                    "graphics2d", "fleetcast-cli")) {
                if (name.startsWith(prefix)) {
                    found.add(jar.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), found, "command-line or report libraries on the engine's runtime classpath");
    }

    @Test
    void runtimeClasspath_resolved_staysWithinTheFootprintTheReadmeStates() throws IOException {
        // README "Use it as a library": 16 jars, 6.3 MB beside the engine's own 0.6 MB jar (2026-12-03). The budget
        // leaves room for a patch release of a dependency, not for a new library stack.
        List<Path> classpath = runtimeClasspath();
        long bytes = 0;
        for (Path jar : classpath) {
            bytes += Files.size(jar);
        }
        assertTrue(classpath.size() <= 18, "runtime jars: " + classpath.size() + " " + classpath);
        assertTrue(bytes <= 7_500_000L, "runtime jars hold " + bytes + " bytes");
    }

    @Test
    void testLibraries_junitAndPdfbox_flagsOnlyJunit() {
        // The detector itself: the leak this guards against was junit-jupiter-5.10.1.jar beside pdfbox-3.0.1.jar.
        List<Path> classpath = List.of(Path.of("/m2/junit-jupiter-5.10.1.jar"), Path.of("/m2/pdfbox-3.0.1.jar"),
                Path.of("/m2/opentest4j-1.3.0.jar"));
        assertEquals(List.of("junit-jupiter-5.10.1.jar", "opentest4j-1.3.0.jar"), testLibraries(classpath));
    }
}
