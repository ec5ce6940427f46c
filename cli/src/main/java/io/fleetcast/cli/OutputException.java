package io.fleetcast.cli;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The output could not be written (permission denied, a full disk, a file where a folder belongs): exit code
 * {@value ExitCodes#OUTPUT}. The message names the file and the reason in words, never a Java exception name;
 * the output folder holds the previous complete result set.
 */
final class OutputException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the I/O failure.
     *
     * @param out   the output folder given with {@code --out}
     * @param cause the failure; kept for {@code --debug}
     */
    OutputException(Path out, IOException cause) {
        super("could not write output in " + out + ": " + describe(cause) + "; nothing in " + out + " was changed", cause);
    }

    /**
     * Creates the exception for a place that cannot hold the output, found before writing.
     *
     * @param out    the output folder given with {@code --out}
     * @param reason what is in the way, in words
     */
    OutputException(Path out, String reason) {
        super("could not write output in " + out + ": " + reason);
    }

    /** "FILE: reason" in words, for any I/O failure. */
    private static final java.util.regex.Pattern STAGED =
            java.util.regex.Pattern.compile("/\\.([^/]+)\\.fc-[0-9a-z]+(?:\\.partial|\\.link)?(?=/|$)");

    static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            // a file of a set being built is named by its visible path: DIR/.NAME.fc-ID.partial/F -> DIR/NAME/F
            String file = fs.getFile() == null ? "" : STAGED.matcher(fs.getFile()).replaceAll("/$1") + ": ";
            String reason = fs.getReason();
            String words;
            if (fs instanceof AccessDeniedException) {
                words = "permission denied";
            } else if (fs instanceof NoSuchFileException) {
                words = "no such file or folder";
            } else if (fs instanceof NotDirectoryException) {
                words = "not a folder";
            } else if (fs instanceof FileAlreadyExistsException) {
                words = "already exists (a file is in the way)";
            } else if (fs instanceof DirectoryNotEmptyException) {
                words = "folder not empty";
            } else if (fs instanceof FileSystemLoopException) {
                words = "symbolic links loop";
            } else {
                words = reason == null ? "cannot be written" : reason;
            }
            if (reason != null && !words.equals(reason)) {
                words += " (" + reason + ")";
            }
            return file + words;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m;
    }
}
