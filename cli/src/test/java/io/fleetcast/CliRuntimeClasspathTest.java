package io.fleetcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line's resolved runtime classpath (what {@code target/fleetcast.jar} bundles) holds no test library:
 * pdfbox 3.0.1, which the report's chart library brings, declares junit-jupiter without a scope.
 */
class CliRuntimeClasspathTest {

    @Test
    void runtimeClasspath_resolved_holdsNoTestLibrary() throws IOException {
        List<Path> classpath = RuntimeClasspathTest.runtimeClasspath();
        assertFalse(classpath.isEmpty(), "the command line has runtime dependencies (the engine, picocli, xchart)");
        assertEquals(List.of(), RuntimeClasspathTest.testLibraries(classpath), "test libraries on the CLI's runtime classpath");
    }
}
