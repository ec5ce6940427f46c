package io.fleetcast.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeString_newFile_createsItWithTheContentAndNoTempLeft() throws IOException {
        Path target = dir.resolve("results.csv");
        AtomicFiles.writeString(target, "a,b\n1,2\n");
        assertEquals("a,b\n1,2\n", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void writeString_posixFileSystem_usualPermissionsNotPrivateTempOnes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path target = dir.resolve("results.csv");
        AtomicFiles.writeString(target, "x\n");
        // both get 0666 less the umask (typically rw-r--r--), not the 0600 of Files.createTempFile
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }

    @Test
    void writeBytes_existingFile_replacesIt() throws IOException {
        Path target = dir.resolve("report.html");
        Files.writeString(target, "old");
        AtomicFiles.writeBytes(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void writeText_failureMidWrite_keepsPreviousContentAndRemovesTemp() throws IOException {
        Path target = dir.resolve("results.json");
        Files.writeString(target, "{\"complete\":true}");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.writeText(target, w -> {
            // a large first half, flushed so it really reaches the temporary file before the failure
            w.write("{\"partial\":[" + "1,".repeat(100_000));
            w.flush();
            throw new IOException("disk full (simulated)");
        }));
        // the failure names the file it was writing (a plain IOException from a full disk names none)
        assertEquals(target.toAbsolutePath() + ": disk full (simulated)", thrown.getMessage());
        assertEquals("disk full (simulated)", thrown.getCause().getMessage());
        assertEquals("{\"complete\":true}", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void write_runtimeFailureMidWrite_noPreviousFile_leavesNoFileAtAll() throws IOException {
        Path target = dir.resolve("results-long.csv");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write("scenario,mode\n".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("NaN in cube (simulated)");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listing());
    }

    /**
     * A real kill: a child JVM starts replacing the file, reports that half the new content is on
     * disk, and is killed with SIGKILL before it finishes. The target must still hold the old content.
     */
    @Test
    void write_processKilledMidWrite_leavesPreviousContent() throws Exception {
        Path target = dir.resolve("results.csv");
        Files.writeString(target, "old complete content\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledWriter.class.getName(), target.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            assertEquals(KilledWriter.HALF_WRITTEN, line, "child did not reach the middle of its write");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals("old complete content\n", Files.readString(target));
        // the abandoned temporary file is hidden and never has the target's name
        for (Path p : listing()) {
            assertTrue(p.equals(target) || p.getFileName().toString().startsWith(".results.csv."), p.toString());
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** Child process of {@link #write_processKilledMidWrite_leavesPreviousContent()}. */
    static final class KilledWriter {
        static final String HALF_WRITTEN = "half written";

        public static void main(String[] args) throws IOException {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write("new content, first half\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
                out.flush();
                System.out.println(HALF_WRITTEN);
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write("second half\n".getBytes(StandardCharsets.UTF_8));
            });
        }
    }
}
