package io.fleetcast.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private Path sample() throws IOException {
        Path file = dir.resolve("jmh-result.json");
        try (InputStream in = BenchReportTest.class.getResourceAsStream("result-sample.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    /** The sample with every primary score scaled, as a baseline the sample is compared against. */
    private Path baselineScaled(Path sample, String fromSimulateScore, String toSimulateScore) throws IOException {
        String text = Files.readString(sample).replace("\"score\" : " + fromSimulateScore, "\"score\" : " + toSimulateScore);
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, text);
        return file;
    }

    private int run(String... args) {
        return BenchReport.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void run_sameResultAsBaseline_exitsZeroAndWritesReportAndChart() throws IOException {
        Path results = sample();
        Path outDir = dir.resolve("out");

        int code = run("--results", results.toString(), "--baseline", results.toString(), "--out", outDir.toString(),
                "--profile", "quick");

        assertEquals(0, code, err.toString());
        String markdown = Files.readString(outDir.resolve(BenchReport.REPORT_FILE));
        assertEquals(markdown, out.toString());
        assertTrue(markdown.contains("**PASS**"), markdown);
        // 4.2e7 ops/s with one op = one device -> "42.0 M devices/s"; ratio 1.00x against itself
        assertTrue(markdown.contains("| 42.0 M ± 1.10 M devices/s |"), markdown);
        assertTrue(markdown.contains("| 1.00x | ok |"), markdown);
        // 12.5 ms/op -> 1 / 0.0125 s = 80 projections/s
        // error 0.8 / 12.5 = 6.4 % of 80 = 5.12
        assertTrue(markdown.contains("| 80.0 ± 5.12 projections/s |"), markdown);
        // gc.alloc.rate.norm 0.0125 B/op, per device
        assertTrue(markdown.contains("0.0125 B/device"), markdown);
        // target 100 M devices/s: 42 / 100 = 42 %
        assertTrue(markdown.contains("| not met (42 %) |"), markdown);
        assertTrue(markdown.contains("-Xmx256m"), markdown);
        byte[] png = Files.readAllBytes(outDir.resolve(BenchReport.CHART_FILE));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void run_simulateBelowHalfOfBaseline_exitsOneAndNamesIt() throws IOException {
        Path results = sample();
        // baseline 1.0e8 devices/s, now 4.2e7: 0.42 < 0.5
        Path baseline = baselineScaled(results, "4.2E7", "1.0E8");

        int code = run("--results", results.toString(), "--baseline", baseline.toString(), "--out", dir.resolve("o").toString(),
                "--gate-absolute");

        assertEquals(BenchReport.EXIT_REGRESSION, code);
        // even at the top of its error bar, (4.2e7 + 1.1e6) / 1.0e8 = 0.431 < 0.5
        assertTrue(out.toString().contains("**FAIL**: 1 benchmark below 1/2 of the baseline rate even at the top of the error bar: "
                + "`report.AnnotatedSample.simulate devices=10000000` at 0.42x."), out.toString());
    }

    @Test
    void run_simulateBelowHalfOfBaselineNotGatedAbsolute_exitsZeroAndSaysSo() throws IOException {
        Path results = sample();
        // the same 0.42x, without --gate-absolute: reported, not failing (the RatioGate decides; its benchmarks did not run)
        Path baseline = baselineScaled(results, "4.2E7", "1.0E8");

        int code = run("--results", results.toString(), "--baseline", baseline.toString(), "--out", dir.resolve("o").toString());

        assertEquals(0, code);
        assertTrue(out.toString().contains("Not gated (absolute rates move with the machine's load"), out.toString());
        assertTrue(out.toString().contains("| not run |"), out.toString());
    }

    @Test
    void run_simulateSlowerButAboveHalf_exitsZero() throws IOException {
        Path results = sample();
        // baseline 6.0e7, now 4.2e7: 0.70, slower but noise-tolerant
        Path baseline = baselineScaled(results, "4.2E7", "6.0E7");

        int code = run("--results", results.toString(), "--baseline", baseline.toString(), "--out", dir.resolve("o").toString());

        assertEquals(0, code);
        assertTrue(out.toString().contains("| 0.70x | ok |"), out.toString());
    }

    @Test
    void run_missingBaselineFile_reportsWithoutRatiosAndExitsZero() throws IOException {
        Path results = sample();

        int code = run("--results", results.toString(), "--baseline", dir.resolve("none.json").toString(),
                "--out", dir.resolve("o").toString());

        assertEquals(0, code);
        assertTrue(err.toString().contains("no such file; reporting without ratios"), err.toString());
        assertTrue(out.toString().contains("baseline: none"), out.toString());
        assertFalse(Files.exists(dir.resolve("o").resolve(BenchReport.CHART_FILE)));
    }

    @Test
    void run_saveBaseline_writesResultsWithoutPerIterationData() throws IOException {
        Path results = sample();
        Path saved = dir.resolve("new-baseline.json");

        int code = run("--results", results.toString(), "--out", dir.resolve("o").toString(), "--save-baseline", saved.toString());

        assertEquals(0, code);
        String text = Files.readString(saved);
        assertFalse(text.contains("rawData"), text);
        assertFalse(text.contains("scorePercentiles"), text);
        // same scores as read back from the full file, without the per-fork samples
        java.util.List<JmhResult> full = JmhResultReader.read(results);
        java.util.List<JmhResult> compact = JmhResultReader.read(saved);
        assertEquals(withoutSamples(full), compact);
    }

    @Test
    void run_reportFile_readableByOthers() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path results = sample();

        run("--results", results.toString(), "--out", dir.resolve("o").toString());

        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("o").resolve(BenchReport.REPORT_FILE))));
    }

    @Test
    void run_missingResultFile_exitsTwoWithoutStackTrace() {
        int code = run("--results", dir.resolve("absent.json").toString(), "--out", dir.resolve("o").toString());

        assertEquals(BenchReport.EXIT_INPUT, code);
        assertTrue(err.toString().startsWith("bench-report: "), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void run_unknownOption_exitsTwo() {
        assertEquals(2, run("--results", "x", "--out", "y", "--colour"));
    }

    @Test
    void run_emptyResultArray_exitsTwo() throws IOException {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "[]", StandardCharsets.UTF_8);

        assertEquals(BenchReport.EXIT_INPUT, run("--results", empty.toString(), "--out", dir.resolve("o").toString()));
    }

    /** The results with every metric's per-fork samples dropped (what a compact baseline keeps). */
    private static java.util.List<JmhResult> withoutSamples(java.util.List<JmhResult> results) {
        java.util.List<JmhResult> out = new java.util.ArrayList<>();
        for (JmhResult r : results) {
            java.util.Map<String, JmhResult.Metric> secondary = new java.util.LinkedHashMap<>();
            r.secondary().forEach((k, m) -> secondary.put(k, new JmhResult.Metric(m.score(), m.error(), m.unit())));
            JmhResult.Metric p = r.primary();
            out.add(new JmhResult(r.benchmark(), r.mode(), r.params(), new JmhResult.Metric(p.score(), p.error(), p.unit()),
                    secondary, r.settings(), r.jvm()));
        }
        return out;
    }
}
