package io.fleetcast.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the plugin jar (target/fleetcast-parquet.jar) bundles: the module's resolved runtime class path, written by the
 * build (target/runtime-classpath.txt). The engine is provided (the command line's jar has it), the codecs with
 * native libraries are left out, and the whole stays within the size README "Dependencies" gives.
 */
class PluginClasspathTest {

    private static List<Path> runtimeClasspath() throws IOException {
        String file = System.getProperty("fc.runtimeClasspath", "target/runtime-classpath.txt");
        List<Path> out = new ArrayList<>();
        for (String p : Files.readString(Path.of(file)).trim().split(java.io.File.pathSeparator)) {
            if (!p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    @Test
    void runtimeClasspath_resolved_noEngineNoNativeCodecsNoTestLibrary() throws IOException {
        for (Path jar : runtimeClasspath()) {
            String name = jar.getFileName().toString();
            // the engine and its libraries come with cli/target/fleetcast.jar; snappy and zstd carry native libraries
            for (String banned : List.of("fleetcast-", "jackson-databind", "snakeyaml", "commons-math3", "snappy-java",
                    "zstd-jni", "junit", "duckdb", "picocli", "xchart")) {
                assertTrue(!name.startsWith(banned), name + " on the plugin's runtime class path");
            }
        }
    }

    @Test
    void runtimeClasspath_resolved_tenJarsWithinSixteenMegabytes() throws IOException {
        List<Path> jars = runtimeClasspath();
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.size(jar);
        }
        // parquet-hadoop, -column, -encoding, -common, -format-structures, -jackson, jts-core, hadoop-common,
        // slf4j-api, slf4j-nop: 15.2 MB when measured (README "Dependencies")
        assertEquals(10, jars.size(), jars.toString());
        assertTrue(bytes < 16_000_000, bytes + " bytes");
    }
}
