package io.fleetcast.cli;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Scenario;
import io.fleetcast.write.ConsoleProgress;
import io.fleetcast.write.Format;
import io.fleetcast.write.OutputWriter;
import io.fleetcast.write.ResultFolder;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The output options of {@code fleetcast run}, mixed into the command: {@code --out DIR} writes one folder
 * per scenario (and a comparison of two or more) through {@link OutputWriter}; {@code --format} picks the
 * files; {@code --csv-groupings} the groupings of the CSV files; {@code --quiet} turns the progress bar off. The bar only ever appears on an interactive terminal
 * outside CI (see {@link ConsoleProgress#forStandardError(boolean)}).
 *
 * <p>Order of work, so that bad input leaves nothing behind: {@link #check(List)} before projecting (two
 * scenarios with one name: exit code 2; a folder that cannot be created or written: exit code 3; another
 * fleetcast writing there: exit code 2), which also takes the folder's lock, then {@link #write} after every
 * scenario projected, then {@link #close}. Each scenario's folder is switched in whole ({@link ResultFolder}).
 */
final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write DIR/SCENARIO/ (results-long.csv, results-wide.csv, results.json, report.html) "
                    + "and, for two or more scenarios, DIR/comparison.csv and DIR/comparison.html. "
                    + "- writes to standard output instead: --format json (results.json, one scenario; the default) "
                    + "or --format csv (the long CSV, every scenario), and no console tables.")
    Path out;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "csv,json,html", converter = FormatsConverter.class,
            description = "Files to write with --out: a comma-separated list of csv, json, html, png (png: every chart "
                    + "as DIR/SCENARIO/charts/NAME.png), parquet (DIR/SCENARIO/results-long.parquet; needs the Parquet "
                    + "module, which ./fleetcast adds). Default: ${DEFAULT-VALUE}.")
    Set<Format> formats = Format.DEFAULT;

    @Option(names = "--csv-groupings", paramLabel = "LIST", defaultValue = "deployment,deal,total",
            converter = GroupingsConverter.class,
            description = "Groupings written to the CSV files with --out, in order: a comma-separated list of "
                    + "deployment, deal, accelerator, vendor, site, ownership, total. Default: ${DEFAULT-VALUE}.")
    List<Grouping> csvGroupings = OutputWriter.DEFAULT_GROUPINGS;

    @Option(names = "--quiet", description = "No progress bar on standard error.")
    boolean quiet;

    /** The open, locked output folder from {@link #check} to {@link #close}; null without --out. */
    private ResultFolder folder;

    /** Parses {@code --format}; a bad name is a usage error (exit code 2) naming the accepted ones. */
    static final class FormatsConverter implements CommandLine.ITypeConverter<Set<Format>> {
        @Override
        public Set<Format> convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Parses one {@code --csv-groupings} value: ids in the order given, repeats dropped; a bad or missing id is a usage
     * error (exit code 2) naming the accepted ones.
     */
    static final class GroupingsConverter implements CommandLine.ITypeConverter<List<Grouping>> {
        private static final String EXPECTED = "expected a comma-separated list of deployment, deal, accelerator, "
                + "vendor, site, ownership, total";

        @Override
        public List<Grouping> convert(String value) {
            Set<Grouping> out = new LinkedHashSet<>();
            for (String part : value.split(",")) {
                String id = part.trim();
                if (id.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Grouping.byId(id));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException("unknown grouping '" + id + "': " + EXPECTED);
                }
            }
            if (out.isEmpty()) {
                throw new CommandLine.TypeConversionException("no grouping given: " + EXPECTED);
            }
            return List.copyOf(out);
        }
    }

    /**
     * Checks, before any work, that the output can be written: the folder exists as a folder or can be
     * created, and no two scenarios share a name (they would share a folder).
     *
     * @param scenarios the scenarios to be projected
     * @throws BadInputException naming the problem
     */
    void check(List<Scenario> scenarios) {
        if (out == null) {
            return;
        }
        if (toStandardOutput()) {
            if (!(formats.equals(Set.of(Format.JSON)) || formats.equals(Set.of(Format.CSV)))) {
                throw new BadInputException("--out - writes one format to standard output: --format json or --format csv");
            }
            if (formats.contains(Format.JSON) && scenarios.size() > 1) {
                throw new BadInputException("--out - --format json writes one scenario's results.json; give one scenario, "
                        + "or --format csv (the long CSV has a scenario column), or --out DIR");
            }
            return;
        }
        checkAvailable(formats);
        if (out.toString().isBlank()) {
            // Path.of("") is the working folder: an unset shell variable (--out "$DIR") would scatter files there
            throw new BadInputException("--out is empty; give a folder, e.g. --out out/ (. for the current folder)");
        }
        Map<String, String> seen = new HashMap<>();
        for (Scenario s : scenarios) {
            String where = s.origin().map(o -> o.location()).orElse(s.name());
            String before = seen.putIfAbsent(s.name(), where);
            if (before != null) {
                throw new BadInputException("--out: " + before + " and " + where + " are both named '" + s.name()
                        + "' and would write the same folder " + out.resolve(s.name()) + "; rename one (scenario: NAME)");
            }
        }
        Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new OutputException(out, existing == null ? "no such place" : existing + " is a file, not a folder");
        }
        folder = openFolder(out);
    }

    /**
     * Checks that every requested format has its writer on the class path, before any work: a format whose module is
     * missing is a usage error (exit code 2) that says what to build, never a stack trace after the projection.
     *
     * @param formats the requested formats
     * @throws BadInputException naming the format and its module
     */
    static void checkAvailable(Set<Format> formats) {
        for (Format f : formats) {
            // csv and json are the engine's own: asking for them alone never loads the plug-in writers
            if (f == Format.CSV || f == Format.JSON || OutputWriter.available().contains(f)) {
                continue;
            }
            String hint = f == Format.PARQUET
                    ? "; build it with ./mvnw -pl parquet -am package (parquet/target/fleetcast-parquet.jar), which"
                            + " ./fleetcast then adds for --format parquet, or run java -cp"
                            + " cli/target/fleetcast.jar:parquet/target/fleetcast-parquet.jar io.fleetcast.cli.Main ..."
                    : "";
            throw new BadInputException("--format " + f.id() + ": " + f.id() + " files are written by " + f.module()
                    + ", which is not on the class path" + hint);
        }
    }

    /**
     * Opens and locks the output folder before any work, so that a folder that cannot be written (/proc/x, no
     * permission) fails at once, not after the projection, and a second writer fails at once.
     *
     * @param dir the output folder
     * @return the open folder
     * @throws BadInputException when another fleetcast holds its lock (exit code 2)
     * @throws OutputException   when it cannot be created or written (exit code 3)
     */
    static ResultFolder openFolder(Path dir) {
        try {
            return ResultFolder.open(dir);
        } catch (ResultFolder.BusyException e) {
            throw new BadInputException("--out " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OutputException(dir, e);
        }
    }

    /** Releases the output folder's lock (and removes a folder created for a run that wrote nothing). */
    void close() {
        if (folder != null) {
            folder.close();
            folder = null;
        }
    }

    /**
     * The progress listener for {@code units} steps of work, already begun; call {@code end()} when done.
     *
     * @param task  what is being done
     * @param units how many steps
     * @return a terminal bar, or {@link ProgressListener#NONE}
     */
    ProgressListener progress(String task, int units) {
        ProgressListener p = ConsoleProgress.forStandardError(quiet);
        p.begin(task, units);
        return p;
    }

    /**
     * Writes every scenario's files and the comparison, when {@code --out} was given, and lists the folders
     * written on {@code console}.
     *
     * @param projections    the projections, in command-line order
     * @param console        where to list what was written. Modified.
     * @param standardOutput where {@code --out -} writes the results. Modified.
     * @throws OutputException when a file cannot be written (permissions, disk full), naming it (exit code 3)
     */
    void write(List<Projection> projections, PrintWriter console, PrintWriter standardOutput) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Projection p : projections) {
            results.add(ScenarioResult.of(p));
        }
        writeResults(results, console, standardOutput);
    }

    /** Whether {@code --out -}: the results go to standard output. */
    boolean toStandardOutput() {
        return out != null && out.toString().equals("-");
    }

    /**
     * Writes results that carry more than a projection (Monte Carlo bands), as {@link #write} does.
     *
     * @param results        the results, in command-line order
     * @param console        where to list what was written. Modified.
     * @param standardOutput where {@code --out -} writes the results. Modified.
     * @throws OutputException when a file cannot be written, naming it (exit code 3)
     */
    void writeResults(List<ScenarioResult> results, PrintWriter console, PrintWriter standardOutput) {
        if (out == null) {
            return;
        }
        if (toStandardOutput()) {
            writeToStandardOutput(results, standardOutput);
            return;
        }
        // a repeated --csv-groupings adds to the list: write each grouping once, in first-mention order
        OutputWriter.Options options = new OutputWriter.Options(out, formats, List.copyOf(new LinkedHashSet<>(csvGroupings)));
        RunInfo run = RunInfo.current(Clock.systemUTC());
        List<String> lines = new ArrayList<>();
        ProgressListener progress = progress("writing " + results.size() + (results.size() == 1 ? " scenario" : " scenarios"),
                results.size() + 1);
        if (folder == null) {
            folder = openFolder(out);
        }
        try {
            for (String removed : folder.removedStale()) {
                lines.add("removed " + removed + " (left in " + out + " by an interrupted run)");
            }
            for (ScenarioResult r : results) {
                List<Path> files = OutputWriter.writeScenario(folder, r, run, options, java.util.Map.of());
                lines.add("wrote " + OutputWriter.scenarioFolder(options, r.name()) + "/ (" + names(files) + ")");
                progress.advance(1);
            }
            List<Path> comparison = OutputWriter.writeComparison(folder, results, run, options);
            if (!comparison.isEmpty()) {
                lines.add("wrote " + names(comparison) + " in " + out + "/");
            }
            progress.advance(1);
        } catch (IOException e) {
            throw new OutputException(out, e);
        } finally {
            progress.end();
        }
        console.println();
        for (String line : lines) {
            console.println(line);
        }
        console.flush();
    }

    /**
     * {@code --out -}: results.json of the one scenario, or the long CSV of every scenario with one header,
     * after every scenario was projected (a bad one leaves standard output empty).
     */
    private void writeToStandardOutput(List<ScenarioResult> results, PrintWriter standardOutput) {
        List<Grouping> groupings = List.copyOf(new LinkedHashSet<>(csvGroupings));
        try {
            if (formats.contains(Format.JSON)) {
                java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
                io.fleetcast.write.JsonWriter.write(results.get(0), RunInfo.current(Clock.systemUTC()), json);
                standardOutput.write(json.toString(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                for (int i = 0; i < results.size(); i++) {
                    java.io.StringWriter csv = new java.io.StringWriter();
                    io.fleetcast.write.CsvWriter.writeLong(results.get(i), groupings, csv);
                    String text = csv.toString();
                    // one header for the whole stream: the rows carry the scenario's name
                    standardOutput.write(i == 0 ? text : text.substring(text.indexOf('\n') + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        standardOutput.flush();
    }

    private static String names(List<Path> files) {
        StringBuilder b = new StringBuilder();
        int charts = 0;
        for (Path f : files) {
            if (f.getParent() != null && f.getParent().getFileName().toString().equals("charts")) {
                charts++;
                continue;
            }
            b.append(b.isEmpty() ? "" : ", ").append(f.getFileName());
        }
        if (charts > 0) {
            b.append(b.isEmpty() ? "" : ", ").append(charts).append(" charts in charts/");
        }
        return b.toString();
    }
}
