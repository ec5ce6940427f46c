package io.fleetcast.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Problem;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Timeline;
import io.fleetcast.pipeline.Pipeline;
import io.fleetcast.scenario.ScenarioReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Reliability class 6, the scenario reader under a fuzzer (Jazzer): whatever the bytes, the reader either
 * accepts a scenario or returns its list of located problems (no other exception escapes, no hang), and an
 * accepted scenario projects in expected mode to finite numbers (no value it accepts crashes the engine).
 *
 * <p>In a normal build ({@code ./mvnw verify}) the seed corpus is replayed as a plain test: three shipped
 * scenarios of {@code models/scenarios} (the portfolio holds every deal's deployments; the leased AWS deal; the
 * Cerebras systems; the others are projected by {@code ShippedScenariosTest}) and a few hostile inputs (extremes at the edge of every range, an
 * unclosed quote, deep nesting, aliases), in
 * {@code src/test/resources/io/fleetcast/reliability/ScenarioReaderFuzzTestInputs/}. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl engine test -Dtest=ScenarioReaderFuzzTest -Djazzer.max_duration=60s}; a
 * finding lands in the inputs folder as a reproducer.
 */
class ScenarioReaderFuzzTest {

    /** Where {@code accelerators-file: ../accelerators.yaml} of a fuzzed scenario resolves. */
    private static final Path SCENARIOS = Path.of("../models/scenarios");
    /** Expected-mode work cap: deployments x periods (the portfolio is 19 x 96). */
    private static final long MAX_CELLS = 200_000;

    @FuzzTest(maxDuration = "30s")
    @Timeout(120)
    void read_anyText_problemsOrAFiniteProjection(byte[] data) {
        String yaml = new String(data, StandardCharsets.UTF_8);
        Scenario s;
        try {
            s = new ScenarioReader().readString(yaml, "fuzz.yaml", SCENARIOS);
        } catch (ScenarioException e) {
            assertFalse(e.problems().isEmpty(), "a rejection lists its problems");
            for (Problem p : e.problems()) {
                assertTrue(p.message().startsWith("fuzz.yaml") || p.message().contains(".yaml"), p.message());
            }
            return;
        }
        long cells = (long) Timeline.of(s).periods() * s.deployments().size();
        if (cells > MAX_CELLS) {
            return; // the size cap: big requests are the estimates' business (BigRequestsTest)
        }
        Projection p;
        try {
            p = Pipeline.project(s, Mode.EXPECTED, 0L);
        } catch (IllegalArgumentException e) {
            // accepted by the reader but not projectable: only an overflow of a summary ratio is a known,
            // documented limit (docs/reliability.md); anything else is a finding
            assertTrue(e.getMessage().startsWith("the projection is beyond what a double holds: $/"), e.getMessage());
            return;
        }
        for (double v : p.cube(Grouping.TOTAL).toArray()) {
            assertTrue(Double.isFinite(v), "non-finite value in an accepted scenario");
        }
    }
}
