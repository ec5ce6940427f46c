package io.fleetcast.cli;

import io.fleetcast.model.Metric;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.analyse.SummaryCells;
import io.fleetcast.sweep.Sweep;
import io.fleetcast.sweep.SweepReader;
import io.fleetcast.sweep.SweepRunner;
import io.fleetcast.sweep.SweepTables;
import io.fleetcast.sweep.Variant;
import io.fleetcast.write.AtomicFiles;
import io.fleetcast.write.ConsoleProgress;
import io.fleetcast.write.HumanUnits;
import io.fleetcast.write.HumanUnits.Dimension;
import io.fleetcast.write.Numbers;
import io.fleetcast.write.ResultFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetcast sweep SWEEP.yaml --out DIR [--threads T] [--dry-run] [--quiet]}: runs every variant of a sweep
 * ({@link SweepReader} has the file format) on this machine and writes {@code DIR/NAME/} as one set:
 * {@code results-long.csv} (the columns of a run's {@code results-long.csv} after a {@code variant} column),
 * {@code summary.csv} (per variant and figure, mean and quantiles) and {@code variants.csv} ({@link SweepTables}).
 * Each variant's bands are those of {@code fleetcast run SCENARIO --runs N --seed S --set PATH=VALUE...}, bit for
 * bit; the Spark job ({@code fleetcast-spark}) runs the same file on a cluster with the same numbers.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = FleetcastCommand.Version.class,
        description = {"Run a sweep: base scenarios x grid axes over --set paths, a Monte Carlo per variant, on this machine.",
                "Writes DIR/NAME/results-long.csv, summary.csv and variants.csv as one set."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every variant ran", "2:the sweep file (or a scenario it names) is invalid, bad usage, or another fleetcast is writing into --out",
            "3:could not write output (--out keeps its previous results)", "1:internal error"})
final class SweepCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep file (YAML; docs/sweeps.md).")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write DIR/NAME/ into (required unless --dry-run).")
    private Path out;

    @Option(names = "--threads", paramLabel = "T",
            description = "Monte Carlo worker threads (default: every core). The numbers do not depend on it.")
    private Integer threads;

    @Option(names = "--dry-run", description = "Check the file and list the variants; run nothing.")
    private boolean dryRun;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws ScenarioException {
        if (out == null && !dryRun) {
            throw new BadInputException("sweep: --out DIR is required (or --dry-run to list the variants)");
        }
        int t = MonteCarloOptions.threads(threads);
        Sweep sweep = SweepReader.read(file);
        PrintWriter console = spec.commandLine().getOut();
        console.println("sweep " + sweep.name() + (sweep.description().isEmpty() ? "" : " - " + sweep.description()));
        console.println(sweep.variants().size() + (sweep.variants().size() == 1 ? " variant" : " variants") + " x "
                + sweep.runs() + " " + sweep.mode().id() + " runs, seed " + sweep.seed() + ", bands by " + sweep.bandsBy().id());
        if (dryRun) {
            RunCommand.Table table = new RunCommand.Table(3, "variant", "scenario", "sets");
            for (Variant v : sweep.variants()) {
                table.row(v.id(), v.scenario().name(), v.setsText());
            }
            table.print(console);
            console.flush();
            return ExitCodes.OK;
        }
        try (ResultFolder folder = OutputOptions.openFolder(out)) {
            RunCommand.Table table = new RunCommand.Table(3, "variant", "scenario", "sets", "bands", "tco mean", "tco low",
                    "tco high", "peak facility mean");
            Path written = runAndWrite(folder, sweep, t, table);
            console.println();
            table.print(console);
            console.println();
            console.println("wrote " + out.resolve(written.getFileName()) + "/ (results-long.csv, summary.csv, variants.csv)");
            console.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Runs the variants one after the other, each written into the staged set as soon as it is done (the runner holds
     * one variant's runs at a time; the summary rows, about 6 KB a variant, wait in memory for their own file), then
     * makes the set visible. A failure leaves the previous set.
     */
    private Path runAndWrite(ResultFolder folder, Sweep sweep, int threads, RunCommand.Table table) {
        ResultFolder.Staged staged;
        try {
            staged = folder.stage(sweep.name());
        } catch (IOException e) {
            throw new OutputException(out, e);
        }
        boolean done = false;
        try {
            Path dir = staged.folder();
            StringWriter summary = new StringWriter();
            summary.write(SweepTables.summaryCsvHeader());
            AtomicFiles.writeText(dir.resolve("results-long.csv"), w -> {
                w.write(SweepTables.longCsvHeader());
                SweepRunner.run(sweep, threads, ConsoleProgress.forStandardError(quiet), vr -> {
                    SweepTables.writeLongCsvRows(vr, w);
                    SweepTables.writeSummaryCsvRows(sweep, vr, summary);
                    row(vr, table);
                });
            });
            AtomicFiles.writeString(dir.resolve("summary.csv"), summary.toString());
            AtomicFiles.writeText(dir.resolve("variants.csv"), w -> SweepTables.writeVariantsCsv(sweep, w));
            Path visible = folder.commit(staged);
            done = true;
            return visible;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OutputException(out, e);
        } finally {
            if (!done) {
                folder.abandon(staged);
            }
        }
    }

    /** A variant's line: its sets, its outer bands, the mean and outer quantiles of total tco, the mean peak facility power. */
    private static void row(SweepRunner.VariantResult vr, RunCommand.Table table) {
        MonteCarloResult r = vr.result();
        double[] q = r.quantiles();
        int tco = SummaryCells.total(Metric.TCO_USD);
        int peak = SummaryCells.peak(Metric.FACILITY_POWER_MW);
        table.row(vr.variant().id(), r.scenario().name(), vr.variant().setsText(),
                Numbers.quantileName(q[0]) + "-" + Numbers.quantileName(q[q.length - 1]),
                HumanUnits.format(r.summaryMean(tco), Dimension.USD),
                HumanUnits.format(r.summaryBands().quantile(0, tco), Dimension.USD),
                HumanUnits.format(r.summaryBands().quantile(q.length - 1, tco), Dimension.USD),
                HumanUnits.format(r.summaryMean(peak), Dimension.POWER_MW));
    }
}
