package io.fleetcast.parquet;

import io.fleetcast.model.Grouping;
import io.fleetcast.write.AtomicFiles;
import io.fleetcast.write.Format;
import io.fleetcast.write.FormatWriter;
import io.fleetcast.write.OutputWriter;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Format#PARQUET}, plugged into the engine's writer ({@link OutputWriter}) through this module's service file:
 * {@code OUT/SCENARIO/results-long.parquet}, the rows and columns of {@code results-long.csv} as a typed table
 * ({@link LongTable}). It lives in its own module and plugin jar ({@code parquet/target/fleetcast-parquet.jar}) so that
 * parquet-java stays out of the engine and the command line; {@code ./fleetcast} puts the jar on the class path when
 * {@code --format} asks for parquet.
 *
 * <p>The file is written through {@link AtomicFiles} into the scenario's staged folder: a failed write leaves no file,
 * and the whole set is abandoned. There is no comparison table: {@code comparison.csv} has one row per scenario.
 */
public final class ParquetFormat implements FormatWriter {

    /** Called by the service loader. */
    public ParquetFormat() {
    }

    @Override
    public Set<Format> formats() {
        return EnumSet.of(Format.PARQUET);
    }

    /** With the default groupings of the CSV files ({@link OutputWriter#DEFAULT_GROUPINGS}). */
    @Override
    public List<String> writeScenario(ScenarioResult result, RunInfo run, Set<Format> requested, Path dir) throws IOException {
        return writeScenario(result, run, requested, OutputWriter.DEFAULT_GROUPINGS, dir);
    }

    @Override
    public List<String> writeScenario(ScenarioResult result, RunInfo run, Set<Format> requested, List<Grouping> groupings,
                                      Path dir) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("fleetcast.table", "results-long");
        metadata.put("fleetcast.version", run.fleetcastVersion());
        metadata.put("fleetcast.written", run.time().toString());
        AtomicFiles.write(dir.resolve(LongTable.FILE), out -> LongTable.write(result, groupings, metadata, out));
        return List.of(LongTable.FILE);
    }

    @Override
    public List<String> writeComparison(List<ScenarioResult> results, RunInfo run, Set<Format> requested, Path dir) {
        return List.of();
    }
}
