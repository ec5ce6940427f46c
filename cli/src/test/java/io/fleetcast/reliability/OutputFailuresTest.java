package io.fleetcast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability class 2b, "output that cannot be written" (issue #9): a full disk (simulated with a file size
 * limit), a folder that cannot be created, a file in the path and a folder without permission exit with code
 * 3, name the file in words (no Java exception name), and leave the previous complete set in place.
 */
class OutputFailuresTest {

    private static final String A = "../engine/src/test/resources/golden/small-fleet.yaml";

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void run_fileSizeLimitHitWhileWriting_exit3NamingTheVisibleFileAndOldSetKept() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run("run", A, "--out", out.toString(), "--quiet").code());
        byte[] before = Files.readAllBytes(out.resolve("small-fleet/results-long.csv"));
        // ulimit -f 16: a write past 16 KiB fails with EFBIG ("File too large"), as a full disk fails with ENOSPC;
        // results-long.csv of small-fleet is 25 KB
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -f 16; exec '" + java + "' --add-modules jdk.incubator.vector -cp '"
                + System.getProperty("java.class.path") + "' io.fleetcast.cli.Main run " + A + " --out '" + out + "' --quiet";
        Process p = new ProcessBuilder("bash", "-c", command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), err);
        assertTrue(err.contains("fleetcast: could not write output in " + out + ": " + out.toAbsolutePath()
                + "/small-fleet/results-long.csv: File too large; nothing in " + out + " was changed"), err);
        assertFalse(err.contains("Exception"), err);
        assertTrue(Arrays.equals(before, Files.readAllBytes(out.resolve("small-fleet/results-long.csv"))));
        assertEquals(List.of(".fleetcast.lock", ".small-fleet.fc-ID", "small-fleet"), listing(out), "the staged set is removed");
    }

    @Test
    void run_outUnderProc_exit3BeforeProjecting() {
        Result r = run("run", A, "--out", "/proc/fleetcast-x", "--quiet");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("fleetcast: could not write output in /proc/fleetcast-x: /proc/fleetcast-x: "), r.err());
        assertEquals("", r.out(), "nothing projected or printed before the output is known to be writable");
    }

    @Test
    void run_outUnderAFile_exit3NamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Result r = run("run", A, "--out", file.resolve("sub").toString(), "--quiet");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(file + " is a file, not a folder"), r.err());
    }

    @Test
    void run_folderWithoutWritePermission_exit3PermissionDeniedInWords() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root ignores permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Result r = run("run", A, "--out", locked.toString(), "--quiet");
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().contains("permission denied"), r.err());
            assertFalse(r.err().contains("AccessDeniedException"), r.err());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void run_projectionFailsAfterTheFolderWasCreated_folderRemovedAgain() throws Exception {
        // --runs with a bad --bands-by fails after --out was opened: the folder created for the run goes again
        Path out = dir.resolve("new/out");
        Result r = run("run", A, "--out", out.toString(), "--quiet", "--runs", "3", "--bands-by", "nonsense");
        assertEquals(2, r.code(), r.err());
        assertFalse(Files.exists(dir.resolve("new")), "nothing written: " + r.err());
    }

    private static List<String> listing(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString().replaceAll("\\.fc-[0-9a-z]+$", ".fc-ID")).sorted().toList();
        }
    }
}
