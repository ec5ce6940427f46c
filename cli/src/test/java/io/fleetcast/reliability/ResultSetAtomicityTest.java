package io.fleetcast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Step;
import io.fleetcast.cli.Main;
import io.fleetcast.write.Format;
import io.fleetcast.write.OutputWriter;
import io.fleetcast.write.ResultFolder;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability class 2, "result sets that are half old, half new" (issue #9): a child JVM writing a result set
 * into a folder that holds an older complete set is killed with SIGKILL at random instants; after every kill
 * each unit of the folder (scenario folders {@code a}, {@code b} and the comparison files) is byte for byte the
 * old set or the new one, and the next run leaves no stray file. A second writer fails at once.
 *
 * <p>The two generations differ in every file: the electricity price changes the CSV values, the run time
 * written into the provenance changes the JSON and the HTML. Both are deterministic, so a set is recognised
 * by comparing every file with reference sets written in this JVM.
 */
class ResultSetAtomicityTest {

    /** Kill trials: at most 20, and no new trial after {@link #BUDGET_NANOS} once {@link #MIN_TRIALS} ran. */
    private static final int TRIALS = 20;
    private static final int MIN_TRIALS = 10;
    /** Time for the trials: the test stays under a minute even on a busy two-core machine (about 1.5 s a trial). */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final String WRITING = "writing";
    private static final String DONE = "done";

    @TempDir
    Path tmp;

    @Test
    void writeSet_childKilledAtRandomInstants_folderAlwaysHoldsOneCompleteSetOldOrNew() throws Exception {
        Map<String, Map<String, byte[]>> gen1 = reference(1);
        Map<String, Map<String, byte[]>> gen2 = reference(2);
        Path out = tmp.resolve("out");
        // the shorter of two whole runs: one slow run on a busy machine would push every kill after the write
        long writeNanos = Math.min(runToCompletion(out, 1), runToCompletion(out, 1));
        Map<String, Integer> state = new HashMap<>(Map.of("a", 1, "b", 1, "comparison", 1));
        assertState(out, state, gen1, gen2);
        Random random = new Random(9);
        int killedMidWrite = 0;
        int sawOld = 0;
        int sawNew = 0;
        long start = System.nanoTime();
        int trials = 0;
        for (int trial = 0; trial < TRIALS && (trial < MIN_TRIALS || System.nanoTime() - start < BUDGET_NANOS); trial++) {
            trials++;
            int gen = trial % 2 == 0 ? 2 : 1;
            Process child = start(out, gen);
            try {
                BufferedReader lines = reader(child);
                assertEquals(WRITING, lines.readLine(), "the child did not take the lock");
                long delay = (long) (random.nextDouble() * 1.1 * writeNanos);
                TimeUnit.NANOSECONDS.sleep(delay);
                boolean finished = !child.isAlive();
                child.destroyForcibly(); // SIGKILL on Linux
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                if (!finished) {
                    killedMidWrite++;
                }
            } finally {
                child.destroyForcibly();
            }
            for (String unit : List.of("a", "b", "comparison")) {
                int seen = generation(out, unit, gen1, gen2);
                assertTrue(seen == state.get(unit) || seen == gen, "trial " + trial + ": " + unit + " holds generation "
                        + seen + ", neither the old " + state.get(unit) + " nor the new " + gen);
                if (seen == gen && seen != state.get(unit)) {
                    sawNew++;
                } else if (seen != gen) {
                    sawOld++;
                }
                state.put(unit, seen);
            }
        }
        // the next run removes what the killed writers left and leaves exactly one set per unit
        runToCompletion(out, 2);
        state.replaceAll((k, v) -> 2);
        assertState(out, state, gen1, gen2);
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(out)) {
            s.forEach(p -> names.add(p.getFileName().toString().replaceAll("\\.fc-[0-9a-z]+$", ".fc-ID")));
        }
        assertEquals(new TreeSet<>(List.of(".fleetcast.lock", "a", "b", ".comparison", "comparison.csv", ".a.fc-ID", ".b.fc-ID",
                "..comparison.fc-ID")), names, "stray entries after the next run");
        assertEquals(3, countVersions(out), "exactly one version per unit");
        System.out.printf("kill test: %d trials, %d killed mid-run, units seen old %d, new %d, mixed 0%n",
                trials, killedMidWrite, sawOld, sawNew);
        // uniform delays over the write land mid-write most of the time on a quiet machine; a busy one (CI) moves the
        // child's speed around, so a quarter is asked: enough that the old-or-new property was tested mid-write
        assertTrue(killedMidWrite >= trials / 4, "kills should land before the child finished: " + killedMidWrite
                + " of " + trials);
    }

    @Test
    void writeSet_secondWriterWhileFirstHoldsTheLock_failsAtOnceWithExitTwoAndFirstSetWins() throws Exception {
        Path out = tmp.resolve("out");
        Map<String, Map<String, byte[]>> gen1 = reference(1);
        Map<String, Map<String, byte[]>> gen2 = reference(2);
        Process child = start(out, 2);
        try {
            assertEquals(WRITING, reader(child).readLine());
            StringWriter err = new StringWriter();
            long t0 = System.nanoTime();
            int code = Main.run(new String[] {"run", "amd-openai-6gw", "--out", out.toString(), "--quiet"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().contains("is being written by another fleetcast (pid " + child.pid() + ")"), err.toString());
            assertTrue(millis < 5_000, "the second writer must fail before projecting: " + millis + " ms");
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
        assertState(out, new HashMap<>(Map.of("a", 2, "b", 2, "comparison", 2)), gen1, gen2);
        assertTrue(!Files.exists(out.resolve("amd-openai-6gw")), "the second writer wrote nothing");
    }

    @Test
    void writeSet_twoWritersInOneJvm_secondFailsBusy() throws Exception {
        Path out = tmp.resolve("out");
        try (ResultFolder first = ResultFolder.open(out)) {
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"run", "amd-openai-6gw", "--out", out.toString(), "--quiet"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().startsWith("fleetcast: --out " + out + ": "), err.toString());
            assertTrue(first.dir().equals(out.toAbsolutePath()));
        }
    }

    // ---- the child and its references ----

    /** Child process: writes generation {@code args[1]} of the two scenarios and their comparison into {@code args[0]}. */
    static final class Writer {
        public static void main(String[] args) throws IOException {
            write(Path.of(args[0]), Integer.parseInt(args[1]), () -> {
                System.out.println(WRITING);
                System.out.flush();
            });
            System.out.println(DONE);
            System.out.flush();
        }
    }

    static void write(Path dir, int gen, Runnable locked) throws IOException {
        List<ScenarioResult> results = List.of(ScenarioResult.of(Fleetcast.project(scenario("a", gen))),
                ScenarioResult.of(Fleetcast.project(scenario("b", gen))));
        RunInfo run = new RunInfo("test", "test", Instant.parse("200" + gen + "-01-01T00:00:00Z"));
        // CSV and JSON: four files per scenario folder and the comparison CSV; the HTML report and PNG charts would only
        // add chart rendering time to every trial (their links are covered by RunOutputTest)
        OutputWriter.Options options = OutputWriter.Options.of(dir, EnumSet.of(Format.CSV, Format.JSON));
        try (ResultFolder folder = ResultFolder.open(dir)) {
            locked.run();
            for (ScenarioResult r : results) {
                OutputWriter.writeScenario(folder, r, run, options, Map.of());
            }
            OutputWriter.writeComparison(folder, results, run, options);
        }
    }

    /** Three deployments over a year by day: about 5 MB of files per scenario, long enough to be killed in. */
    static Scenario scenario(String name, int gen) {
        ScenarioBuilder b = ScenarioBuilder.scenario(name).start(2026, 1).horizonMonths(12).step(Step.DAY)
                .accelerator(ScenarioBuilder.accelerator("acc").vendor("Acme").allInPowerW(1000).idleFraction(0.2)
                        .bf16Tflops(1000).capexUsd(25_000).usefulLifeYears(2).afr(0.05).repairHours(48)
                        .replacementCostFraction(0.5).embodiedKgCo2e(1000).build())
                .site(ScenarioBuilder.site("site").pue(1.2).electricityUsdPerMwh(50 + gen).gridGPerKwh(400).build());
        for (int d = 0; d < 3; d++) {
            b.deployment(ScenarioBuilder.deployment("d" + d, "acc", "site").deal("deal" + (d % 2)).count(1000L * (d + 1))
                    .start(2026, 1 + 3 * d).rampMonths(6));
        }
        return b.build();
    }

    private Map<String, Map<String, byte[]>> reference(int gen) throws IOException {
        Path dir = tmp.resolve("ref" + gen);
        write(dir, gen, () -> { });
        Map<String, Map<String, byte[]>> units = new HashMap<>();
        for (String unit : List.of("a", "b", "comparison")) {
            units.put(unit, files(dir, unit));
        }
        return units;
    }

    /** The files of a unit, by relative path: a scenario folder, or the comparison files through their links. */
    private static Map<String, byte[]> files(Path out, String unit) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path root = out.resolve(unit.equals("comparison") ? ".comparison" : unit);
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(root.toRealPath())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.toRealPath().relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        if (unit.equals("comparison")) {
            // what a reader opens: the fixed links must lead into the same set
            for (String name : List.of("comparison.csv")) {
                assertTrue(Arrays.equals(files.get(name), Files.readAllBytes(out.resolve(name))), name + " through its link");
            }
        }
        return files;
    }

    private static int generation(Path out, String unit, Map<String, Map<String, byte[]>> gen1,
                                  Map<String, Map<String, byte[]>> gen2) throws IOException {
        Map<String, byte[]> seen = files(out, unit);
        if (same(seen, gen1.get(unit))) {
            return 1;
        }
        if (same(seen, gen2.get(unit))) {
            return 2;
        }
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : seen.entrySet()) {
            boolean one = Arrays.equals(e.getValue(), gen1.get(unit).get(e.getKey()));
            boolean two = Arrays.equals(e.getValue(), gen2.get(unit).get(e.getKey()));
            report.add(e.getKey() + (one ? " old/1" : two ? " 2" : " neither"));
        }
        throw new AssertionError(unit + " is a mixed or partial set: " + report);
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String k : a.keySet()) {
            if (!Arrays.equals(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static void assertState(Path out, Map<String, Integer> expected, Map<String, Map<String, byte[]>> gen1,
                                    Map<String, Map<String, byte[]>> gen2) throws IOException {
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), generation(out, e.getKey(), gen1, gen2), e.getKey());
        }
    }

    private static int countVersions(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return (int) s.filter(p -> p.getFileName().toString().matches("\\..+\\.fc-[0-9a-z]+")).count();
        }
    }

    private static Process start(Path out, int gen) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), out.toString(), Integer.toString(gen))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static BufferedReader reader(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Runs a child to the end; returns the time from taking the lock to exit. */
    private static long runToCompletion(Path out, int gen) throws Exception {
        Process child = start(out, gen);
        try {
            BufferedReader lines = reader(child);
            assertEquals(WRITING, lines.readLine());
            long t0 = System.nanoTime();
            assertEquals(DONE, lines.readLine());
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
            return System.nanoTime() - t0;
        } finally {
            child.destroyForcibly();
        }
    }
}
