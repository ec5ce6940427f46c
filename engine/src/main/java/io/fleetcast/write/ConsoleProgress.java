package io.fleetcast.write;

import io.fleetcast.model.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on a terminal ({@code amd-openai-6gw: 1000 runs [#######.....]  58%  3.1 s}),
 * redrawn in place with a carriage return. It stays silent for the first second, so quick work prints
 * nothing, and redraws at most ten times a second however often {@link #advance(long)} is called.
 *
 * <p>Use {@link #forStandardError(boolean)}: it returns {@link ProgressListener#NONE} unless standard
 * error is an interactive terminal, {@code --quiet} is off and the environment is not CI, so logs and
 * pipes never see control characters.
 */
public final class ConsoleProgress implements ProgressListener {

    /** Nothing is drawn before the work has run this long. */
    static final long QUIET_NANOS = 1_000_000_000L;
    /** Minimum time between two redraws. */
    static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final LongSupplier clock;
    private final AtomicLong done = new AtomicLong();
    private volatile String task = "";
    private volatile long total;
    private long startNanos;
    private long lastDrawNanos;
    private int lastWidth;

    /**
     * A progress bar drawn on {@code out}.
     *
     * @param out   the terminal stream
     * @param clock nanosecond clock ({@code System::nanoTime}; tests pass a fake one)
     */
    public ConsoleProgress(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    /**
     * The listener the command line should use.
     *
     * @param quiet {@code --quiet} was given
     * @return a bar on {@code System.err} when it is an interactive terminal and neither quiet nor CI;
     *         otherwise {@link ProgressListener#NONE}
     */
    public static ProgressListener forStandardError(boolean quiet) {
        if (quiet || isCi(System.getenv()) || !standardErrorIsTerminal()) {
            return NONE;
        }
        return new ConsoleProgress(System.err, System::nanoTime);
    }

    /**
     * True when the environment says it is a CI job ({@code CI} set to anything but {@code false}).
     *
     * @param env the environment, e.g. {@link System#getenv()}
     * @return whether it is a CI job
     */
    public static boolean isCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /**
     * {@code System.console()} is non-null when the JVM has a terminal, but standard error alone may
     * still be redirected to a file; on Linux {@code /proc/self/fd/2} tells where it really goes.
     */
    static boolean standardErrorIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        if (!Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true; // no procfs (macOS, Windows): the console is the best evidence there is
        }
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void begin(String task, long totalUnits) {
        this.task = task;
        this.total = totalUnits;
        done.set(0);
        startNanos = clock.getAsLong();
        lastDrawNanos = startNanos;
        lastWidth = 0;
    }

    @Override
    public void advance(long units) {
        done.addAndGet(units);
        long now = clock.getAsLong();
        synchronized (this) {
            if (now - startNanos < QUIET_NANOS || now - lastDrawNanos < REDRAW_NANOS) {
                return;
            }
            lastDrawNanos = now;
            draw(now);
        }
    }

    @Override
    public synchronized void end() {
        if (lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
            lastWidth = 0;
        }
    }

    private void draw(long now) {
        long d = done.get();
        double seconds = (now - startNanos) / 1e9;
        String line;
        if (total > 0) {
            double fraction = Math.min(1.0, (double) d / total);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            line = String.format(Locale.ROOT, "%s [%s%s] %3d%%  %.1f s", task, "#".repeat(filled),
                    ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), seconds);
        } else {
            line = String.format(Locale.ROOT, "%s  %,d done  %.1f s", task, d, seconds);
        }
        int pad = Math.max(0, lastWidth - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastWidth = line.length();
    }
}
