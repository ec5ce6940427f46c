package io.fleetcast.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output folder that receives result sets whole: a reader of {@code DIR/NAME/} sees one complete set, the
 * old one or the new one, at every instant, even across a crash, a kill or a full disk.
 *
 * <p>The scheme (POSIX file systems):
 * <pre>
 * DIR/.fleetcast.lock          locked (FileChannel.tryLock) by the one writer; holds its pid; never deleted
 * DIR/.NAME.fc-ID.partial/     a set being built: every file written and forced to disk here
 * DIR/.NAME.fc-ID/             a complete set (the .partial folder renamed, one atomic rename)
 * DIR/NAME -&gt; .NAME.fc-ID      the visible folder: a symbolic link, replaced by renaming a new link over it
 * </pre>
 * Switching the link is one {@code rename(2)}: there is no instant at which {@code DIR/NAME} is missing or points
 * at a partial set. The superseded version is deleted afterwards. A writer that dies leaves at most a
 * {@code .partial} folder, a {@code .link} or an unreferenced version, all hidden, which the next writer removes
 * under the lock ({@link #open}). The only window is the one-time move of a {@code DIR/NAME} that is a real
 * folder (written by fleetcast before 0.2): a folder cannot be atomically replaced by a link, so for that one
 * rename {@code DIR/NAME} is absent; the next writer re-links the newest complete version if a kill fell there.
 *
 * <p>Sets that are not a folder of their own (the comparison files {@code DIR/comparison.csv} ...) use a hidden
 * set {@code DIR/.comparison -> ..comparison.fc-ID} and fixed links {@code DIR/comparison.csv ->
 * .comparison/comparison.csv}: one rename of {@code .comparison} switches all of them at once.
 *
 * <p>Not thread-safe; one instance per writing process.
 */
public final class ResultFolder implements AutoCloseable {

    /** The lock file's name inside the folder. */
    public static final String LOCK_FILE = ".fleetcast.lock";
    /** Hidden names of set versions: {@code .NAME.fc-ID}, optionally {@code .partial} or {@code .link}. */
    private static final Pattern VERSION = Pattern.compile("\\.(.+)\\.fc-([0-9a-z]+)(\\.partial|\\.link)?");
    /** Temporary files of {@link AtomicFiles} ({@code .NAME.RANDOM.tmp}) left by a killed writer. */
    private static final Pattern ATOMIC_TEMP = Pattern.compile("\\..+\\.[0-9a-z]+\\.tmp");

    /** Another process (or this one) holds the folder's lock. */
    public static final class BusyException extends IOException {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    /** A set being built: write its files under {@link #folder()}, then {@link #commit} it. */
    public static final class Staged {
        private final String name;
        private final String id;
        private final Path folder;

        private Staged(String name, String id, Path folder) {
            this.name = name;
            this.id = id;
            this.folder = folder;
        }

        /** The hidden folder to write the set's files into. */
        public Path folder() {
            return folder;
        }
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path createdRoot;
    private final List<String> removedStale = new ArrayList<>();
    private boolean committed;

    private ResultFolder(Path dir, FileChannel lockChannel, FileLock lock, Path createdRoot) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.createdRoot = createdRoot;
    }

    /**
     * Creates the folder when missing, takes its lock, and removes what dead writers left behind.
     *
     * @param folder the output folder
     * @return the open folder; close it to release the lock
     * @throws BusyException when another writer holds the lock (its pid in the message when known)
     * @throws IOException   when the folder cannot be created or the lock file written, naming the path
     */
    public static ResultFolder open(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        Path createdRoot = null;
        if (!Files.isDirectory(dir)) {
            Path first = dir;
            while (first.getParent() != null && !Files.exists(first.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                first = first.getParent();
            }
            Files.createDirectories(dir);
            createdRoot = first;
        }
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String pid = holder(channel);
            channel.close();
            throw new BusyException(dir + " is being written by another fleetcast" + (pid.isEmpty() ? "" : " (pid " + pid + ")")
                    + "; wait for it to finish or write to another folder");
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        ResultFolder f = new ResultFolder(dir, channel, lock, createdRoot);
        try {
            f.recover();
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            channel.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** The folder (absolute). */
    public Path dir() {
        return dir;
    }

    /** The hidden entries of dead writers removed when the folder was opened, for the console. */
    public List<String> removedStale() {
        return List.copyOf(removedStale);
    }

    /**
     * Starts a new set: an empty hidden folder {@code .NAME.fc-ID.partial}.
     *
     * @param name the visible name the set will have ({@code DIR/NAME})
     * @return the staged set
     * @throws IOException when the folder cannot be created
     */
    public Staged stage(String name) throws IOException {
        while (true) {
            String id = Long.toUnsignedString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
            Path partial = dir.resolve("." + name + ".fc-" + id + ".partial");
            try {
                Files.createDirectory(partial);
                return new Staged(name, id, partial);
            } catch (FileAlreadyExistsException e) {
                // drawn twice: draw again
            }
        }
    }

    /**
     * Abandons a staged set: deletes its folder. Failures are ignored (the next writer removes leftovers).
     *
     * @param staged the set
     */
    public void abandon(Staged staged) {
        try {
            deleteTree(staged.folder);
        } catch (IOException | UncheckedIOException e) {
            // left for the next writer's recovery
        }
    }

    /**
     * Makes a staged set the visible {@code DIR/NAME} in one step and deletes the set it replaces.
     *
     * @param staged the set, every file written
     * @return the visible path {@code DIR/NAME}
     * @throws IOException when a rename fails (the visible set is then the old one), naming the path; also when
     *                     {@code DIR/NAME} exists as a file
     */
    public Path commit(Staged staged) throws IOException {
        Path version = dir.resolve("." + staged.name + ".fc-" + staged.id);
        Path visible = dir.resolve(staged.name);
        if (Files.exists(visible, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(visible) && !Files.isDirectory(visible)) {
            throw new FileSystemException(visible.toString(), null, "a file is in the way of the result folder; move it");
        }
        AtomicFiles.syncFolder(staged.folder);
        Files.move(staged.folder, version, StandardCopyOption.ATOMIC_MOVE);
        Path previous = null;
        if (Files.isSymbolicLink(visible)) {
            previous = dir.resolve(Files.readSymbolicLink(visible)).normalize();
        } else if (Files.isDirectory(visible, LinkOption.NOFOLLOW_LINKS)) {
            // a real folder from before: move it aside as a complete version (the one window, see the class comment)
            previous = dir.resolve("." + staged.name + ".fc-" + staged.id + "0");
            Files.move(visible, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        switchLink(visible, version.getFileName());
        committed = true;
        if (previous != null && previous.getParent().equals(dir) && VERSION.matcher(previous.getFileName().toString()).matches()
                && !previous.equals(version)) {
            try {
                deleteTree(previous);
            } catch (IOException | UncheckedIOException e) {
                // unreferenced now: the next writer removes it
            }
        }
        return visible;
    }

    /**
     * Creates or replaces the link {@code DIR/NAME -> target} in one rename.
     *
     * @param name   the link's name in the folder
     * @param target the link's relative target
     * @throws IOException when the link cannot be created or renamed
     */
    public void link(String name, Path target) throws IOException {
        Path visible = dir.resolve(name);
        if (Files.isSymbolicLink(visible) && Files.readSymbolicLink(visible).equals(target)) {
            return;
        }
        if (Files.isDirectory(visible, LinkOption.NOFOLLOW_LINKS)) {
            // a real folder from before (the comparison charts): moved aside, removed below or by the next writer
            Path aside = dir.resolve("." + name + ".fc-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".partial");
            Files.move(visible, aside, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(aside);
        }
        switchLink(visible, target);
    }

    private void switchLink(Path visible, Path target) throws IOException {
        Path temp;
        while (true) {
            temp = dir.resolve("." + visible.getFileName() + ".fc-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".link");
            try {
                Files.createSymbolicLink(temp, target);
                break;
            } catch (FileAlreadyExistsException e) {
                // drawn twice: draw again
            }
        }
        try {
            Files.move(temp, visible, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        AtomicFiles.syncFolder(dir);
    }

    /**
     * Removes what dead writers left: {@code .partial} folders and {@code .link} files, versions no visible link
     * points at, and {@link AtomicFiles} temporary files; re-links a set whose visible name is missing (a kill in
     * the one-time move of a real folder) to its newest complete version.
     */
    private void recover() throws IOException {
        Map<String, List<Path>> versions = new HashMap<>();
        Set<Path> referenced = new HashSet<>();
        List<Path> junk = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String n = e.getFileName().toString();
                if (Files.isSymbolicLink(e)) {
                    Path t = Files.readSymbolicLink(e);
                    referenced.add(dir.resolve(t).normalize());
                    if (t.getNameCount() > 1) {
                        referenced.add(dir.resolve(t.getName(0)).normalize());
                    }
                }
                Matcher m = VERSION.matcher(n);
                if (m.matches()) {
                    if (m.group(3) != null) {
                        junk.add(e);
                    } else if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                        versions.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(e);
                    }
                } else if (ATOMIC_TEMP.matcher(n).matches() && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
                    junk.add(e);
                }
            }
        }
        for (Map.Entry<String, List<Path>> v : versions.entrySet()) {
            Path visible = dir.resolve(v.getKey());
            if (!Files.exists(visible, LinkOption.NOFOLLOW_LINKS)) {
                Path newest = null;
                FileTime newestTime = null;
                for (Path p : v.getValue()) {
                    FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                    if (newest == null || t.compareTo(newestTime) > 0) {
                        newest = p;
                        newestTime = t;
                    }
                }
                switchLink(visible, newest.getFileName());
                referenced.add(newest);
                removedStale.add(visible.getFileName() + " re-linked to " + newest.getFileName());
            }
            for (Path p : v.getValue()) {
                if (!referenced.contains(p)) {
                    junk.add(p);
                }
            }
        }
        for (Path p : junk) {
            deleteTree(p);
            removedStale.add(p.getFileName().toString());
        }
    }

    /**
     * Releases the lock. When nothing was committed and the folder was created by {@link #open}, removes it again
     * (with the lock file) so that a failed run leaves nothing behind.
     */
    @Override
    public void close() {
        try {
            if (!committed && createdRoot != null) {
                Files.deleteIfExists(dir.resolve(LOCK_FILE));
            }
            lock.release();
        } catch (IOException e) {
            // closing the channel releases the lock too
        } finally {
            try {
                lockChannel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
        if (!committed && createdRoot != null) {
            for (Path p = dir; p != null && p.startsWith(createdRoot); p = p.getParent()) {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    break; // not empty (another writer arrived) or gone: leave it
                }
            }
        }
    }

    /** Deletes a file, a link (not its target) or a folder tree. */
    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
                for (Path e : entries) {
                    deleteTree(e);
                }
            } catch (NoSuchFileException e) {
                return;
            }
        }
        Files.deleteIfExists(p);
    }
}
