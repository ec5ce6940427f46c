package io.fleetcast.spark;

import io.fleetcast.model.Problem;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.analyse.MonteCarloPart;
import io.fleetcast.sweep.Sweep;
import io.fleetcast.sweep.SweepReader;
import io.fleetcast.sweep.Variant;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.Partitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The Spark job: runs a sweep ({@link SweepReader} has the file format) across a cluster and writes its tables as
 * Parquet.
 *
 * <pre>
 * spark-submit --master local[2] spark/target/fleetcast-spark.jar models/sweeps/amd-energy-and-delay.yaml --out out
 * </pre>
 *
 * <p>How: the driver reads and validates the sweep file first (a bad file exits with code 2 and every problem
 * located, before a Spark session exists, so no task ever starts); then it cuts every variant's runs into
 * (variant x run-range) tasks. Each task reads the sweep on its executor (once per JVM, checked against the
 * driver's SHA-256), computes its runs with the engine and keeps them as a {@link MonteCarloPart}: per run, the
 * exact order-statistic buffer of every band cell, the summary row and the row behind the mean. The parts of a
 * variant meet on one executor, sorted by run, and a {@link MonteCarloPart.Reduction} folds them in run order
 * (holding the band rows, summing the rows behind the mean as they pass), so every variant's bands
 * are those of {@code fleetcast sweep} and of {@code fleetcast run --runs N --seed S --set ...}, bit for bit,
 * whatever the cut, the executors or the retries (a run is a pure function of seed and run index, so a task that
 * fails is simply run again by Spark).
 *
 * <p>Output, {@code OUT/NAME/} (replaced as a whole: written beside it under a hidden name, then renamed):
 * {@code results-long/variant=v0/part-*.parquet ...} (the columns of {@code results-long.csv}, partitioned by
 * variant), {@code summary/} (per variant and figure, mean and quantiles) and {@code variants/} (each variant's
 * scenario and sets). Options: {@code --runs-per-task N} (default: about four tasks per core of the cluster),
 * {@code --master URL} (when not run by spark-submit; default {@code local[*]}).
 *
 * <p>The files the sweep names (the sweep itself, scenario, catalog and site files) must be readable at the same
 * path on every executor (a shared file system); built-in scenarios travel inside the jar.
 */
public final class SparkSweep {

    /** Exit code: the sweep ran and its tables were written. */
    public static final int OK = 0;
    /** Exit code: the sweep file is invalid, or bad usage. */
    public static final int BAD_INPUT = 2;
    /** Tasks per core of the cluster when {@code --runs-per-task} is not given: enough to balance uneven runs. */
    static final int TASKS_PER_CORE = 4;

    private SparkSweep() {
    }

    /**
     * Entry point of {@code spark-submit}.
     *
     * @param args {@code SWEEP.yaml --out DIR [--runs-per-task N] [--master URL]}
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the job from command-line arguments: validates the sweep before anything else, then uses the active
     * Spark session (made, and stopped at the end, when there is none).
     *
     * @param args {@code SWEEP.yaml --out DIR [--runs-per-task N] [--master URL]}
     * @param out  where the outcome is printed
     * @param err  where problems are printed
     * @return {@link #OK} or {@link #BAD_INPUT}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        String dir = null;
        String master = null;
        int runsPerTask = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (a) {
                case "--out" -> dir = hasValue ? args[++i] : null;
                case "--master" -> master = hasValue ? args[++i] : null;
                case "--runs-per-task" -> {
                    try {
                        runsPerTask = hasValue ? Integer.parseInt(args[++i]) : 0;
                    } catch (NumberFormatException e) {
                        runsPerTask = -1;
                    }
                    if (runsPerTask < 1) {
                        err.println("fleetcast-spark: --runs-per-task: expected a whole number of at least 1");
                        return BAD_INPUT;
                    }
                }
                default -> {
                    if (a.startsWith("-") || file != null) {
                        err.println("fleetcast-spark: unknown argument " + a);
                        err.println(USAGE);
                        return BAD_INPUT;
                    }
                    file = a;
                }
            }
        }
        if (file == null || dir == null) {
            err.println("fleetcast-spark: " + (file == null ? "missing SWEEP.yaml" : "missing --out DIR"));
            err.println(USAGE);
            return BAD_INPUT;
        }
        Path sweepFile = Path.of(file).toAbsolutePath();
        Sweep sweep;
        try {
            sweep = SweepReader.read(sweepFile);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                err.println(p.message());
            }
            int n = e.problems().size();
            err.println(n + (n == 1 ? " problem" : " problems") + " found.");
            return BAD_INPUT;
        }
        boolean own = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession.Builder builder = SparkSession.builder().appName("fleetcast sweep " + sweep.name());
        if (master != null) {
            builder.master(master);
        } else if (own && !new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            long t0 = System.nanoTime();
            Outcome o = run(spark, sweepFile, sweep, dir, runsPerTask);
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "sweep %s: %d variants x %d %s runs in %d tasks, %.1f s (%.1f variant-runs/s)%n",
                    sweep.name(), sweep.variants().size(), sweep.runs(), sweep.mode().id(), o.tasks(), seconds,
                    sweep.variantRuns() / seconds);
            out.println("wrote " + o.folder() + "/ (results-long/ partitioned by variant, summary/, variants/)");
            return OK;
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    private static final String USAGE = "usage: spark-submit [spark options] fleetcast-spark.jar SWEEP.yaml --out DIR"
            + " [--runs-per-task N] [--master URL]";

    /**
     * What a run did.
     *
     * @param folder the result folder written, {@code OUT/NAME}
     * @param tasks  the (variant x run-range) tasks it ran
     */
    public record Outcome(String folder, int tasks) {
    }

    /**
     * Runs a validated sweep on a Spark session and writes its tables.
     *
     * @param spark       the session
     * @param sweepFile   the sweep's file, readable at this path by every executor
     * @param sweep       the sweep read from it (by the driver)
     * @param out         the output folder (a local path or a Hadoop file system URI)
     * @param runsPerTask runs per task, or 0 for about {@value #TASKS_PER_CORE} tasks per core of the cluster
     * @return the folder written and the task count
     */
    public static Outcome run(SparkSession spark, Path sweepFile, Sweep sweep, String out, int runsPerTask) {
        return run(spark, sweepFile, sweep, out, runsPerTask, t -> t);
    }

    /**
     * Wraps the function each task runs (tests: a task that fails on its first attempt, to see Spark retry it).
     */
    interface TaskWrapper extends Serializable {
        /**
         * The function to run instead of {@code task}.
         *
         * @param task the task's function
         * @return the function Spark runs
         */
        PairFunction<RunRange, RunRange, MonteCarloPart> wrap(PairFunction<RunRange, RunRange, MonteCarloPart> task);
    }

    /** {@link #run(SparkSession, Path, Sweep, String, int)} with each task's function wrapped. */
    static Outcome run(SparkSession spark, Path sweepFile, Sweep sweep, String out, int runsPerTask, TaskWrapper wrapper) {
        // Parquet timestamps as INT64 microseconds adjusted to UTC (Spark's default is the legacy INT96)
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int perTask = runsPerTask > 0 ? runsPerTask : defaultRunsPerTask(sweep, jsc.defaultParallelism());
        List<RunRange> tasks = new ArrayList<>();
        for (Variant v : sweep.variants()) {
            for (int from = 0; from < sweep.runs(); from += perTask) {
                tasks.add(new RunRange(v.index(), from, Math.min(sweep.runs(), from + perTask)));
            }
        }
        String file = sweepFile.toAbsolutePath().toString();
        JavaPairRDD<RunRange, MonteCarloPart> parts = jsc.parallelize(tasks, tasks.size())
                .mapToPair(wrapper.wrap(new RunTask(file, sweep.sha256())));
        // every part of a variant to one reducer, in run order: the reducer streams them through a
        // MonteCarloPart.Reduction, keeping the band rows and summing the rows behind the mean as they pass
        int reducers = Math.max(1, Math.min(sweep.variants().size(), jsc.defaultParallelism() * 2));
        JavaRDD<VariantTables> tables = parts.repartitionAndSortWithinPartitions(new ByVariant(reducers), new InRunOrder())
                .mapPartitions(new ReduceTask(file, sweep.sha256()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(out);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            org.apache.hadoop.fs.Path visible = new org.apache.hadoop.fs.Path(root, sweep.name());
            org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(root, "." + sweep.name() + ".spark-"
                    + UUID.randomUUID() + ".partial");
            try {
                spark.createDataFrame(tables.flatMap(new LongRows()), Tables.LONG).write().mode(SaveMode.ErrorIfExists)
                        .partitionBy("variant").parquet(new org.apache.hadoop.fs.Path(staging, "results-long").toString());
                spark.createDataFrame(tables.flatMap(new SummaryRows()), Tables.SUMMARY).coalesce(1).write()
                        .mode(SaveMode.ErrorIfExists).parquet(new org.apache.hadoop.fs.Path(staging, "summary").toString());
                List<Row> variants = new ArrayList<>();
                for (Variant v : sweep.variants()) {
                    variants.add(RowFactory.create(v.id(), v.scenario().name(), v.source(), v.setsText()));
                }
                spark.createDataFrame(variants, Tables.VARIANTS).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                        .parquet(new org.apache.hadoop.fs.Path(staging, "variants").toString());
                replace(fs, staging, visible);
            } catch (RuntimeException | IOException e) {
                try {
                    fs.delete(staging, true);
                } catch (IOException ignored) {
                    // a hidden leftover; the next run writes under another name
                }
                throw e;
            }
            return new Outcome(visible.toString(), tasks.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + out + ": " + e.getMessage(), e);
        } finally {
            tables.unpersist(false);
        }
    }

    /** Runs per task for about {@value #TASKS_PER_CORE} tasks per core, each at least one run. */
    static int defaultRunsPerTask(Sweep sweep, int cores) {
        long tasks = (long) TASKS_PER_CORE * Math.max(1, cores);
        long perTask = (sweep.variantRuns() + tasks - 1) / tasks;
        return (int) Math.max(1, Math.min(sweep.runs(), perTask));
    }

    /**
     * Makes {@code staging} the visible folder: the old one is renamed aside first, then the new one into place, then
     * the old one deleted. Each rename is atomic on a local or HDFS file system; a reader sees the old set, nothing
     * for the instant between the two renames, or the new set, never a mix.
     */
    private static void replace(FileSystem fs, org.apache.hadoop.fs.Path staging, org.apache.hadoop.fs.Path visible)
            throws IOException {
        org.apache.hadoop.fs.Path old = null;
        if (fs.exists(visible)) {
            old = new org.apache.hadoop.fs.Path(visible.getParent(), "." + visible.getName() + ".spark-" + UUID.randomUUID()
                    + ".old");
            if (!fs.rename(visible, old)) {
                throw new IOException("cannot move the previous " + visible + " aside");
            }
        }
        if (!fs.rename(staging, visible)) {
            if (old != null) {
                fs.rename(old, visible);
            }
            throw new IOException("cannot rename " + staging + " to " + visible);
        }
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /**
     * One task: runs {@code [from, to)} of variant {@code variant}.
     *
     * @param variant the variant's index
     * @param from    first run
     * @param to      one past the last run
     */
    record RunRange(int variant, int from, int to) implements Serializable {
    }

    /** The sweeps read on this JVM, by file and SHA-256: each executor reads a sweep once. */
    private static final ConcurrentHashMap<String, Sweep> SWEEPS = new ConcurrentHashMap<>();

    /** The sweep on an executor: read once per JVM, and only if it is the file the driver read. */
    static Sweep sweepOf(String file, String sha256) {
        return SWEEPS.computeIfAbsent(file + "#" + sha256, k -> {
            Sweep s;
            try {
                s = SweepReader.read(Path.of(file));
            } catch (ScenarioException e) {
                throw new IllegalStateException(file + " became invalid after the job started: " + e.getMessage(), e);
            }
            if (!s.sha256().equals(sha256)) {
                throw new IllegalStateException(file + " changed after the job started (SHA-256 " + s.sha256()
                        + ", the driver read " + sha256 + "); run the job again");
            }
            return s;
        });
    }

    /** A function that runs on executors and reads the sweep there: the file's path and the driver's SHA-256 of it. */
    private abstract static class OnExecutor implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        final String file;
        final String sha256;

        OnExecutor(String file, String sha256) {
            this.file = file;
            this.sha256 = sha256;
        }
    }

    /** Computes one task's runs on an executor. */
    private static final class RunTask extends OnExecutor implements PairFunction<RunRange, RunRange, MonteCarloPart> {
        @Serial
        private static final long serialVersionUID = 1L;

        RunTask(String file, String sha256) {
            super(file, sha256);
        }

        @Override
        public Tuple2<RunRange, MonteCarloPart> call(RunRange t) {
            Sweep sweep = sweepOf(file, sha256);
            Variant v = sweep.variants().get(t.variant());
            return new Tuple2<>(t, MonteCarloPart.run(v.scenario(), sweep.mode(), sweep.seed(), sweep.bandsBy(), t.from(),
                    t.to()));
        }
    }

    /** Sends every part of a variant to the same reducer. */
    static final class ByVariant extends Partitioner {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int partitions;

        ByVariant(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return ((RunRange) key).variant() % partitions;
        }
    }

    /** Variant, then first run: the order a reducer reads its parts in. */
    static final class InRunOrder implements Comparator<RunRange>, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(RunRange a, RunRange b) {
            int c = Integer.compare(a.variant(), b.variant());
            return c != 0 ? c : Integer.compare(a.from(), b.from());
        }
    }

    /** Reduces the parts of a reducer's variants, read in run order, into each variant's tables. */
    private static final class ReduceTask extends OnExecutor
            implements FlatMapFunction<Iterator<Tuple2<RunRange, MonteCarloPart>>, VariantTables> {
        @Serial
        private static final long serialVersionUID = 1L;

        ReduceTask(String file, String sha256) {
            super(file, sha256);
        }

        @Override
        public Iterator<VariantTables> call(Iterator<Tuple2<RunRange, MonteCarloPart>> parts) {
            Sweep sweep = sweepOf(file, sha256);
            List<VariantTables> out = new ArrayList<>();
            Variant current = null;
            MonteCarloPart.Reduction reduction = null;
            while (parts.hasNext()) {
                Tuple2<RunRange, MonteCarloPart> p = parts.next();
                if (current == null || current.index() != p._1().variant()) {
                    if (reduction != null) {
                        out.add(VariantTables.of(current, reduction.finish(1), sweep.seed()));
                    }
                    current = sweep.variants().get(p._1().variant());
                    reduction = MonteCarloPart.reduction(current.scenario(), sweep.mode(), sweep.settings(current),
                            sweep.bandsBy());
                }
                reduction.add(p._2());
            }
            if (reduction != null) {
                out.add(VariantTables.of(current, reduction.finish(1), sweep.seed()));
            }
            return out.iterator();
        }
    }

    /** The long rows of a variant's tables. */
    private static final class LongRows implements FlatMapFunction<VariantTables, Row> {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(VariantTables t) {
            return t.longRows().iterator();
        }
    }

    /** The summary rows of a variant's tables. */
    private static final class SummaryRows implements FlatMapFunction<VariantTables, Row> {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(VariantTables t) {
            return t.summaryRows().iterator();
        }
    }
}
