package io.fleetcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported API, the facade ({@code io.fleetcast}), the model ({@code io.fleetcast.model}) and the analyses
 * ({@code io.fleetcast.analyse}, whose results the facade returns), is documented
 * completely: doclint's "missing" group (a comment, every {@code @param}, the {@code @return}) reports nothing there.
 * The build's javadoc leaves that group off for the internal packages; this runs the JDK's javadoc in-process on the
 * three exported ones with it on.
 */
class ExportedApiDocTest {

    @Test
    void exportedPackages_doclintMissing_nothingReported(@TempDir Path out) throws java.io.IOException {
        ToolProvider javadoc = ToolProvider.findFirst("javadoc").orElseThrow(() -> new AssertionError("no javadoc in this JDK"));
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        int rc = javadoc.run(w, w, "--add-modules", "jdk.incubator.vector", "-Xdoclint:all", "-Xmaxwarns", "10000",
                "-quiet", "-d", out.toString(), "--module-path", RuntimeClasspathTest.modulePath(), "-sourcepath", "src/main/java",
                "io.fleetcast", "io.fleetcast.model", "io.fleetcast.analyse");
        List<String> missing = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            if (line.contains("warning: no ") || line.contains("error:")) {
                missing.add(line.strip());
            }
        }
        assertEquals(List.of(), missing, "javadoc exit " + rc);
        assertEquals(0, rc, text.toString());
    }
}
