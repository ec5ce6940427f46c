package io.fleetcast.write;

import io.fleetcast.Grouping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes the files of a batch of scenarios into an output folder:
 *
 * <pre>
 * OUT/SCENARIO/results-long.csv    (csv)   tidy: one value per row, see {@link CsvWriter}
 * OUT/SCENARIO/results-wide.csv    (csv)   one row per period, one column per metric x group
 * OUT/SCENARIO/results.json        (json)  summary, sizing, inputs, provenance, cube, bands; see {@link JsonWriter}
 * OUT/SCENARIO/report.html         (html)  self-contained report; see {@link HtmlReport}
 * OUT/SCENARIO/charts/NAME.png     (png)   the report's charts
 * OUT/comparison.csv               (csv, two or more scenarios)  headline figures, one row per scenario
 * OUT/comparison.html              (html, two or more scenarios) the same side by side, with charts
 * OUT/charts/compare-NAME.png      (png, two or more scenarios)
 * </pre>
 *
 * Every file goes through {@link AtomicFiles}: an interrupted run leaves each file complete (old or new)
 * or absent.
 */
public final class OutputWriter {

    /** The groupings written to the CSV files unless told otherwise: by deployment, by deal and the total. */
    public static final List<Grouping> DEFAULT_GROUPINGS = List.of(Grouping.DEPLOYMENT, Grouping.DEAL, Grouping.TOTAL);

    /**
     * Where and what to write.
     *
     * @param folder    the output folder (created when missing)
     * @param formats   the formats to write, at least one
     * @param groupings the groupings of the CSV files, at least one
     */
    public record Options(Path folder, Set<Format> formats, List<Grouping> groupings) {

        /** Checks the parts and copies the collections. */
        public Options {
            Objects.requireNonNull(folder, "folder");
            formats = Set.copyOf(formats);
            groupings = List.copyOf(groupings);
            if (formats.isEmpty() || groupings.isEmpty()) {
                throw new IllegalArgumentException("at least one format and one grouping are needed");
            }
        }

        /**
         * The default groupings and the given formats.
         *
         * @param folder  the output folder
         * @param formats the formats
         * @return the options
         */
        public static Options of(Path folder, Set<Format> formats) {
            return new Options(folder, formats, DEFAULT_GROUPINGS);
        }
    }

    private OutputWriter() {
    }

    /** The folder of a scenario's files: {@code OUT/<scenario name>}. */
    public static Path scenarioFolder(Options options, String scenario) {
        return options.folder().resolve(scenario);
    }

    /**
     * Writes one scenario's files.
     *
     * @param result  its results
     * @param run     version, JDK and time for the provenance
     * @param options where and what
     * @return the files written, in order
     * @throws IOException when a folder cannot be created or a file cannot be written; files already
     *                     written stay, the one being written is left as it was
     */
    public static List<Path> writeScenario(ScenarioResult result, RunInfo run, Options options) throws IOException {
        Path dir = scenarioFolder(options, result.name());
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        if (options.formats().contains(Format.CSV)) {
            written.add(text(dir.resolve("results-long.csv"), w -> CsvWriter.writeLong(result, options.groupings(), w)));
            written.add(text(dir.resolve("results-wide.csv"), w -> CsvWriter.writeWide(result, options.groupings(), w)));
        }
        if (options.formats().contains(Format.JSON)) {
            Path json = dir.resolve("results.json");
            AtomicFiles.write(json, out -> JsonWriter.write(result, run, out));
            written.add(json);
        }
        if (options.formats().contains(Format.HTML)) {
            written.add(text(dir.resolve("report.html"), w -> w.write(HtmlReport.render(result, run))));
        }
        if (options.formats().contains(Format.PNG)) {
            Path charts = dir.resolve("charts");
            Files.createDirectories(charts);
            Map<String, Chart<?, ?>> all = new java.util.LinkedHashMap<>(HtmlReport.charts(result.projection()));
            result.bands().ifPresent(b -> all.putAll(HtmlReport.bandCharts(result.projection(), b)));
            result.tornado().ifPresent(t -> all.put("tornado", HtmlReport.tornadoChart(t)));
            written.addAll(pngs(charts, all));
        }
        return written;
    }

    /**
     * Writes the comparison of two or more scenarios; does nothing for fewer.
     *
     * @param results the scenarios' results, in command-line order
     * @param run     version, JDK and time
     * @param options where and what
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static List<Path> writeComparison(List<ScenarioResult> results, RunInfo run, Options options) throws IOException {
        List<Path> written = new ArrayList<>();
        if (results.size() < 2) {
            return written;
        }
        Files.createDirectories(options.folder());
        if (options.formats().contains(Format.CSV)) {
            written.add(text(options.folder().resolve("comparison.csv"), w -> Comparison.writeCsv(results, w)));
        }
        if (options.formats().contains(Format.HTML)) {
            List<Optional<String>> links = new ArrayList<>();
            for (ScenarioResult r : results) {
                links.add(Optional.of(r.name() + "/report.html"));
            }
            written.add(text(options.folder().resolve("comparison.html"), w -> w.write(Comparison.renderHtml(results, run, links))));
        }
        if (options.formats().contains(Format.PNG)) {
            Path charts = options.folder().resolve("charts");
            Files.createDirectories(charts);
            written.addAll(pngs(charts, Comparison.charts(results)));
        }
        return written;
    }

    private static Path text(Path file, AtomicFiles.TextWriter content) throws IOException {
        AtomicFiles.writeText(file, content);
        return file;
    }

    private static List<Path> pngs(Path dir, Map<String, Chart<?, ?>> charts) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, Chart<?, ?>> e : charts.entrySet()) {
            // group names (vendors, sites) become part of band chart names: keep file names portable
            Path file = dir.resolve(e.getKey().replaceAll("[^A-Za-z0-9._-]", "-") + ".png");
            AtomicFiles.writeBytes(file, Charts.png(e.getValue()));
            out.add(file);
        }
        return out;
    }
}
