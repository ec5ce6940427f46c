package io.fleetcast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.Schemas;
import io.fleetcast.write.CsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line for programs: {@code run --out - --format json|csv} to standard output, {@code -} as a
 * scenario read from standard input, {@code --set} on {@code run}, and the generated shell completion.
 */
class MachineInterfaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scenario on the built-in catalog and sites: 1,000 owned MI450 in Texas for a year. */
    private static final String SCENARIO = """
            scenario: piped
            description: read from standard input
            start: 2026-01
            horizon: 12 months
            deployments:
              - id: one-k
                accelerator: mi450
                site: us-tx
                size: { count: 1000 }
                start: 2026-01
            """;

    @Test
    void run_outDashJson_resultsJsonOnStandardOutputAndNothingElse() throws IOException {
        CliResult r = CliResult.run("run", "amd-openai-6gw", "--out", "-", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Schemas.assertValid("results.schema.json", r.out(), "run --out - --format json");
        assertFalse(r.out().contains("Headline"), "no console tables on a data stream");
        assertFalse(Files.exists(Path.of("-")), "no folder named -");
    }

    @Test
    void run_outDashWithoutFormat_json() throws IOException {
        CliResult r = CliResult.run("run", "amd-openai-6gw", "--out", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(io.fleetcast.write.JsonWriter.FORMAT, JSON.readTree(r.out()).path("format").asText());
    }

    @Test
    void run_outDashCsvTwoScenarios_oneHeaderThenBothScenarios() {
        CliResult r = CliResult.run("run", "amd-openai-6gw", "aws-openai-38b", "--out", "-", "--format", "csv",
                "--csv-groupings", "total");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.join(",", CsvWriter.LONG_COLUMNS), lines.get(0));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("scenario,")).count());
        assertTrue(lines.get(1).startsWith("amd-openai-6gw,"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).startsWith("aws-openai-38b,"), lines.get(lines.size() - 1));
    }

    @Test
    void run_outDashJsonTwoScenarios_usageErrorAndNothingWritten() {
        CliResult r = CliResult.run("run", "amd-openai-6gw", "aws-openai-38b", "--out", "-", "--format", "json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out - --format json writes one scenario"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void run_outDashTwoFormats_usageError() {
        CliResult r = CliResult.run("run", "amd-openai-6gw", "--out", "-", "--format", "csv,html");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format json or --format csv"), r.err());
    }

    @Test
    void run_scenarioFromStandardInput_projectedLikeAFile() throws IOException {
        CliResult r = CliResult.runWithInput(SCENARIO, "run", "-", "--out", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("piped", root.at("/scenario/name").asText());
        assertEquals(1000, root.at("/sizing/0/count").asLong());
        // 1,000 installs in January (installed is a flow: its total is the sum)
        assertEquals(1000, root.at("/summary/totals/installed").asDouble());
    }

    @Test
    void run_badScenarioOnStandardInput_errorNamesStdinLineAndColumn() {
        CliResult r = CliResult.runWithInput(SCENARIO.replace("horizon: 12 months", "horizon: 12 parsecs"), "run", "-");
        assertEquals(2, r.code());
        // line 4, column 10: the value of horizon
        assertTrue(r.err().contains("<stdin>:4:10: horizon"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void run_emptyStandardInput_usageError() {
        CliResult r = CliResult.runWithInput("", "run", "-");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("standard input is empty"), r.err());
    }

    @Test
    void run_set_overridesTheInputAsSolveDoes() throws IOException {
        CliResult r = CliResult.run("run", "amd-openai-6gw", "--set", "deployments.mi450-first-gw.count=1000", "--out", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode first = JSON.readTree(r.out()).at("/sizing/0");
        assertEquals("mi450-first-gw", first.path("id").asText());
        assertEquals(1000, first.path("count").asLong());
        assertEquals("count", first.at("/size/kind").asText());
    }

    @Test
    void run_setUnknownPath_usageErrorNamingTheOverride() {
        CliResult r = CliResult.run("run", "amd-openai-6gw", "--set", "deployments.nope.count=1000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--set deployments.nope.count=1000"), r.err());
    }

    @Test
    void generateCompletion_bash_completesEveryCommand() {
        CliResult r = CliResult.run("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F"), r.out().substring(0, 200));
        for (String verb : List.of("run", "validate", "catalog", "sensitivity", "solve")) {
            assertTrue(r.out().contains(verb), verb);
        }
        assertTrue(r.out().contains("--out") && r.out().contains("--set"), "options of the verbs are completed");
    }
}
