package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line end to end through {@link Main#run} with captured streams. */
class MainTest {
    @TempDir
    Path dir;

    /** Exit code and what went to out and err. */
    private static CliResult run(String... args) {
        return CliResult.run(args);
    }

    private static final String CATALOG = """
            accelerators:
              - id: chip-a
                name: Chip A
                vendor: ACME
                bf16: { value: 1000 TFLOPS, source: "datasheet (https://example.com/a)", confidence: official }
                hbm: 192 GB
                tdp: 1000 W
                all-in-power: 2000 W
                idle-fraction: 0.3
                capex: 50000 USD
                useful-life: 6 years
                afr: 0.05
                repair-time: 72 h
                replacement-cost: 0.5
                embodied-carbon: 1500 kgCO2e
            """;

    private static final String SITES = """
            sites:
              - id: hot
                name: Hot place
                pue: 1.3
                electricity-price: 60 USD/MWh
                grid-intensity: 400 g/kWh
            """;

    private static final String SCENARIO = """
            scenario: test
            description: a test scenario
            start: 2026-07
            horizon: 96 months
            accelerators-file: accelerators.yaml
            sites-file: sites.yaml
            deployments:
              - id: d
                accelerator: chip-a
                site: hot
                size: { facility-power: 1 GW }
                start: 2026-07
            """;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void validate_validFiles_okLinesAndExitZero() throws Exception {
        Path acc = write("accelerators.yaml", CATALOG);
        Path sites = write("sites.yaml", SITES);
        Path s = write("s.yaml", SCENARIO);
        CliResult r = run("validate", s.toString(), acc.toString(), sites.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ok  " + s + "  (scenario test: 1 deployment, 2026-07-01 to 2034-07-01)"), r.out());
        assertTrue(r.out().contains("ok  " + acc + "  (1 accelerators)"), r.out());
        assertTrue(r.out().contains("ok  " + sites + "  (1 sites)"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void validate_brokenFile_everyErrorPrintedAndExitTwo() throws Exception {
        write("accelerators.yaml", CATALOG);
        write("sites.yaml", SITES);
        Path good = write("good.yaml", SCENARIO);
        Path bad = write("bad.yaml", SCENARIO.replace("horizon: 96 months", "horizon: 96 monts")
                .replace("{ facility-power: 1 GW }", "{ count: 5, budget: 1e9 USD }")
                .replace("site: hot", "site: hot\n    utilisation: 0.7"));
        CliResult r = run("validate", good.toString(), bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.out().contains("ok  " + good), r.out());
        assertTrue(r.err().contains(bad + ":4:10: horizon: unknown unit 'monts'"), r.err());
        assertTrue(r.err().contains(bad + ":11:5: deployments[0].utilisation: unknown field; did you mean utilization?"), r.err());
        assertTrue(r.err().contains(bad + ":12:11: deployments[0].size: give exactly one of count, it-power, facility-power,"
                + " budget (got: {count: 5, budget: 1e9 USD})"), r.err());
        assertTrue(r.err().contains("3 problems in 1 file."), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void validate_catalogWithMissingField_exitTwo() throws Exception {
        Path acc = write("accelerators.yaml", CATALOG.replace("    capex: 50000 USD\n", ""));
        CliResult r = run("validate", acc.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(acc + ":2:5: accelerators[0].capex: missing; expected an amount of money (USD) in [0, 1e15 USD]"),
                r.err());
    }

    @Test
    void validate_noSuchFileOrName_exitTwoListingBuiltIns() {
        CliResult r = run("validate", "no-such-thing");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no-such-thing: no such file, and no built-in scenario of that name"), r.err());
    }

    @Test
    void catalog_table_printsColumnsAndDashForMissingPrecisions() throws Exception {
        Path acc = write("accelerators.yaml", CATALOG);
        CliResult r = run("catalog", "--accelerators-file", acc.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals("id      vendor  BF16 TFLOPS  FP8 TFLOPS  FP4 TFLOPS  HBM GB  TDP W  all-in W  capex USD  life years   AFR",
                lines[0]);
        // 6 years = 52,596 h / 8,766 h; fp8 and fp4 are not given
        assertEquals("chip-a  ACME          1,000           —           —     192  1,000     2,000     50,000           6  0.05",
                lines[1]);
    }

    @Test
    void catalog_csvAndJson_sameFiguresJsonWithSources() throws Exception {
        Path acc = write("accelerators.yaml", CATALOG);
        CliResult csv = run("catalog", "--format", "csv", "--accelerators-file", acc.toString());
        assertEquals(0, csv.code(), csv.err());
        assertEquals("""
                id,vendor,name,bf16_tflops,fp8_tflops,fp4_tflops,hbm_gb,tdp_w,all_in_w,capex_usd,useful_life_years,afr
                chip-a,ACME,Chip A,1000,,,192,1000,2000,50000,6,0.05
                """, csv.out());
        CliResult json = run("catalog", "--format", "json", "--accelerators-file", acc.toString());
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"source\" : \"datasheet (https://example.com/a)\""), json.out());
        assertTrue(json.out().contains("\"confidence\" : \"official\""), json.out());
        assertTrue(json.out().contains("\"confidence\" : \"unsourced\""), json.out());
    }

    @Test
    void catalog_sites_tableWithPueRangeAndPercentRates() throws Exception {
        Path sites = write("sites.yaml", SITES.replace("grid-intensity: 400 g/kWh",
                "grid-intensity: 400 g/kWh\n    electricity-escalation: 2.5 %/year"));
        CliResult r = run("catalog", "--sites", "--sites-file", sites.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals("id   name       PUE min  PUE max  design PUE  USD/MWh  price %/year  g/kWh  grid %/year  facility USD/MW"
                + "  facility years", lines[0]);
        // one PUE of 1.3 for every month, so the design PUE defaults to 1.3; facility life defaults to 20 years
        assertEquals("hot  Hot place      1.3      1.3         1.3       60           2.5    400            0                0"
                + "              20", lines[1]);
    }

    @Test
    void catalog_sitesFileWithoutSitesFlag_listsThatFile() throws Exception {
        // regression: --sites-file without --sites listed the built-in accelerators and ignored the file
        Path sites = write("sites.yaml", SITES);
        CliResult r = run("catalog", "--sites-file", sites.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("id   name       PUE min"), r.out());
        assertTrue(r.out().contains("hot  Hot place"), r.out());
    }

    @Test
    void catalog_acceleratorsFileIsAFolder_exitTwoSayingSoWithoutAJavaException() throws Exception {
        // regression: "cannot read the file: java.io.IOException: Is a directory"
        Path folder = Files.createDirectory(dir.resolve("catalogs"));
        CliResult r = run("catalog", "--accelerators-file", folder.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(folder + ": a folder, not a file"), r.err());
        assertFalse(r.err().contains("IOException"), r.err());
    }

    @Test
    void catalog_acceleratorsFileWithSites_exitTwoNamingBoth() throws Exception {
        Path acc = write("accelerators.yaml", CATALOG);
        CliResult r = run("catalog", "--sites", "--accelerators-file", acc.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--accelerators-file lists accelerators; --sites and --sites-file list sites"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void catalog_builtIn_listsShippedCatalog() {
        CliResult r = run("catalog");
        // the built-in catalog is data another engineer maintains: only its shape is pinned here
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("id "), r.out());
    }

    @Test
    void unknownOption_exitTwoWithUsageNoStackTrace() {
        CliResult r = run("catalog", "--frmat", "csv");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown options: '--frmat', 'csv'"), r.err());
        assertTrue(r.err().contains("Usage: fleetcast catalog"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void help_onEveryVerb_printsItsUsageAndExitsZero() {
        // regression: `fleetcast run --help` was "Unknown option: '--help'" with exit code 2
        for (String verb : new String[] {"validate", "catalog", "run", "sensitivity", "solve"}) {
            for (String flag : new String[] {"--help", "-h"}) {
                CliResult r = run(verb, flag);
                assertEquals(0, r.code(), verb + " " + flag + ": " + r.err());
                assertTrue(r.out().contains("Usage: fleetcast " + verb), verb + " " + flag + ": " + r.out());
                assertFalse(r.err().contains("Unknown option"), r.err());
            }
        }
    }

    @Test
    void runHelp_defaultScenario_namesTheBuiltInNotAnEmptyList() {
        // regression: the SCENARIO parameter's help said "(default: [])"
        CliResult r = run("run", "--help");
        String text = r.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("(default: openai-portfolio)"), r.out());
        assertFalse(text.contains("(default: [])"), r.out());
    }

    @Test
    void noCommand_exitTwoWithUsage() {
        CliResult r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: fleetcast"), r.err());
    }

    @Test
    void version_fromManifestOrDev() {
        CliResult r = run("--version");
        assertEquals(0, r.code());
        // tests run from classes, without a jar manifest
        assertEquals("fleetcast dev", r.out().strip());
    }

    @Test
    void version_fastPathAndPicocli_printTheSameText() {
        // Main answers a lone --version without picocli (cold start); picocli's own --version (the version
        // provider, used in any other position of the option) must print the same line
        StringWriter out = new StringWriter();
        CommandLine cl = FleetcastCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");
        assertEquals(0, cl.execute("--version"));
        assertEquals(run("-V").out().strip(), out.toString().strip());
        assertEquals("fleetcast dev", out.toString().strip());
    }

    /** A verb that fails with a bug, to see the internal-error path. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("broken invariant");
        }
    }

    private static CliResult runWithBoom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = FleetcastCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
        cl.addSubcommand("boom", new CommandLine(new Boom()));
        // settings apply to the subcommands present when they are set: set them again for the new one
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(new ErrorHandler());
        int code = cl.execute(args);
        return new CliResult(code, out.toString(), err.toString());
    }

    @Test
    void internalError_exitOneWithoutStackTrace() {
        CliResult r = runWithBoom("boom");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("fleetcast: internal error: java.lang.IllegalStateException: broken invariant"), r.err());
        assertTrue(r.err().contains("--debug"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void internalError_withDebug_printsStackTrace() {
        CliResult r = runWithBoom("--debug", "boom");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("\tat io.fleetcast.cli.MainTest$Boom.call"), r.err());
    }

    @Test
    void commandLine_argsNameAVerb_buildsThatVerbOnly() {
        StringWriter sink = new StringWriter();
        // "--debug" before the verb is a top-level option; the verb is the first other argument
        CommandLine cl = FleetcastCommand.commandLine(new PrintWriter(sink), new PrintWriter(sink), "--debug", "catalog", "--sites");
        assertEquals(java.util.Set.of("catalog"), cl.getSubcommands().keySet());
    }

    @Test
    void commandLine_loneVersion_buildsNoVerb() {
        StringWriter sink = new StringWriter();
        CommandLine cl = FleetcastCommand.commandLine(new PrintWriter(sink), new PrintWriter(sink), "--version");
        assertTrue(cl.getSubcommands().isEmpty());
    }

    @Test
    void commandLine_noVerbOrUnknownVerb_buildsEveryVerbForTheUsage() {
        StringWriter sink = new StringWriter();
        for (String[] args : new String[][] {{}, {"--help"}, {"rnu"}}) {
            CommandLine cl = FleetcastCommand.commandLine(new PrintWriter(sink), new PrintWriter(sink), args);
            assertEquals(java.util.List.of("validate", "catalog", "run", "sweep", "sensitivity", "solve", "calibrate", "serve",
                    "generate-completion"),
                    java.util.List.copyOf(cl.getSubcommands().keySet()));
        }
    }

    @Test
    void run_oneVerbBuilt_inheritedDebugAndCaseInsensitiveEnumsStillApply() {
        // --debug is inherited and --format takes CSV in any case, as with every verb present
        CliResult r = run("catalog", "--debug", "--format", "CSV");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("id,"), r.out());
    }
}
