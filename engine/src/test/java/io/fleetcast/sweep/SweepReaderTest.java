package io.fleetcast.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Problem;
import io.fleetcast.model.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading sweep files: the variants of a grid, and every problem located as {@code validate} locates them. */
class SweepReaderTest {

    private static Sweep read(String yaml) throws ScenarioException {
        return SweepReader.read(yaml.getBytes(StandardCharsets.UTF_8), "s.yaml", Path.of("..", "models", "sweeps"));
    }

    private static List<Problem> problems(String yaml) {
        return assertThrows(ScenarioException.class, () -> read(yaml)).problems();
    }

    @Test
    void read_twoAxesOneScenario_variantsAreTheProductFirstAxisSlowest() throws ScenarioException {
        Sweep s = read("""
                sweep: t
                scenarios: [amd-openai-6gw]
                grid:
                  sites.us-tx.electricity-escalation: [0 %/year, 3 %/year, 6 %/year]
                  deployments.mi450-next-5gw.start: [0 months, 12 months]
                monte-carlo: { runs: 5, seed: 7 }
                """);
        // 1 scenario x 3 x 2 = 6 variants; index = escalation index x 2 + delay index
        assertEquals(6, s.variants().size());
        assertEquals("v0", s.variants().get(0).id());
        assertEquals(List.of("sites.us-tx.electricity-escalation=6 %/year", "deployments.mi450-next-5gw.start=12 months"),
                s.variants().get(5).sets());
        assertEquals(List.of("sites.us-tx.electricity-escalation=3 %/year", "deployments.mi450-next-5gw.start=0 months"),
                s.variants().get(2).sets());
        // 6 %/year is 0.06 per year in the scenario the variant carries
        assertEquals(0.06, s.variants().get(5).scenario().sites().get("us-tx").electricityEscalationPerYear(), 1e-15);
        assertEquals(Mode.EXPECTED, s.mode());
        assertEquals(Grouping.TOTAL, s.bandsBy());
        assertNull(s.quantiles(), "each scenario's own quantiles");
        assertEquals(30, s.variantRuns());
        assertEquals(5, s.settings(s.variants().get(0)).runs());
    }

    @Test
    void read_elevenVariants_idsPaddedToSortInOrder() throws ScenarioException {
        Sweep s = read("""
                sweep: t
                scenarios: [amd-openai-6gw]
                grid:
                  deployments.mi450-first-gw.utilization: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1]
                monte-carlo: { runs: 1, seed: 1 }
                """);
        assertEquals("v00", s.variants().get(0).id());
        assertEquals("v10", s.variants().get(10).id());
    }

    @Test
    void read_unknownKeyBadValueAndUnknownPath_everyProblemLocated() {
        List<Problem> p = problems("""
                sweep: t
                scenarios: [amd-openai-6gw]
                grid:
                  sites.us-tx.electricity-escalation: [0 %/year, 3 USD]
                  sites.nowhere.pue: [1.1]
                monte-carlo: { runs: 5, seed: 7, sed: 3 }
                """);
        assertEquals(3, p.size(), p.toString());
        Problem unit = p.get(0);
        assertEquals("s.yaml", unit.file());
        assertEquals(4, unit.line());
        assertEquals(50, unit.column());
        assertEquals("grid.sites.us-tx.electricity-escalation[1]", unit.path());
        assertEquals("3 USD", unit.value());
        Problem site = p.get(1);
        assertEquals(5, site.line());
        assertEquals(3, site.column());
        assertTrue(site.expected().contains("nowhere"), site.expected());
        Problem key = p.get(2);
        assertEquals(6, key.line());
        assertEquals("monte-carlo.sed", key.path());
        assertTrue(key.expected().contains("runs, seed, quantiles"), key.expected());
    }

    @Test
    void read_pathSampledByTheUncertaintyBlock_rejectedAtTheAxis() {
        List<Problem> p = problems("""
                sweep: t
                scenarios: [amd-openai-6gw]
                grid:
                  sites.us-tx.electricity-price: [45 USD/MWh]
                monte-carlo: { runs: 5, seed: 7 }
                """);
        assertEquals(1, p.size(), p.toString());
        assertEquals(4, p.get(0).line());
        assertTrue(p.get(0).expected().contains("not in the scenario's uncertainty: block"), p.get(0).expected());
    }

    @Test
    void read_missingRunsAndScenarios_reportedAtTheParent() {
        List<Problem> p = problems("""
                sweep: Bad_Name
                monte-carlo: { seed: 7 }
                """);
        // in file order: the missing scenarios: at the top mapping (1:1), then the name (1:8), then runs (2:14)
        assertEquals(List.of("scenarios", "sweep", "monte-carlo.runs"), p.stream().map(Problem::path).toList(), p.toString());
        assertEquals(2, p.get(2).line());
    }

    @Test
    void read_delayOutsideTheHorizon_rejectedWithTheEditorsReason() {
        // amd-openai-6gw runs 96 months from 2026-07; the 5 GW tranche starts 2027-07, so a 100-month delay leaves it
        List<Problem> p = problems("""
                sweep: t
                scenarios: [amd-openai-6gw]
                grid:
                  deployments.mi450-next-5gw.start: [0 months, 100 months]
                monte-carlo: { runs: 5, seed: 7 }
                """);
        assertEquals(1, p.size(), p.toString());
        assertEquals("grid.deployments.mi450-next-5gw.start[1]", p.get(0).path());
        assertTrue(p.get(0).expected().contains("outside the horizon"), p.get(0).expected());
    }

    @Test
    void read_malformedYaml_oneProblemWithPosition() {
        List<Problem> p = problems("sweep: t\nscenarios: [a\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).line() > 0 && p.get(0).expected().startsWith("malformed YAML"), p.toString());
    }

    @Test
    void read_shippedExample_sixVariants() throws ScenarioException {
        Sweep s = SweepReader.read(Path.of("..", "models", "sweeps", "amd-energy-and-delay.yaml"));
        assertEquals("amd-energy-and-delay", s.name());
        assertEquals(6, s.variants().size());
        assertEquals(100, s.runs());
    }
}
