package io.fleetcast.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gate against what it must tell apart. {@code KernelPairBenchmark} as JMH wrote it, with its per-iteration
 * data, recorded on the 2-core machine with today's kernels: quiet ({@code kernel-pair-quiet.json}, 3 forks) and
 * with 4 and 8 busy loops beside it ({@code kernel-pair-load4.json}, {@code kernel-pair-load10.json}, load averages
 * 3.4 and 9.5, 2 forks each, as the quick profile runs it) must pass; the same runs with the vector kernel 2x slower,
 * or as slow as the scalar twin, must fail. The cold / warm check is read from a run recorded while four other
 * builds ran ({@code busy-machine-quick.json}, an older scalar twin; its vector / scalar ratio is not used).
 */
class RatioGateTest {

    /** The run with the cold / warm benchmark: 2026-12-02 16:04-16:09 UTC, load 12. */
    private static List<JmhResult> recorded() throws URISyntaxException {
        return recorded("busy-machine-quick.json");
    }

    /** The kernel pair at commit 4d63ad2, 2026-12-03 17:39-17:48 UTC: medians 2.80 quiet, 2.58 at load 4, 2.30 at load 10. */
    private static List<List<JmhResult>> kernelPairRuns() throws URISyntaxException {
        return List.of(recorded("kernel-pair-quiet.json"), recorded("kernel-pair-load4.json"),
                recorded("kernel-pair-load10.json"));
    }

    private static List<JmhResult> recorded(String name) throws URISyntaxException {
        return JmhResultReader.read(Path.of(RatioGateTest.class.getResource(name).toURI()));
    }

    /** The results with every iteration's {@code counter} (nanoseconds) of {@code benchmark} multiplied by {@code factor}. */
    private static List<JmhResult> slower(List<JmhResult> results, String benchmark, String counter, double factor) {
        List<JmhResult> out = new ArrayList<>();
        for (JmhResult r : results) {
            if (!r.key().equals(benchmark)) {
                out.add(r);
                continue;
            }
            Map<String, JmhResult.Metric> secondary = new LinkedHashMap<>(r.secondary());
            JmhResult.Metric m = secondary.get(counter);
            List<double[]> forks = new ArrayList<>();
            for (double[] fork : m.forks()) {
                double[] scaled = fork.clone();
                for (int i = 0; i < scaled.length; i++) {
                    scaled[i] *= factor;
                }
                forks.add(scaled);
            }
            secondary.put(counter, new JmhResult.Metric(m.score() * factor, m.error() * factor, m.unit(), forks));
            out.add(new JmhResult(r.benchmark(), r.mode(), r.params(), r.primary(), secondary, r.settings(), r.jvm()));
        }
        return out;
    }

    private static RatioGate.Outcome outcome(List<RatioGate.Outcome> outcomes, int check) {
        return outcomes.get(check);
    }

    @Test
    void evaluate_recordedQuietAndBusyRuns_pass() throws Exception {
        for (List<JmhResult> run : kernelPairRuns()) {
            List<RatioGate.Outcome> outcomes = RatioGate.evaluate(run, RatioGate.CHECKS);
            assertEquals(RatioGate.Status.PASS, outcome(outcomes, 0).status(), "vector / scalar = " + outcome(outcomes, 0).value());
            assertEquals(RatioGate.Status.NOT_RUN, outcome(outcomes, 1).status());
            assertFalse(RatioGate.failed(outcomes));
        }
    }

    @Test
    void evaluate_vectorKernelTwiceAsSlow_fails() throws Exception {
        RatioGate.Check vector = RatioGate.CHECKS.get(0);
        for (List<JmhResult> run : kernelPairRuns()) {
            List<JmhResult> results = slower(run, vector.benchmark(), vector.fastSide(), 2.0);
            List<RatioGate.Outcome> outcomes = RatioGate.evaluate(results, RatioGate.CHECKS);
            assertEquals(RatioGate.Status.FAIL, outcome(outcomes, 0).status(), "vector / scalar = " + outcome(outcomes, 0).value());
            assertTrue(RatioGate.failed(outcomes));
        }
    }

    @Test
    void evaluate_vectorPathLost_fails() throws Exception {
        // the vector kernel running at the scalar twin's speed: every iteration's vector time equals its scalar time
        RatioGate.Check vector = RatioGate.CHECKS.get(0);
        List<JmhResult> results = new ArrayList<>();
        for (JmhResult r : recorded("kernel-pair-load10.json")) {
            if (r.key().equals(vector.benchmark())) {
                Map<String, JmhResult.Metric> secondary = new LinkedHashMap<>(r.secondary());
                secondary.put(vector.fastSide(), secondary.get(vector.slowSide()));
                r = new JmhResult(r.benchmark(), r.mode(), r.params(), r.primary(), secondary, r.settings(), r.jvm());
            }
            results.add(r);
        }
        List<RatioGate.Outcome> outcomes = RatioGate.evaluate(results, RatioGate.CHECKS);
        assertEquals(1.0, outcome(outcomes, 0).value(), 1e-12);
        assertEquals(RatioGate.Status.FAIL, outcome(outcomes, 0).status());
    }

    @Test
    void evaluate_coldProcessTwiceAsSlow_reportedNotFailing() throws Exception {
        // the cold / warm ratio is not gated: the two busy runs (medians 0.066 and 0.027) differ as much as a 2x regression
        RatioGate.Check cold = RatioGate.CHECKS.get(1);
        List<JmhResult> results = slower(recorded(), cold.benchmark(), cold.fastSide(), 2.0);
        List<RatioGate.Outcome> outcomes = RatioGate.evaluate(results, RatioGate.CHECKS);
        assertEquals(RatioGate.Status.BELOW, outcome(outcomes, 1).status(), "warm / cold = " + outcome(outcomes, 1).value());
        assertFalse(RatioGate.failed(outcomes));
    }

    @Test
    void evaluate_sideNotRun_notRunAndNoFailure() throws Exception {
        List<JmhResult> results = new ArrayList<>(recorded());
        results.removeIf(r -> r.key().equals(RatioGate.CHECKS.get(1).benchmark()));
        List<RatioGate.Outcome> outcomes = RatioGate.evaluate(results, RatioGate.CHECKS);
        assertEquals(RatioGate.Status.NOT_RUN, outcome(outcomes, 1).status());
        assertTrue(Double.isNaN(outcome(outcomes, 1).value()));
    }

    @Test
    void median_oddAndEvenCounts_middleValue() {
        // {3, 1, 2} sorted 1, 2, 3: 2; {4, 1, 3, 2} sorted 1, 2, 3, 4: (2 + 3) / 2 = 2.5
        assertEquals(2.0, RatioGate.median(new double[] {3, 1, 2}), 0);
        assertEquals(2.5, RatioGate.median(new double[] {4, 1, 3, 2}), 0);
    }
}
