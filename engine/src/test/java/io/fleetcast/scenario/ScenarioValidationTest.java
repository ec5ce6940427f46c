package io.fleetcast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Problem;
import io.fleetcast.model.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of bad input, each pinning the reported line, column and field path. Lines 1-6 are
 * {@link Fixtures#HEAD}; the deployment of {@link #deployment} fills lines 7-12 and a test's extra line is 13.
 */
class ScenarioValidationTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeFixtures() throws Exception {
        Fixtures.write(dir);
    }

    /** A valid scenario whose deployment has {@code replace} applied and {@code extra} as line 13. */
    private static String deployment(String replace, String with, String extra) {
        String d = """
                deployments:
                  - id: d
                    accelerator: chip-a
                    site: hot
                    size: { count: 10 }
                    start: 2026-07
                """;
        return Fixtures.HEAD + d.replace(replace, with) + extra;
    }

    private List<Problem> problems(String yaml) {
        return Fixtures.problems(dir, yaml);
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static void assertAt(Problem p, int line, int column, String path) {
        assertEquals(line + ":" + column + " " + path, p.line() + ":" + p.column() + " " + p.path(), p.message());
    }

    @Test
    void read_validScenario_noProblems() throws Exception {
        assertEquals("d", Fixtures.read(dir, deployment("", "", "")).deployments().get(0).id());
    }

    @Test
    void read_malformedYaml_oneProblemWithPosition() {
        Problem p = only(problems("scenario: test\ndescription: a: b\n"));
        // the second ':' of line 2 is at index 14: column 15
        assertAt(p, 2, 15, "");
        assertTrue(p.expected().startsWith("malformed YAML: mapping values are not allowed here"), p.message());
        assertEquals("x.yaml:2:15: malformed YAML: mapping values are not allowed here", p.message());
    }

    @Test
    void read_emptyValue_reportedAsEmpty() {
        // `site:` with nothing after it: an empty value, reported as such on line 10 of the fixture
        Problem p = only(problems(deployment("    site: hot\n", "    site:\n", "")));
        assertEquals(10, p.line(), p.message());
        assertEquals("deployments[0].site", p.path());
        assertEquals("(empty)", p.value());
    }

    @Test
    void read_numberLikeText_keptAsWritten() throws Exception {
        // 1e3 is a float to YAML 1.1; the reader takes a value's text as written, so `id: 1e3` is the id "1e3"
        // (which is why its YAML resolver need not recognise numbers at all)
        assertEquals("1e3", Fixtures.read(dir, deployment("  - id: d\n", "  - id: 1e3\n", "")).deployments().get(0).id());
    }

    @Test
    void read_unknownField_suggestsNearestKey() {
        Problem p = only(problems(deployment("", "", "    utilisation: 0.7\n")));
        assertAt(p, 13, 5, "deployments[0].utilisation");
        assertEquals("utilisation", p.value());
        assertTrue(p.expected().startsWith("unknown field; did you mean utilization?"), p.message());
    }

    @Test
    void read_missingField_reportedAtTheMapping() {
        Problem p = only(problems(deployment("    site: hot\n", "", "")));
        // the deployment mapping starts at its first key, line 8 column 5
        assertAt(p, 8, 5, "deployments[0].site");
        assertNull(p.value());
        assertEquals("x.yaml:8:5: deployments[0].site: missing; expected a site id", p.message());
    }

    @Test
    void read_wrongType_listWhereAValueBelongs() {
        Problem p = only(problems(deployment("", "", "    utilization: [0.5]\n")));
        // "    utilization: " is 17 characters
        assertAt(p, 13, 18, "deployments[0].utilization");
        assertTrue(p.expected().contains("not a list"), p.message());
    }

    @Test
    void read_unknownUnit_namesAcceptedUnits() {
        Problem p = only(problems(deployment("", "", "    ramp: 6 monts\n")));
        assertAt(p, 13, 11, "deployments[0].ramp");
        assertEquals("6 monts", p.value());
        assertEquals("unknown unit 'monts'; expected a duration (s, min, h, d, w, months, month, years, year, y) >= 0 and at most 1000 years",
                p.expected());
    }

    @Test
    void read_wrongDimension_namesDimensionAndUnits() {
        Problem p = only(problems(deployment("{ count: 10 }", "{ it-power: 6 GWh }", "")));
        // "    size: { it-power: " is 22 characters
        assertAt(p, 11, 23, "deployments[0].size.it-power");
        assertEquals("'GWh' is an energy; expected a power (W, kW, MW, GW) in [0, 1000 TW]", p.expected());
    }

    @Test
    void read_twoSizes_exactlyOneRequired() {
        Problem p = only(problems(deployment("{ count: 10 }", "{ count: 5, budget: 1e9 USD }", "")));
        assertEquals("x.yaml:11:11: deployments[0].size: give exactly one of count, it-power, facility-power, budget"
                + " (got: {count: 5, budget: 1e9 USD})", p.message());
    }

    @Test
    void read_noSize_exactlyOneRequired() {
        Problem p = only(problems(deployment("{ count: 10 }", "{ }", "")));
        assertAt(p, 11, 11, "deployments[0].size");
        assertEquals("{}", p.value());
    }

    @Test
    void read_unknownAccelerator_suggestsNearestId() {
        Problem p = only(problems(deployment("chip-a", "chip-x", "")));
        assertAt(p, 9, 18, "deployments[0].accelerator");
        assertEquals("unknown accelerator; did you mean chip-a? (known: chip-a, chip-b)", p.expected());
    }

    @Test
    void read_unknownSite_listsKnownSites() {
        Problem p = only(problems(deployment("site: hot", "site: mars", "")));
        assertAt(p, 10, 11, "deployments[0].site");
        assertEquals("unknown site (known: hot, cold)", p.expected());
    }

    @Test
    void read_utilizationAboveOne_outOfRange() {
        Problem p = only(problems(deployment("", "", "    utilization: 1.5\n")));
        assertAt(p, 13, 18, "deployments[0].utilization");
        assertEquals("out of range; expected a fraction (a plain number, %) in [0, 1]", p.expected());
    }

    @Test
    void read_negativeCount_outOfRange() {
        Problem p = only(problems(deployment("{ count: 10 }", "{ count: -5 }", "")));
        // "    size: { count: " is 19 characters
        assertAt(p, 11, 20, "deployments[0].size.count");
        assertTrue(p.expected().endsWith("in [0, 1e15]"), p.message());
    }

    @Test
    void read_fractionalCount_wholeNumberExpectedAtTheValue() {
        // regression (issue #9): 2.5 was shown as given "3" and resolved to 2
        Problem p = only(problems(deployment("{ count: 10 }", "{ count: 2.5 }", "")));
        assertAt(p, 11, 20, "deployments[0].size.count");
        assertEquals("x.yaml:11:20: deployments[0].size.count: expected a whole number of accelerators, e.g. 2 or 3"
                + " (got: 2.5)", p.message());
    }

    @Test
    void read_countOneBillionInExponentForm_accepted() throws Exception {
        assertEquals(1e9, Fixtures.read(dir, deployment("{ count: 10 }", "{ count: 1e9 }", "")).deployments().get(0)
                .size().value());
    }

    @Test
    void read_pueBelowOne_outOfRange() {
        Problem p = only(problems(Fixtures.HEAD + "sites:\n  hot: { pue: 0.9 }\n"
                + deployment("", "", "").substring(Fixtures.HEAD.length())));
        // "  hot: { pue: " is 14 characters
        assertAt(p, 8, 15, "sites.hot.pue");
        assertEquals("out of range; expected a plain number without a unit in [1, 100]", p.expected());
    }

    @Test
    void read_negativePriceInOverride_outOfRange() {
        Problem p = only(problems(Fixtures.HEAD + "sites:\n  hot: { electricity-price: -5 USD/MWh }\n"
                + deployment("", "", "").substring(Fixtures.HEAD.length())));
        // "  hot: { electricity-price: " is 28 characters
        assertAt(p, 8, 29, "sites.hot.electricity-price");
        assertEquals("out of range; expected an energy price (USD/MWh, USD/kWh) in [0, 1e12]", p.expected());
    }

    @Test
    void read_sourcedFigureWithoutConfidence_rejected() {
        Problem p = only(problems(deployment("", "", "    utilization: { value: 0.5, source: \"a study\" }\n")));
        // reported at the sourced mapping, which starts after "    utilization: " (17 characters)
        assertAt(p, 13, 18, "deployments[0].utilization.confidence");
    }

    @Test
    void read_startOutsideScenario_outOfRange() {
        Problem p = only(problems(deployment("start: 2026-07", "start: 2034-07", "")));
        // the scenario ends 2034-07-01, exclusive
        assertAt(p, 12, 12, "deployments[0].start");
        assertEquals("outside the scenario; expected a start in [2026-07-01T00:00, 2034-07-01T00:00)", p.expected());
    }

    @Test
    void read_badDate_rejected() {
        Problem p = only(problems(deployment("start: 2026-07", "start: 2026-02-30", "")));
        assertAt(p, 12, 12, "deployments[0].start");
        assertEquals("2026-02-30", p.value());
    }

    @Test
    void read_horizonShorterThanOneStep_rejected() {
        Problem p = only(problems(deployment("", "", "").replace("horizon: 96 months", "horizon: 15 d")));
        // one month from 2026-07-01 is 744 h; 15 d is 360 h
        assertAt(p, 4, 10, "horizon");
        assertEquals("shorter than one step; expected at least one month (744 h from the start)", p.expected());
    }

    @Test
    void read_emptyDeploymentList_rejected() {
        Problem p = only(problems(Fixtures.HEAD + "deployments: []\n"));
        assertAt(p, 7, 14, "deployments");
    }

    @Test
    void read_duplicateDeploymentIds_rejected() {
        String second = "  - id: d\n    accelerator: chip-a\n    site: hot\n    size: { count: 1 }\n    start: 2026-07\n";
        Problem p = only(problems(deployment("", "", second)));
        assertAt(p, 13, 5, "deployments[1].id");
        assertEquals("duplicate id (first given on line 8)", p.expected());
    }

    @Test
    void read_precisionNotSupported_rejected() {
        // chip-b has no bf16 peak, and bf16 is the default precision
        Problem p = only(problems(deployment("chip-a", "chip-b", "")));
        assertAt(p, 8, 5, "deployments[0].precision");
        assertEquals("accelerator chip-b has no bf16 peak; expected one of fp8 (bf16 is the default)", p.expected());
    }

    @Test
    void read_leasedWithoutAnyPrice_rejected() {
        Problem p = only(problems(deployment("chip-a", "chip-b", "    precision: fp8\n    ownership: leased\n")));
        assertAt(p, 8, 5, "deployments[0].lease-price");
    }

    @Test
    void read_leaseFieldOnOwnedDeployment_rejected() {
        Problem p = only(problems(deployment("", "", "    lease-price: 2 USD/h\n")));
        assertAt(p, 13, 18, "deployments[0].lease-price");
        assertTrue(p.expected().startsWith("only for leased deployments"), p.message());
    }

    @Test
    void read_duplicateKey_rejected() {
        Problem p = only(problems(deployment("", "", "    site: cold\n")));
        assertAt(p, 13, 5, "deployments[0].site");
        assertEquals("duplicate key (first given on line 10)", p.expected());
    }

    @Test
    void read_badUncertaintyPath_suggestsField() {
        Problem p = only(problems(deployment("", "", "uncertainty:\n  accelerators.chip-a.capx: { uniform: [1 USD, 2 USD] }\n")));
        assertAt(p, 14, 3, "uncertainty[accelerators.chip-a.capx]");
        assertTrue(p.expected().startsWith("capx is not a numeric field of an accelerator; did you mean capex?"), p.message());
    }

    @Test
    void read_uncertaintyUnknownId_rejected() {
        Problem p = only(problems(deployment("", "", "uncertainty:\n  sites.hott.pue: { uniform: [1.1, 1.2] }\n")));
        assertAt(p, 14, 3, "uncertainty[sites.hott.pue]");
        assertEquals("no site hott in the scenario's catalog; did you mean hot?", p.expected());
    }

    @Test
    void read_triangularModeAboveMax_rejected() {
        Problem p = only(problems(deployment("", "",
                "uncertainty:\n  accelerators.chip-a.capex: { triangular: [4 USD, 9 USD, 8 USD] }\n")));
        // "  accelerators.chip-a.capex: " is 29 characters
        assertAt(p, 14, 30, "uncertainty[accelerators.chip-a.capex]");
        assertEquals("expected min <= mode <= max with min < max", p.expected());
    }

    @Test
    void read_normalWithZeroSd_rejected() {
        Problem p = only(problems(deployment("", "", "uncertainty:\n  sites.hot.pue: { normal: [1.2, 0] }\n")));
        assertAt(p, 14, 18, "uncertainty[sites.hot.pue]");
        assertEquals("expected sd > 0", p.expected());
    }

    @Test
    void read_distributionLeavingFieldRange_rejected() {
        Problem p = only(problems(deployment("", "",
                "uncertainty:\n  deployments.d.utilization: { uniform: [0.5, 1.2] }\n")));
        assertAt(p, 14, 30, "uncertainty[deployments.d.utilization]");
        assertTrue(p.expected().startsWith("reaches values outside the valid range of utilization"), p.message());
    }

    @Test
    void read_distributionParameterInWrongUnit_rejected() {
        Problem p = only(problems(deployment("", "",
                "uncertainty:\n  accelerators.chip-a.capex: { uniform: [1 USD, 2 W] }\n")));
        // "  accelerators.chip-a.capex: { uniform: [1 USD, " is 48 characters
        assertAt(p, 14, 49, "uncertainty[accelerators.chip-a.capex].uniform[1]");
    }

    @Test
    void read_startShiftBeyondScenario_rejected() {
        Problem p = only(problems(deployment("", "",
                "uncertainty:\n  deployments.d.start: { uniform: [0 months, 10 years], shift: true }\n")));
        assertAt(p, 14, 24, "uncertainty[deployments.d.start]");
        assertTrue(p.expected().startsWith("moves the start outside the scenario"), p.message());
    }

    @Test
    void read_badMonteCarlo_everyFieldReported() {
        List<Problem> ps = problems(deployment("", "", "monte-carlo: { runs: 0, quantiles: [0.5, 1] }\n"));
        assertEquals(2, ps.size(), ps.toString());
        // "monte-carlo: { runs: " is 21 characters; "monte-carlo: { runs: 0, quantiles: [0.5, " is 41
        assertAt(ps.get(0), 13, 22, "monte-carlo.runs");
        assertAt(ps.get(1), 13, 42, "monte-carlo.quantiles[1]");
    }

    @Test
    void read_severalErrors_allReportedInFileOrder() {
        String yaml = """
                scenario: Test
                description: a test scenario
                start: 2026-07
                horizon: 96 monts
                accelerators-file: accelerators.yaml
                sites-file: sites.yaml
                deployments:
                  - id: d
                    accelerator: chip-x
                    site: hot
                    size: { count: 5, budget: 1e9 USD }
                    start: 2026-07
                    utilisation: 0.7
                """;
        List<Problem> ps = problems(yaml);
        assertEquals(5, ps.size(), ps.toString());
        assertAt(ps.get(0), 1, 11, "scenario");
        assertAt(ps.get(1), 4, 10, "horizon");
        assertAt(ps.get(2), 9, 18, "deployments[0].accelerator");
        assertAt(ps.get(3), 11, 11, "deployments[0].size");
        assertAt(ps.get(4), 13, 5, "deployments[0].utilisation");
    }

    @Test
    void read_brokenCatalogFile_problemsCarryTheCatalogName() throws Exception {
        Path catalog = dir.resolve("broken.yaml");
        Files.writeString(catalog, Fixtures.ACCELERATORS.replace("afr: 0.08", "afr: 1.0"));
        List<Problem> ps = problems(deployment("", "", "").replace("accelerators-file: accelerators.yaml",
                "accelerators-file: broken.yaml"));
        Problem p = only(ps);
        assertEquals(catalog.toString(), p.file());
        // chip-b's afr is on line 28 of the catalog (17 lines of chip-a after the header, then 11 of chip-b);
        // "    afr: " is 9 characters
        assertAt(p, 28, 10, "accelerators[1].afr");
    }

    @Test
    void read_missingCatalogFile_reportedAtTheScenarioKey() {
        Problem p = only(problems(deployment("", "", "").replace("accelerators-file: accelerators.yaml",
                "accelerators-file: nowhere.yaml")));
        assertEquals("x.yaml", p.file());
        assertAt(p, 5, 20, "accelerators-file");
    }

    @Test
    void read_catalogFileIsAFolder_saysFolderNotMissing() throws Exception {
        // regression: a folder given as accelerators-file was reported as "file not found"
        Files.createDirectory(dir.resolve("catalogs"));
        Problem p = only(problems(deployment("", "", "").replace("accelerators-file: accelerators.yaml",
                "accelerators-file: catalogs")));
        assertAt(p, 5, 20, "accelerators-file");
        assertTrue(p.message().contains("a folder, not a file"), p.message());
    }

    @Test
    void readNamedOrPath_folder_saysNotARegularFileInsteadOfNoSuchFile() throws Exception {
        // regression: `fleetcast run DIR` said "no such file, and no built-in scenario of that name"
        Path folder = Files.createDirectory(dir.resolve("scenarios"));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ScenarioReader().readNamedOrPath(folder.toString()));
        Problem p = only(e.problems());
        assertEquals(folder.toString(), p.file());
        assertTrue(p.message().contains("not a regular file (a folder)"), p.message());
    }

    @Test
    void read_newInlineAcceleratorIncomplete_oneProblemListingFields() {
        Problem p = only(problems(Fixtures.HEAD + "accelerators:\n  chip-c: { capex: 1 USD }\n"
                + deployment("", "", "").substring(Fixtures.HEAD.length())));
        assertAt(p, 8, 11, "accelerators.chip-c");
        assertTrue(p.expected().startsWith("missing required fields name, vendor, hbm, tdp, all-in-power"), p.message());
        assertTrue(p.expected().endsWith("did you mean chip-a?)"), p.message());
    }
}
