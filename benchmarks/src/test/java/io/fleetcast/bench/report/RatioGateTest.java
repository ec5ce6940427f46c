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
 * The gate against what it must tell apart: the results of the gate's benchmarks recorded on the 2-core machine
 * while four other builds ran ({@code busy-machine-quick.json}, as JMH wrote them, with their per-iteration
 * data) must pass; the same results with one side of a ratio made 2x slower, or the vector kernel as slow as the
 * scalar twin, must fail.
 */
class RatioGateTest {

    private static List<JmhResult> recorded() throws URISyntaxException {
        return JmhResultReader.read(Path.of(RatioGateTest.class.getResource("busy-machine-quick.json").toURI()));
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
    void evaluate_recordedBusyMachineRun_passes() throws Exception {
        List<RatioGate.Outcome> outcomes = RatioGate.evaluate(recorded(), RatioGate.CHECKS);
        for (RatioGate.Outcome o : outcomes) {
            assertEquals(RatioGate.Status.PASS, o.status(), o.check().name() + " = " + o.value());
        }
        assertFalse(RatioGate.failed(outcomes));
    }

    @Test
    void evaluate_vectorKernelTwiceAsSlow_fails() throws Exception {
        RatioGate.Check vector = RatioGate.CHECKS.get(0);
        List<JmhResult> results = slower(recorded(), vector.benchmark(), vector.fastSide(), 2.0);
        List<RatioGate.Outcome> outcomes = RatioGate.evaluate(results, RatioGate.CHECKS);
        assertEquals(RatioGate.Status.FAIL, outcome(outcomes, 0).status(), "vector / scalar = " + outcome(outcomes, 0).value());
        assertTrue(RatioGate.failed(outcomes));
    }

    @Test
    void evaluate_vectorPathLost_fails() throws Exception {
        // the vector kernel running at the scalar twin's speed: every iteration's vector time equals its scalar time
        RatioGate.Check vector = RatioGate.CHECKS.get(0);
        List<JmhResult> results = new ArrayList<>();
        for (JmhResult r : recorded()) {
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
    void evaluate_coldProcessTwiceAsSlow_fails() throws Exception {
        RatioGate.Check cold = RatioGate.CHECKS.get(1);
        List<JmhResult> results = slower(recorded(), cold.benchmark(), cold.fastSide(), 2.0);
        List<RatioGate.Outcome> outcomes = RatioGate.evaluate(results, RatioGate.CHECKS);
        assertEquals(RatioGate.Status.FAIL, outcome(outcomes, 1).status(), "warm / cold = " + outcome(outcomes, 1).value());
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
