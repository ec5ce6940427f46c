package io.fleetcast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration anchors file: the shipped one reads, and bad anchors are errors naming file, line and field. */
class AnchorsReaderTest {

    private static final String GOOD = """
            anchors:
              - id: pue-tx
                question: PUE in Texas
                measure: { kind: annual-pue, site: us-tx }
                figure: "1.09-1.18"
                range: [1.09, 1.18]
                must-hold: [1.05, 1.25]
                source: "a source (https://example.org)"
                date: 2025-07
                confidence: official
                explains: "why"
            """;

    @Test
    void readBuiltIn_shippedAnchors_readWithUnitsInBaseUnits() throws ScenarioException {
        List<Anchor> anchors = AnchorsReader.readBuiltIn();
        Anchor gb300 = anchors.stream().filter(a -> a.id().equals("capex-per-gw-gb300")).findFirst().orElseThrow();
        // must-hold: [40e9 USD, 60e9 USD]
        assertEquals(40e9, gb300.holdLow());
        assertEquals(60e9, gb300.holdHigh());
        assertEquals(Anchor.Kind.OWNED_CAPEX_PER_FACILITY_GW, gb300.measure().kind());
        assertEquals("reported", gb300.confidence());
    }

    @Test
    void read_goodAnchor_keepsLineAndFields(@TempDir Path dir) throws IOException, ScenarioException {
        Path f = write(dir, GOOD);
        Anchor a = AnchorsReader.read(f).get(0);
        assertEquals(2, a.line());
        assertEquals(1.09, a.low());
        assertEquals("us-tx", a.measure().site());
        assertEquals(1.0, a.measure().utilization());
    }

    @Test
    void read_measureWithoutTheFieldsItsKindNeeds_namesTheMissingField(@TempDir Path dir) throws IOException {
        Path f = write(dir, GOOD.replace("{ kind: annual-pue, site: us-tx }", "{ kind: owned-capex-per-facility-gw, site: us-tx }"));
        String m = problems(f);
        assertTrue(m.contains(f + ":4:14: anchors[0].measure.accelerator: missing; expected a value: kind "
                + "owned-capex-per-facility-gw needs accelerator, site"), m);
    }

    @Test
    void read_unknownKindAndStrayField_areErrors(@TempDir Path dir) throws IOException {
        Path f = write(dir, GOOD.replace("{ kind: annual-pue, site: us-tx }", "{ kind: pue, site: us-tx }"));
        assertTrue(problems(f).contains("anchors[0].measure.kind: expected one of owned-capex-per-facility-gw,"),
                problems(f));
        Path g = write(dir, GOOD.replace("{ kind: annual-pue, site: us-tx }", "{ kind: annual-pue, site: us-tx, deal: x }"));
        assertTrue(problems(g).contains("anchors[0].measure.deal: not used by kind annual-pue (it takes site, kind)"),
                problems(g));
    }

    @Test
    void read_mustHoldNarrowerThanTheRange_isAnError(@TempDir Path dir) throws IOException {
        Path f = write(dir, GOOD.replace("must-hold: [1.05, 1.25]", "must-hold: [1.10, 1.17]"));
        assertTrue(problems(f).contains("anchors[0].must-hold: a must-hold band narrower than the published range"),
                problems(f));
    }

    @Test
    void read_missingSourceAndLowAboveHigh_reportsBoth(@TempDir Path dir) throws IOException {
        Path f = write(dir, GOOD.replace("    source: \"a source (https://example.org)\"\n", "")
                .replace("range: [1.09, 1.18]", "range: [1.18, 1.09]"));
        String m = problems(f);
        assertTrue(m.contains("anchors[0].source: missing"), m);
        assertTrue(m.contains("anchors[0].range: low is above high"), m);
    }

    private static Path write(Path dir, String text) throws IOException {
        Path f = Files.createTempFile(dir, "anchors", ".yaml");
        Files.writeString(f, text);
        return f;
    }

    private static String problems(Path f) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> AnchorsReader.read(f));
        StringBuilder b = new StringBuilder();
        e.problems().forEach(p -> b.append(p.message()).append('\n'));
        return b.toString();
    }
}
