package io.fleetcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.analyse.MonteCarloPart;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.sweep.Sweep;
import io.fleetcast.sweep.SweepReader;
import io.fleetcast.sweep.SweepRunner;
import io.fleetcast.sweep.SweepTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2,2]} (two threads, two attempts per task): the bands of every variant are the
 * single-machine sweep's, bit for bit, also when a task fails and Spark runs it again; the Parquet tables read back
 * (in Spark and in DuckDB); a bad sweep file never starts a task. Tagged {@code spark}: {@code -DskipSpark} leaves
 * these tests out on a developer's machine; CI runs them.
 */
@Tag("spark")
@Timeout(180)
class SparkSweepTest {

    private static SparkSession spark;

    /** Two deployments in two deals, 2,000 MI450 each way, one year: small enough to simulate every device. */
    private static final String SCENARIO = """
            scenario: small-sim
            description: two deals of MI450 in Texas, for the Spark tests
            start: 2026-01
            horizon: 12 months
            deployments:
              - { id: a, deal: first, accelerator: mi450, site: us-tx, size: { count: 2000 }, start: 2026-01, ramp: 3 months }
              - { id: b, deal: second, accelerator: mi450, site: us-tx, size: { count: 1000 }, start: 2026-04, ramp: 2 months }
            uncertainty:
              accelerators.mi450.afr: { uniform: [0.02, 0.08] }
              sites.us-tx.electricity-price: { triangular: [40 USD/MWh, 60 USD/MWh, 90 USD/MWh] }
            """;

    private static final String SWEEP = """
            sweep: small
            scenarios: [small.yaml]
            grid:
              deployments.a.utilization: [0.5, 0.9]
            mode: simulate
            monte-carlo: { runs: 11, seed: 3, quantiles: [0.1, 0.5, 0.9] }
            bands-by: deal
            """;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2,2]").appName("fleetcast-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Path sweepFile(Path dir, String sweep) throws IOException {
        Files.writeString(dir.resolve("small.yaml"), SCENARIO, StandardCharsets.UTF_8);
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, sweep, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void run_simulateSweepInUnevenTasks_everyBandBitIdenticalToSingleMachine(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, SWEEP);
        Sweep sweep = SweepReader.read(file);
        // 11 runs in tasks of 4: [0,4) [4,8) [8,11) per variant, 6 tasks over 2 executor threads
        SparkSweep.Outcome o = SparkSweep.run(spark, file, sweep, tmp.resolve("out").toString(), 4);
        assertEquals(6, o.tasks());

        assertSameAsSingleMachine(sweep, tmp.resolve("out/small/results-long"));
        // the device streams are sampled: failures spread between P10 and P90 in the last month
        assertTrue(spark.read().parquet(tmp.resolve("out/small/results-long").toString())
                .where("metric = 'failures' and variant = 'v0' and group = 'first' and statistic = 'p90'"
                        + " and period_start = timestamp'2026-12-01 00:00:00Z'")
                .first().<Double>getAs("value") > 0);
    }

    /** Every value of the Parquet long table has the bits of the single-machine sweep's, and no row is missing. */
    private static void assertSameAsSingleMachine(Sweep sweep, Path resultsLong) throws IOException {
        Map<String, Double> expected = new HashMap<>();
        for (SweepRunner.VariantResult vr : SweepRunner.run(sweep, 2, ProgressListener.NONE)) {
            SweepTables.forEachLongRow(vr.result(), (statistic, method, grouping, group, start, end, metric, value) ->
                    expected.put(key(vr.variant().id(), statistic, group, metric.id(), Timestamp.from(start.toInstant(ZoneOffset.UTC))),
                            value));
        }
        List<Row> rows = spark.read().parquet(resultsLong.toString()).collectAsList();
        // 2 variants x (mean + 3 quantiles) x 2 deals x every metric x 12 months, each once
        assertEquals(expected.size(), rows.size());
        assertEquals(2 * 4 * 2 * io.fleetcast.model.Metric.COUNT * 12, rows.size());
        for (Row r : rows) {
            String k = key(r.getAs("variant"), r.getAs("statistic"), r.getAs("group"), r.getAs("metric"), r.getAs("period_start"));
            Double want = expected.get(k);
            assertTrue(want != null, "unexpected row " + k);
            double got = r.getAs("value");
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), k + ": " + want + " vs " + got);
        }
    }

    @Test
    void run_taskFailsOnItsFirstAttempt_sparkRetriesItAndEveryBitIsTheSame(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, SWEEP);
        Sweep sweep = SweepReader.read(file);
        INJECTED.set(0);
        // runs [4, 8) of variant v1 throw on their first attempt; local[2,2] gives every task two attempts
        SparkSweep.Outcome o = SparkSweep.run(spark, file, sweep, tmp.resolve("out").toString(), 4,
                task -> (PairFunction<SparkSweep.RunRange, SparkSweep.RunRange, MonteCarloPart>) r -> {
                    if (r.variant() == 1 && r.from() == 4 && TaskContext.get().attemptNumber() == 0) {
                        INJECTED.incrementAndGet();
                        throw new IllegalStateException("injected failure of runs [4, 8) of v1, first attempt");
                    }
                    return task.call(r);
                });
        assertEquals(6, o.tasks());
        assertEquals(1, INJECTED.get(), "the task failed once, then its retry ran");
        assertSameAsSingleMachine(sweep, tmp.resolve("out/small/results-long"));
    }

    /** Failures injected in this JVM (local mode runs the tasks here). */
    private static final AtomicInteger INJECTED = new AtomicInteger();

    @Test
    void run_tablesReadBack_schemaTimestampsUtcAndSummaryPerVariant(@TempDir Path tmp) throws Exception {
        Path file = sweepFile(tmp, SWEEP.replace("mode: simulate", "mode: expected"));
        Sweep sweep = SweepReader.read(file);
        SparkSweep.run(spark, file, sweep, tmp.resolve("out").toString(), 0);
        Path long0 = tmp.resolve("out/small/results-long/variant=v0");
        assertTrue(Files.isDirectory(long0), "partitioned by variant");
        assertTrue(Files.isDirectory(tmp.resolve("out/small/results-long/variant=v1")));
        Path part;
        try (Stream<Path> s = Files.list(long0)) {
            part = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(part.toUri()), new Configuration()))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            // what DuckDB reads as TIMESTAMP WITH TIME ZONE and pyarrow as timestamp[us, tz=UTC]
            assertEquals("TIMESTAMP(MICROS,true)", schema.getType("period_start").getLogicalTypeAnnotation().toString());
            assertEquals("DOUBLE", schema.getType("value").asPrimitiveType().getPrimitiveTypeName().name());
            assertFalse(schema.containsField("variant"), "the variant is the folder's name");
        }
        List<Row> summary = spark.read().parquet(tmp.resolve("out/small/summary").toString())
                .where("figure = 'total.installed' and statistic = 'mean'").orderBy("variant").collectAsList();
        assertEquals(2, summary.size());
        // expected mode: 2,000 + 1,000 installed from their ramps, every run the same; the monthly average of installed
        // over 2026 sums to (a: 3-month ramp from January, b: 2-month ramp from April) a figure the engine computes;
        // here the point is that both variants carry it and utilization does not change it
        assertEquals(summary.get(0).<Double>getAs("value"), summary.get(1).<Double>getAs("value"));
        assertEquals(11, summary.get(0).<Integer>getAs("runs"));
        assertEquals(3L, summary.get(0).<Long>getAs("seed"));
        List<Row> variants = spark.read().parquet(tmp.resolve("out/small/variants").toString()).orderBy("variant").collectAsList();
        assertEquals("deployments.a.utilization=0.9", variants.get(1).getAs("sets"));

        // DuckDB reads the same files, the variant from the folder names, the times as instants
        long sparkRows = spark.read().parquet(tmp.resolve("out/small/results-long").toString()).count();
        String glob = tmp.resolve("out/small/results-long").toString() + "/*/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select typeof(any_value(period_start)), count(*), count(distinct variant)"
                    + " from read_parquet('" + glob + "', hive_partitioning = true)")) {
                assertTrue(rs.next());
                assertEquals("TIMESTAMP WITH TIME ZONE", rs.getString(1));
                assertEquals(sparkRows, rs.getLong(2));
                assertEquals(2, rs.getLong(3));
            }
            // deployment a (deal first) installs its 2,000 MI450 over January to March: the installed flow of the
            // year adds up to 2,000, and December's slots (a level) are those 2,000
            try (ResultSet rs = st.executeQuery("select sum(value) filter (where metric = 'installed'),"
                    + " max(value) filter (where metric = 'slots' and period_start = timestamptz '2026-12-01 00:00:00+00')"
                    + " from read_parquet('" + glob + "', hive_partitioning = true)"
                    + " where variant = 'v1' and statistic = 'mean' and \"group\" = 'first'")) {
                assertTrue(rs.next());
                assertEquals(2000, rs.getDouble(1), 1e-6);
                assertEquals(2000, rs.getDouble(2), 1e-6);
            }
        }
    }

    @Test
    void main_badSweepFile_exit2LocatedBeforeAnyTask(@TempDir Path tmp) throws IOException {
        Path file = sweepFile(tmp, SWEEP.replace("[0.5, 0.9]", "[0.5, 1.5]"));
        int jobsBefore = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkSweep.run(new String[] {file.toString(), "--out", tmp.resolve("out").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(SparkSweep.BAD_INPUT, code, message);
        assertTrue(message.contains(file + ":4:36: grid.deployments.a.utilization[1]: "), message);
        assertTrue(message.contains("1 problem found."), message);
        assertEquals(jobsBefore, spark.sparkContext().statusTracker().getJobIdsForGroup(null).length, "no job ran");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void defaultRunsPerTask_sixVariantsOf100RunsOnTwoCores_fourTasksPerCore() throws ScenarioException {
        Sweep sweep = SweepReader.read(Path.of("..", "models", "sweeps", "amd-energy-and-delay.yaml"));
        // 6 x 100 = 600 variant-runs over 4 x 2 = 8 tasks: 75 runs a task
        assertEquals(75, SparkSweep.defaultRunsPerTask(sweep, 2));
        // a huge cluster never cuts below one run a task
        assertEquals(1, SparkSweep.defaultRunsPerTask(sweep, 10_000));
    }

    private static String key(String variant, String statistic, String group, String metric, Timestamp start) {
        return variant + "|" + statistic + "|" + group + "|" + metric + "|" + start.toInstant();
    }
}
