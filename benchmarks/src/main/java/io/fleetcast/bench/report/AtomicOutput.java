package io.fleetcast.bench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes an output file through a temporary file in the same folder, moved into place, so a crash leaves
 * the old file or none, never half of one. The temporary file gets the usual {@code rw-r--r--}
 * permissions before the move ({@code createTempFile} makes it owner-only, which would leave CI's report
 * unreadable to anyone else).
 */
final class AtomicOutput {

    /** What fills the temporary file. */
    @FunctionalInterface
    interface Writer {
        /**
         * Writes the content.
         *
         * @param out the temporary file's stream; closed by the caller
         * @throws IOException when writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    private AtomicOutput() {}

    /**
     * Writes {@code file} atomically.
     *
     * @param file   the file to create or replace
     * @param writer fills it
     * @throws IOException when it cannot be written
     */
    static void write(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
