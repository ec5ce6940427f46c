package io.fleetcast.simulate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After EJML's TestEnforceCodeStandards: the kernel classes ({@code *Kernels.java} of the engine's stages)
 * hold the per-device and per-cell loops, so they must not use for-each, streams, lambdas or boxed types.
 */
class KernelCodeStandardsTest {

    private static final Pattern[] BANNED = {
            Pattern.compile("for\\s*\\([^;]*:"),          // for-each
            Pattern.compile("\\.stream\\(|Stream\\."),      // streams
            Pattern.compile("->"),                          // lambdas
            Pattern.compile("\\b(Double|Integer|Long)\\b(?!\\.)"), // boxed types (static helpers like Double.isFinite are fine)
    };

    @Test
    void kernels_engineStages_noForEachStreamsLambdasOrBoxing() throws IOException {
        Path root = Path.of("src/main/java/io/fleetcast");
        List<Path> kernels = new ArrayList<>();
        for (String stage : new String[] {"plan", "simulate", "accumulate", "cube"}) {
            try (var files = Files.list(root.resolve(stage))) {
                files.filter(f -> f.getFileName().toString().endsWith("Kernels.java")).forEach(kernels::add);
            }
        }
        assertTrue(kernels.size() >= 4, "kernel classes not found: " + kernels);
        List<String> violations = new ArrayList<>();
        for (Path f : kernels) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                    continue;
                }
                for (Pattern p : BANNED) {
                    if (p.matcher(line).find()) {
                        violations.add(f.getFileName() + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
