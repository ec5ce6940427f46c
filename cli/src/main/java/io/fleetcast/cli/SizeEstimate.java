package io.fleetcast.cli;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Mode;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Estimates a request's memory, disk and simulation work before any of it starts, and refuses one that
 * cannot finish on this machine with the estimate and what to change (issue #9: a 1000-year hourly horizon
 * ran 170 s into an OutOfMemoryError; the portfolio at {@code step: hour} wrote 6.4 GB without a word).
 *
 * <p>The figures are deliberately rough (within a factor of about 2), calibrated on the shipped scenarios:
 * a projection keeps about {@value #BYTES_PER_DEPLOYMENT_PERIOD} bytes per deployment x period (the fleet
 * state rows, the cube by deployment and the groupings rolled up from it); a row of {@code results-long.csv}
 * is about {@value #LONG_ROW_BYTES} bytes; the simulate kernel draws about {@value #DEVICES_PER_SECOND_PER_CORE}
 * devices per second and core.
 */
final class SizeEstimate {

    /** Heap per deployment x period of one projection (6 state rows, 19 metrics x 3 cubes, doubles). */
    static final long BYTES_PER_DEPLOYMENT_PERIOD = 8L * (6 + 3 * 19);
    /** One row of the long CSV: scenario, mode, statistic, grouping, group, two instants, metric, unit, value. */
    static final long LONG_ROW_BYTES = 130;
    /** Simulate throughput per core, devices per second (README "Performance": 41 M scalar, 134 M vector). */
    static final double DEVICES_PER_SECOND_PER_CORE = 40e6;
    /** Simulation work refused without {@code --allow-large}: about 10 minutes. */
    static final double MAX_SECONDS = 600;

    private SizeEstimate() {
    }

    /**
     * Checks memory, disk and work of projecting (and writing) the scenarios.
     *
     * @param scenarios  the scenarios
     * @param mode       the mode
     * @param runs       Monte Carlo runs, 1 for a single projection
     * @param out        the output folder, or null
     * @param groupings  the number of CSV groupings written (each writes up to one row per deployment)
     * @param allowLarge whether long simulations were allowed explicitly
     * @param heap       the JVM's maximum heap, bytes
     * @throws BadInputException with the estimate and what to change
     */
    static void check(List<Scenario> scenarios, Mode mode, int runs, Path out, int groupings, boolean allowLarge, long heap) {
        check(scenarios, mode, runs, out, groupings, allowLarge, heap, out == null ? -1 : usableSpace(out));
    }

    /** {@link #check} with the free disk given (tests); {@code free < 0}: unknown, not checked. */
    static void check(List<Scenario> scenarios, Mode mode, int runs, Path out, int groupings, boolean allowLarge, long heap,
                      long free) {
        long disk = 0;
        for (Scenario s : scenarios) {
            Timeline t = Timeline.of(s);
            long periods = t.periods();
            int deployments = s.deployments().size();
            long memory = periods * deployments * BYTES_PER_DEPLOYMENT_PERIOD * (runs > 1 ? 3 : 1);
            if (memory > heap / 10 * 8) {
                throw new BadInputException(s.name() + ": " + periods + " periods (" + t.step().name().toLowerCase(Locale.ROOT)
                        + " steps) x " + deployments + (deployments == 1 ? " deployment" : " deployments") + " need about "
                        + bytes(memory) + " of memory, more than the " + bytes(heap) + " heap allows; use a coarser step: or a shorter"
                        + " horizon:, or a larger heap (FLEETCAST_JAVA_OPTS=-Xmx...)");
            }
            if (mode == Mode.SIMULATE) {
                double devices = 0;
                try {
                    for (ResolvedDeployment r : Fleetcast.sizing(s)) {
                        devices += r.count();
                    }
                } catch (IllegalArgumentException e) {
                    continue; // the projection reports why this scenario cannot be sized
                }
                double seconds = devices * runs / (DEVICES_PER_SECOND_PER_CORE * Runtime.getRuntime().availableProcessors());
                if (seconds > MAX_SECONDS && !allowLarge) {
                    throw new BadInputException(s.name() + ": simulating " + String.format(Locale.ROOT, "%.3g", devices)
                            + " devices x " + runs + (runs == 1 ? " run" : " runs") + " takes about " + duration(seconds)
                            + " on this machine; use --mode expected (the same expectation, in seconds), fewer runs, or"
                            + " --allow-large to run it anyway");
                }
            }
            if (out != null) {
                long rows = periods * Metric.COUNT * (long) Math.max(1, Math.min(groupings, 3)) * deployments;
                // long CSV, wide CSV (about a sixth), JSON cube (about a quarter), times the Monte Carlo statistics
                disk += rows * LONG_ROW_BYTES * 3 / 2 * (runs > 1 ? 6 : 1);
            }
        }
        if (out != null) {
            if (free >= 0 && disk > free / 10 * 9) {
                throw new BadInputException("--out " + out + ": the result files need about " + bytes(disk) + ", more than the "
                        + bytes(free) + " free there; use a coarser step:, fewer --csv-groupings, --format json, or another folder");
            }
        }
    }

    private static long usableSpace(Path out) {
        Path p = out.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", b / (double) (1L << 20));
    }

    private static String duration(double seconds) {
        if (seconds >= 86400 * 365) {
            return String.format(Locale.ROOT, "%.3g years", seconds / (86400 * 365.25));
        }
        if (seconds >= 86400) {
            return String.format(Locale.ROOT, "%.3g days", seconds / 86400);
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%.3g hours", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.3g minutes", seconds / 60);
    }
}
