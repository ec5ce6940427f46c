package io.fleetcast.write;

import io.fleetcast.model.Grouping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes result formats beyond the engine's own CSV and JSON, so that a format's libraries stay out of the engine
 * artifact: the report module ({@code fleetcast-cli}) adds {@link Format#HTML} and {@link Format#PNG} with its chart
 * stack, the Parquet module ({@code fleetcast-parquet}) {@link Format#PARQUET} with parquet-java. {@link OutputWriter} finds implementations with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.fleetcast.write.FormatWriter} entry, or {@code provides} in a module) and refuses a
 * format nobody on the class path writes ({@link OutputWriter#available()}).
 *
 * <p>Files are written into the staged folder of a result set (see {@link ResultFolder}); use
 * {@link AtomicFiles} so that a failure leaves no partial file, and throw to abandon the whole set.
 */
public interface FormatWriter {

    /**
     * The formats this writer adds; neither {@link Format#CSV} nor {@link Format#JSON}.
     *
     * @return the formats
     */
    Set<Format> formats();

    /**
     * Writes one scenario's files of the requested formats.
     *
     * @param result    the scenario's results
     * @param run       version, JDK and time for the provenance
     * @param requested the requested formats among {@link #formats()}, never empty
     * @param dir       the scenario's staged folder
     * @return the files written, relative to {@code dir} with {@code /} separators, in order
     * @throws IOException when a file cannot be written
     */
    List<String> writeScenario(ScenarioResult result, RunInfo run, Set<Format> requested, Path dir) throws IOException;

    /**
     * Writes one scenario's files of the requested formats, with the groupings the CSV files are written with
     * ({@link OutputWriter.Options#groupings()}); {@link OutputWriter} calls this one. A format that holds the rows of
     * {@code results-long.csv} (Parquet) needs them; the default ignores them.
     *
     * @param result    the scenario's results
     * @param run       version, JDK and time for the provenance
     * @param requested the requested formats among {@link #formats()}, never empty
     * @param groupings the groupings of the CSV files, in order, at least one
     * @param dir       the scenario's staged folder
     * @return the files written, relative to {@code dir} with {@code /} separators, in order
     * @throws IOException when a file cannot be written
     */
    default List<String> writeScenario(ScenarioResult result, RunInfo run, Set<Format> requested, List<Grouping> groupings,
                                       Path dir) throws IOException {
        return writeScenario(result, run, requested, dir);
    }

    /**
     * Writes the comparison files of two or more scenarios of the requested formats.
     *
     * @param results   the scenarios' results, in command-line order, at least two
     * @param run       version, JDK and time
     * @param requested the requested formats among {@link #formats()}, never empty
     * @param dir       the comparison's staged folder
     * @return the files written, relative to {@code dir} with {@code /} separators, in order
     * @throws IOException when a file cannot be written
     */
    List<String> writeComparison(List<ScenarioResult> results, RunInfo run, Set<Format> requested, Path dir)
            throws IOException;
}
