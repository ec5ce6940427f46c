package io.fleetcast.write;

import io.fleetcast.model.Grouping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the files of a batch of scenarios into an output folder:
 *
 * <pre>
 * OUT/SCENARIO/results-long.csv    (csv)   tidy: one value per row, see {@link CsvWriter}
 * OUT/SCENARIO/results-wide.csv    (csv)   one row per period, one column per metric x group
 * OUT/SCENARIO/results.json        (json)  summary, sizing, inputs, provenance, cube, bands; see {@link JsonWriter}
 * OUT/SCENARIO/report.html         (html)  self-contained report (the report module, a {@link FormatWriter})
 * OUT/SCENARIO/charts/NAME.png     (png)   the report's charts
 * OUT/SCENARIO/results-long.parquet (parquet) the rows of results-long.csv, typed (the Parquet module, a FormatWriter)
 * OUT/comparison.csv               (csv, two or more scenarios)  headline figures, one row per scenario
 * OUT/comparison.html              (html, two or more scenarios) the same side by side, with charts
 * OUT/charts/compare-NAME.png      (png, two or more scenarios)
 * </pre>
 *
 * Each scenario's folder is one set, and the comparison files another, switched in whole by {@link ResultFolder}:
 * an interrupted, killed or failed run leaves the old complete set or the new one, never a mix.
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
            for (Format f : formats) {
                if (!available().contains(f)) {
                    throw new IllegalArgumentException("format " + f.id() + " is written by " + f.module()
                            + ", which is not on the class path");
                }
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

    /** The folder of a scenario's files: {@code OUT/<scenario name>} (a link to the current set). */
    public static Path scenarioFolder(Options options, String scenario) {
        return options.folder().resolve(scenario);
    }

    /**
     * Writes one scenario's files as one set (see {@link ResultFolder}): locks the folder, builds the set in a
     * hidden sibling and switches it in with one rename.
     *
     * @param result  its results
     * @param run     version, JDK and time for the provenance
     * @param options where and what
     * @return the files written, under the visible folder {@code OUT/SCENARIO}, in order
     * @throws IOException when a folder or file cannot be written (the message names it; the folder then holds the
     *                     previous complete set), or another writer holds the folder ({@link ResultFolder.BusyException})
     */
    public static List<Path> writeScenario(ScenarioResult result, RunInfo run, Options options) throws IOException {
        try (ResultFolder folder = ResultFolder.open(options.folder())) {
            return writeScenario(folder, result, run, options, Map.of());
        }
    }

    /**
     * Writes one scenario's files, and any extra text files, as one set into an open folder.
     *
     * @param folder  the open, locked output folder
     * @param result  its results
     * @param run     version, JDK and time for the provenance
     * @param options what to write (its folder is {@code folder}'s)
     * @param extra   more files of the set: name to UTF-8 text, written first (e.g. sensitivity.csv); not modified
     * @return the files written, under the visible folder {@code OUT/SCENARIO}, in order
     * @throws IOException when a file cannot be written; the staged set is then removed and the old one stays
     */
    public static List<Path> writeScenario(ResultFolder folder, ScenarioResult result, RunInfo run, Options options,
                                           Map<String, String> extra) throws IOException {
        ResultFolder.Staged staged = folder.stage(result.name());
        Path dir = staged.folder();
        List<String> written = new ArrayList<>();
        boolean done = false;
        try {
            for (Map.Entry<String, String> e : extra.entrySet()) {
                AtomicFiles.writeString(dir.resolve(e.getKey()), e.getValue());
                written.add(e.getKey());
            }
            if (options.formats().contains(Format.CSV)) {
                written.add(name(text(dir.resolve("results-long.csv"), w -> CsvWriter.writeLong(result, options.groupings(), w))));
                written.add(name(text(dir.resolve("results-wide.csv"), w -> CsvWriter.writeWide(result, options.groupings(), w))));
            }
            if (options.formats().contains(Format.JSON)) {
                AtomicFiles.write(dir.resolve("results.json"), out -> JsonWriter.write(result, run, out));
                written.add("results.json");
            }
            for (Map.Entry<FormatWriter, Set<Format>> e : plugins(options.formats()).entrySet()) {
                written.addAll(e.getKey().writeScenario(result, run, e.getValue(), options.groupings(), dir));
            }
            Path visible = folder.commit(staged);
            done = true;
            List<Path> out = new ArrayList<>();
            for (String w : written) {
                out.add(visible.resolve(w));
            }
            return out;
        } finally {
            if (!done) {
                folder.abandon(staged);
            }
        }
    }

    /** The hidden set behind the comparison files: {@code OUT/.comparison -> ..comparison.fc-ID}. */
    static final String COMPARISON_SET = ".comparison";

    /**
     * Writes the comparison of two or more scenarios as one set; does nothing for fewer.
     *
     * @param results the scenarios' results, in command-line order
     * @param run     version, JDK and time
     * @param options where and what
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static List<Path> writeComparison(List<ScenarioResult> results, RunInfo run, Options options) throws IOException {
        try (ResultFolder folder = ResultFolder.open(options.folder())) {
            return writeComparison(folder, results, run, options);
        }
    }

    /**
     * Writes the comparison of two or more scenarios into an open folder as one set: the files are built in
     * a hidden version, {@code OUT/.comparison} is switched to it in one rename, and {@code OUT/comparison.csv},
     * {@code OUT/comparison.html} and {@code OUT/charts} are fixed links through it.
     *
     * @param folder  the open, locked output folder
     * @param results the scenarios' results, in command-line order
     * @param run     version, JDK and time
     * @param options what to write
     * @return the files written (visible paths); empty for fewer than two scenarios
     * @throws IOException when a file cannot be written; the old comparison then stays
     */
    public static List<Path> writeComparison(ResultFolder folder, List<ScenarioResult> results, RunInfo run, Options options)
            throws IOException {
        List<Path> written = new ArrayList<>();
        if (results.size() < 2) {
            return written;
        }
        ResultFolder.Staged staged = folder.stage(COMPARISON_SET);
        Path dir = staged.folder();
        List<String> names = new ArrayList<>();
        boolean done = false;
        try {
            if (options.formats().contains(Format.CSV)) {
                names.add(name(text(dir.resolve("comparison.csv"), w -> Comparison.writeCsv(results, w))));
            }
            for (Map.Entry<FormatWriter, Set<Format>> e : plugins(options.formats()).entrySet()) {
                names.addAll(e.getKey().writeComparison(results, run, e.getValue(), dir));
            }
            folder.commit(staged);
            done = true;
        } finally {
            if (!done) {
                folder.abandon(staged);
            }
        }
        Set<String> linked = new java.util.LinkedHashSet<>();
        for (String n : names) {
            String top = n.contains("/") ? n.substring(0, n.indexOf('/')) : n;
            if (linked.add(top)) {
                folder.link(top, Path.of(COMPARISON_SET, top));
            }
            written.add(folder.dir().resolve(n));
        }
        return written;
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static Path text(Path file, AtomicFiles.TextWriter content) throws IOException {
        AtomicFiles.writeText(file, content);
        return file;
    }

    /** The writers of the formats beyond CSV and JSON, loaded once, on first use. */
    private static final class Plugins {
        static final Map<Format, FormatWriter> BY_FORMAT = load();

        private static Map<Format, FormatWriter> load() {
            Map<Format, FormatWriter> out = new java.util.EnumMap<>(Format.class);
            for (FormatWriter w : java.util.ServiceLoader.load(FormatWriter.class, OutputWriter.class.getClassLoader())) {
                for (Format f : w.formats()) {
                    if (f == Format.CSV || f == Format.JSON) {
                        throw new IllegalStateException(w.getClass().getName() + " claims " + f.id() + ", which the engine writes");
                    }
                    out.putIfAbsent(f, w);
                }
            }
            return out;
        }
    }

    /**
     * The formats that can be written here: {@link Format#CSV} and {@link Format#JSON}, and those of every
     * {@link FormatWriter} on the class path.
     *
     * @return the formats
     */
    public static Set<Format> available() {
        Set<Format> out = java.util.EnumSet.of(Format.CSV, Format.JSON);
        out.addAll(Plugins.BY_FORMAT.keySet());
        return out;
    }

    /**
     * The formats written when none are named ({@link Format#DEFAULT}) that can be written here: csv and json, and
     * html where the report module is on the class path.
     *
     * @return the formats
     */
    public static Set<Format> defaults() {
        Set<Format> out = java.util.EnumSet.copyOf(Format.DEFAULT);
        out.retainAll(available());
        return out;
    }

    /** The plug-in writers of the requested formats, each with its share, in format order. */
    private static Map<FormatWriter, Set<Format>> plugins(Set<Format> requested) {
        Map<FormatWriter, Set<Format>> out = new java.util.LinkedHashMap<>();
        for (Format f : Format.values()) {
            if (requested.contains(f) && f != Format.CSV && f != Format.JSON) {
                out.computeIfAbsent(Plugins.BY_FORMAT.get(f), w -> java.util.EnumSet.noneOf(Format.class)).add(f);
            }
        }
        return out;
    }
}
