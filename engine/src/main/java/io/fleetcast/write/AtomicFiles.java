package io.fleetcast.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader, a crash or a kill never sees half of one: the content goes to a
 * temporary file in the target's own folder (same file system, so the rename is atomic), is forced
 * to disk, and is then moved over the target with {@link StandardCopyOption#ATOMIC_MOVE}. At any
 * instant the target holds the previous complete content or the new complete content, or does not
 * exist. A failure while writing deletes the temporary file and leaves the target untouched; a kill
 * may leave a hidden {@code .NAME.*.tmp} file beside it, never a partial target.
 */
public final class AtomicFiles {

    /** Receives the stream the content is written to; may throw to abandon the write. */
    @FunctionalInterface
    public interface ContentWriter {
        /**
         * Writes the whole content.
         *
         * @param out the temporary file's stream; the caller closes it
         * @throws IOException to abandon the write; the target is left as it was
         */
        void write(OutputStream out) throws IOException;
    }

    /** Receives a character writer (UTF-8) the content is written to. */
    @FunctionalInterface
    public interface TextWriter {
        /**
         * Writes the whole content.
         *
         * @param out UTF-8 writer on the temporary file; the caller flushes and closes it
         * @throws IOException to abandon the write; the target is left as it was
         */
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically with the content {@code content} produces.
     *
     * @param target  the file to create or replace; its parent folder must exist
     * @param content writes the bytes; any exception it throws abandons the write
     * @throws IOException when writing, syncing or moving fails; the target is then unchanged
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = createTemp(dir, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.write(out);
                out.flush();
                // fsync before the rename: otherwise a power cut after the rename can expose an empty file.
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + absolute + " atomically on this file system", e);
            }
            moved = true;
            syncFolder(dir);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // a full disk or an I/O error surfaces as a plain IOException ("No space left on device"): name the file
            FileSystemException named = new FileSystemException(absolute.toString(), null, e.getMessage());
            named.initCause(e);
            throw named;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Writes {@code target} atomically as UTF-8 text.
     *
     * @param target  the file to create or replace; its parent folder must exist
     * @param content writes the text; any exception it throws abandons the write
     * @throws IOException when writing, syncing or moving fails; the target is then unchanged
     */
    public static void writeText(Path target, TextWriter content) throws IOException {
        write(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.write(writer);
            writer.flush();
        });
    }

    /**
     * Writes {@code target} atomically with the given text (UTF-8).
     *
     * @param target the file to create or replace
     * @param text   the whole content
     * @throws IOException when writing fails; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        writeText(target, w -> w.write(text));
    }

    /**
     * Writes {@code target} atomically with the given bytes.
     *
     * @param target the file to create or replace
     * @param bytes  the whole content; not modified
     * @throws IOException when writing fails; the target is then unchanged
     */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Creates an empty, hidden temporary file beside the target. Not {@link Files#createTempFile}: that
     * creates the file 0600 and the result would keep those permissions; {@link Files#createFile} gives
     * a new file's usual permissions (0666 less the umask).
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // another writer's temporary file has this name: draw another
            }
        }
    }

    /**
     * Makes the rename durable: on Linux a folder can be opened and forced. Where the platform
     * refuses (Windows), the rename is still atomic, only its durability across a power cut is left
     * to the file system, so the failure is ignored.
     */
    static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            // see the method comment: durability of the folder entry is best effort
        }
    }
}
