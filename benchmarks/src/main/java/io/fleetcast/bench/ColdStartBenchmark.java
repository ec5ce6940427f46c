package io.fleetcast.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.fleetcast.Fleetcast;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The speed users see (issue 12): one whole {@code ./fleetcast} process per operation, started by the real
 * launcher, timed from start to exit: the JDK search, the jar's staleness check, JVM start with the
 * launcher's flags and class-data cache, class loading, the command model, reading and planning the
 * scenario, the projection in whatever JIT state a fresh JVM reaches, and the console output.
 *
 * <p>Why a child process rather than {@code SingleShotTime} on the engine's API inside the fork: a fork is a
 * JVM started by JMH with its own flags, harness classes and JIT profile, without the launcher, its module
 * choice and its AOT cache; the figure users ask about ("how long does {@code fleetcast run} take") is the
 * process's. Each operation is a fresh JVM, so there is nothing to warm: no warm-up iterations, one shot per
 * iteration, several iterations in each of several forks (the spread between forks shows the machine's
 * noise). The page cache and the on-disk class-data cache are warm (each fork runs its command once untimed
 * first, which also creates the cache after a build): this is a user's second call, not the first after a build.
 *
 * <p>Workloads, one method each with the target: {@link #version}, {@link #portfolio},
 * {@link #fleet10mSimulate} ({@code benchmarks/fleets/fleet-10m.yaml}: 10 million devices in 20 deployments x
 * 120 months) and {@link #portfolioSimulate} (full profile only). The domain unit is whole runs.
 *
 * <p>The repository root is {@code FLEETCAST_ROOT} (set by {@code benchmarks/run.sh}), else the first folder
 * upwards from the working directory holding {@code fleetcast} and {@code benchmarks/fleets}.
 *
 * <p>Run: {@code FLEETCAST_ROOT=$PWD java -jar benchmarks/target/benchmarks.jar ColdStartBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 5)
public class ColdStartBenchmark {

    /** The 10-million-device fleet, relative to the repository root. */
    static final String FLEET_10M = "benchmarks/fleets/fleet-10m.yaml";

    private Path root;
    private Path errors;
    private Scenario fleet10m;

    /**
     * Nanoseconds of the cold process and of the warm projection in an iteration of {@link #coldAndWarm}; the
     * gate divides them per iteration.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        /** Nanoseconds of the whole {@code ./fleetcast} process. */
        public long coldNanos;
        /** Nanoseconds of the same projection in this (warm) JVM. */
        public long warmNanos;

        /** Resets the sums. */
        @Setup(Level.Iteration)
        public void reset() {
            coldNanos = 0;
            warmNanos = 0;
        }
    }

    /**
     * Finds the launcher, makes a file for the processes' standard error and runs the fork's command once,
     * untimed (see the class comment).
     *
     * @param params the benchmark this fork runs
     * @throws IOException when a temporary file cannot be made or the process cannot start
     * @throws InterruptedException when interrupted
     * @throws ScenarioException when the 10M fleet does not load
     */
    @Setup
    public void setUp(BenchmarkParams params) throws IOException, InterruptedException, ScenarioException {
        root = root();
        errors = Files.createTempFile("fleetcast-cold", ".err");
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "version" -> version();
            case "portfolio" -> portfolio();
            case "fleet10mSimulate" -> fleet10mSimulate();
            case "portfolioSimulate" -> portfolioSimulate();
            case "coldAndWarm" -> {
                fleet10m = Fleetcast.load(root.resolve(FLEET_10M));
                fleet10mSimulate();
            }
            default -> throw new IllegalStateException("no priming run for " + method);
        }
    }

    /**
     * Removes the standard-error capture.
     *
     * @throws IOException when it cannot be removed
     */
    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(errors);
    }

    /**
     * {@code fleetcast --version}.
     *
     * @return the exit code (0; anything else throws)
     * @throws IOException when the process cannot start
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    @DomainUnit("runs")
    @PerformanceTarget(minPerSecond = 4, description = "fleetcast --version in 0.25 s or less (issue 12)")
    public int version() throws IOException, InterruptedException {
        return run("--version");
    }

    /**
     * {@code fleetcast run}: the default portfolio in expected mode.
     *
     * @return the exit code
     * @throws IOException when the process cannot start
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    @DomainUnit("runs")
    @PerformanceTarget(minPerSecond = 2, description = "fleetcast run (portfolio, expected mode) in 0.5 s or less (issue 12)")
    public int portfolio() throws IOException, InterruptedException {
        return run("run");
    }

    /**
     * {@code fleetcast run benchmarks/fleets/fleet-10m.yaml --mode simulate}: 10 million devices.
     *
     * @return the exit code
     * @throws IOException when the process cannot start
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    @DomainUnit("runs")
    @PerformanceTarget(minPerSecond = 1.25, description = "run fleet-10m.yaml --mode simulate (10M devices) in 0.8 s or less (issue 12)")
    public int fleet10mSimulate() throws IOException, InterruptedException {
        return run("run", root.resolve(FLEET_10M).toString(), "--mode", "simulate");
    }

    /**
     * The cold/warm pair of the CI gate ({@code RatioGate}): {@link #fleet10mSimulate}'s whole process, then the
     * same simulate projection through {@code Fleetcast.project} in this JVM, back to back, their durations
     * added to {@link Times}. The fork's JVM gets warm over the warm-up iterations (the library's policy: the
     * vector kernel); each process is cold whatever the iteration. Two figures taken seconds apart see
     * about the same load, where two benchmarks run minutes apart do not.
     *
     * @param times the per-iteration sums. Modified.
     * @return the projection
     * @throws IOException when the process cannot start
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    @Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx256m"})
    @DomainUnit("pairs")
    public Projection coldAndWarm(Times times) throws IOException, InterruptedException {
        long a = System.nanoTime();
        fleet10mSimulate();
        long b = System.nanoTime();
        Projection p = Fleetcast.project(fleet10m, io.fleetcast.model.Mode.SIMULATE, 42L);
        long c = System.nanoTime();
        times.coldNanos += b - a;
        times.warmNanos += c - b;
        return p;
    }

    /**
     * {@code fleetcast run --mode simulate}: the portfolio's 14.7 million devices.
     *
     * @return the exit code
     * @throws IOException when the process cannot start
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    @DomainUnit("runs")
    @PerformanceTarget(minPerSecond = 1 / 1.2, description = "run --mode simulate (portfolio, 14.7M devices) in 1.2 s or less (issue 12)")
    public int portfolioSimulate() throws IOException, InterruptedException {
        return run("run", "--mode", "simulate");
    }

    private int run(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(root.resolve("fleetcast").toString());
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile())
                .start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited with " + code + ":\n"
                    + Files.readString(errors, StandardCharsets.UTF_8));
        }
        return code;
    }

    private static Path root() {
        String env = System.getenv("FLEETCAST_ROOT");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("fleetcast")) && Files.isDirectory(dir.resolve("benchmarks" + File.separator + "fleets"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the fleetcast launcher: set FLEETCAST_ROOT to the repository root");
    }
}
