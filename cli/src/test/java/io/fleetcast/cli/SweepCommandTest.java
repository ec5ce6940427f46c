package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetcast sweep}: each variant's rows are the bits {@code fleetcast run --runs N --seed S --set ...} writes. */
class SweepCommandTest {

    private static final String SWEEP = """
            sweep: two-escalations
            scenarios: [amd-openai-6gw]
            grid:
              sites.us-tx.electricity-escalation: [0 %/year, 6 %/year]
              deployments.mi450-next-5gw.start: [12 months]
            mode: expected
            monte-carlo: { runs: 20, seed: 7, quantiles: [0.1, 0.5, 0.9] }
            bands-by: deal
            """;

    @Test
    void sweep_twoVariants_rowsBitIdenticalToRunWithTheVariantsSets(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("sweep.yaml");
        Files.writeString(file, SWEEP, StandardCharsets.UTF_8);
        CliResult swept = CliResult.run("sweep", file.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, swept.code(), swept.err());
        List<String> sweepRows = Files.readAllLines(tmp.resolve("out/two-escalations/results-long.csv"));
        assertEquals("variant," + String.join(",", io.fleetcast.write.CsvWriter.LONG_COLUMNS), sweepRows.get(0));
        String[][] sets = {{"sites.us-tx.electricity-escalation=0 %/year", "deployments.mi450-next-5gw.start=12 months"},
            {"sites.us-tx.electricity-escalation=6 %/year", "deployments.mi450-next-5gw.start=12 months"}};
        for (int v = 0; v < sets.length; v++) {
            Path out = tmp.resolve("run" + v);
            CliResult run = CliResult.run("run", "amd-openai-6gw", "--runs", "20", "--seed", "7", "--quantiles", "0.1,0.5,0.9",
                    "--set", sets[v][0], "--set", sets[v][1], "--bands-by", "deal", "--csv-groupings", "deal",
                    "--out", out.toString(), "--format", "csv", "--quiet");
            assertEquals(0, run.code(), run.err());
            List<String> runRows = Files.readAllLines(out.resolve("amd-openai-6gw/results-long.csv"));
            List<String> variantRows = new ArrayList<>();
            for (String row : sweepRows) {
                if (row.startsWith("v" + v + ",")) {
                    variantRows.add(row.substring(row.indexOf(',') + 1));
                }
            }
            // the same lines, character for character: every value's exact digits agree (mean, p10, p50, p90)
            assertEquals(runRows.subList(1, runRows.size()), variantRows, "variant v" + v);
        }
        List<String> summary = Files.readAllLines(tmp.resolve("out/two-escalations/summary.csv"));
        assertEquals("variant,scenario,mode,runs,seed,figure,statistic,value", summary.get(0));
        assertTrue(summary.get(1).startsWith("v0,amd-openai-6gw,expected,20,7,total.installed,mean,"), summary.get(1));
        List<String> variants = Files.readAllLines(tmp.resolve("out/two-escalations/variants.csv"));
        assertEquals("v1,amd-openai-6gw,amd-openai-6gw,sites.us-tx.electricity-escalation=6 %/year; "
                + "deployments.mi450-next-5gw.start=12 months", variants.get(2));
    }

    @Test
    void sweep_badValue_exit2LocatedAndNothingWritten(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("sweep.yaml");
        Files.writeString(file, SWEEP.replace("6 %/year]", "6 USD]"), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        CliResult r = CliResult.run("sweep", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(file + ":4:50: grid.sites.us-tx.electricity-escalation[1]: "), r.err());
        assertTrue(r.err().contains("(got: 6 USD)"), r.err());
        assertFalse(Files.exists(out), "a rejected sweep opens no output folder");
    }

    @Test
    void sweep_dryRun_listsTheVariantsWithoutRunning(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("sweep.yaml");
        Files.writeString(file, SWEEP, StandardCharsets.UTF_8);
        CliResult r = CliResult.run("sweep", file.toString(), "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 variants x 20 expected runs, seed 7, bands by deal"), r.out());
        assertTrue(r.out().contains("v1       amd-openai-6gw  sites.us-tx.electricity-escalation=6 %/year"), r.out());
    }
}
