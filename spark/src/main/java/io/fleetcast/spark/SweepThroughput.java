package io.fleetcast.spark;

import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.analyse.SummaryCells;
import io.fleetcast.sweep.Sweep;
import io.fleetcast.sweep.SweepReader;
import io.fleetcast.sweep.SweepRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Sweep throughput on one machine: variant-runs per second of the single-machine sweep ({@link SweepRunner}, with 1
 * and 2 worker threads) against the Spark job ({@link SparkSweep}) in {@code local[1]} and {@code local[2]}, on the
 * same sweep, so Spark's overhead and its scaling are on record (docs/scale.md).
 *
 * <p>Each configuration runs once to warm up (class loading, JIT), then {@code --repeats} times; the median wall time
 * is reported, with variant-runs per second and per core, and device lifecycles per second (variant-runs x each
 * variant's mean resolved accelerators: the installs; replacements after failures come on top). Run:
 *
 * <pre>
 * spark-submit --class io.fleetcast.spark.SweepThroughput --master local[2] spark/target/fleetcast-spark.jar \
 *     models/sweeps/amd-energy-and-delay.yaml [--repeats 3] [--threads 1,2] [--masters local[1],local[2]]
 * </pre>
 *
 * (the {@code --master} of spark-submit is ignored: each configuration starts and stops its own session).
 */
public final class SweepThroughput {

    private SweepThroughput() {
    }

    /**
     * Measures and prints a Markdown table.
     *
     * @param args {@code SWEEP.yaml [--repeats N] [--threads LIST] [--masters LIST]}
     * @throws ScenarioException when the sweep is invalid
     * @throws IOException       when the scratch folder cannot be made
     */
    public static void main(String[] args) throws ScenarioException, IOException {
        Path file = Path.of(args[0]).toAbsolutePath();
        int repeats = 3;
        List<Integer> threads = List.of(1, 2);
        List<String> masters = List.of("local[1]", "local[2]");
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--masters" -> masters = List.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Sweep sweep = SweepReader.read(file);
        double installs = 0;
        for (SweepRunner.VariantResult r : SweepRunner.run(sweep, 2, ProgressListener.NONE)) {
            installs += r.result().summaryMean(SummaryCells.RESOLVED_ACCELERATORS) * sweep.runs();
        }
        System.out.printf(Locale.ROOT, "%s: %d variants x %d %s runs = %d variant-runs, %.3g device lifecycles (installs)%n%n",
                sweep.name(), sweep.variants().size(), sweep.runs(), sweep.mode().id(), sweep.variantRuns(), installs);
        System.out.println("| path | cores | median s | variant-runs/s | per core | lifecycles/s per core |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (int t : threads) {
            double[] s = new double[repeats];
            SweepRunner.run(sweep, t, ProgressListener.NONE);
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                SweepRunner.run(sweep, t, ProgressListener.NONE);
                s[r] = (System.nanoTime() - t0) / 1e9;
            }
            row("fleetcast sweep (--threads " + t + ")", t, median(s), sweep, installs);
        }
        Path scratch = Files.createTempDirectory("fleetcast-throughput");
        for (String master : masters) {
            int cores = master.matches("local\\[\\d+]") ? Integer.parseInt(master.replaceAll("\\D", "")) : 0;
            SparkSession spark = SparkSession.builder().master(master).appName("fleetcast throughput")
                    .config("spark.ui.enabled", "false").getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            try {
                double[] s = new double[repeats];
                SparkSweep.run(spark, file, sweep, scratch.resolve("warm").toString(), 0);
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    SparkSweep.run(spark, file, sweep, scratch.resolve("r" + r).toString(), 0);
                    s[r] = (System.nanoTime() - t0) / 1e9;
                }
                row("Spark " + master + " (incl. Parquet)", cores, median(s), sweep, installs);
            } finally {
                spark.stop();
            }
        }
        deleteTree(scratch);
    }

    private static void row(String path, int cores, double seconds, Sweep sweep, double installs) {
        double rate = sweep.variantRuns() / seconds;
        // expected mode samples no device: a lifecycle rate would be meaningless there
        String lifecycles = sweep.mode() == io.fleetcast.model.Mode.SIMULATE && cores > 0
                ? String.format(Locale.ROOT, "%.3g", installs / seconds / cores) : "-";
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.1f | %s |%n", path, cores, seconds, rate,
                cores > 0 ? rate / cores : Double.NaN, lifecycles);
    }

    private static double median(double[] s) {
        double[] c = s.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> all = new ArrayList<>();
        try (var s = Files.walk(root)) {
            s.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
