package io.fleetcast.report;

import io.fleetcast.write.AtomicFiles;
import io.fleetcast.write.Format;
import io.fleetcast.write.FormatWriter;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The report's formats, plugged into the engine's writer ({@link io.fleetcast.write.OutputWriter}) through its
 * service file: {@code report.html} and {@code comparison.html} ({@link Format#HTML}), and every chart as
 * {@code charts/NAME.png} ({@link Format#PNG}). They live here, beside the command line, so that the chart and PDF
 * stack (XChart and its dependencies) stays out of the engine artifact.
 */
public final class ReportFormats implements FormatWriter {

    /** Called by the service loader. */
    public ReportFormats() {
    }

    @Override
    public Set<Format> formats() {
        return EnumSet.of(Format.HTML, Format.PNG);
    }

    @Override
    public List<String> writeScenario(ScenarioResult result, RunInfo run, Set<Format> requested, Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        if (requested.contains(Format.HTML)) {
            AtomicFiles.writeText(dir.resolve("report.html"), w -> w.write(HtmlReport.render(result, run)));
            written.add("report.html");
        }
        if (requested.contains(Format.PNG)) {
            Map<String, Chart<?, ?>> all = new LinkedHashMap<>(HtmlReport.charts(result.projection()));
            result.bands().ifPresent(b -> all.putAll(HtmlReport.bandCharts(result.projection(), b)));
            result.tornado().ifPresent(t -> all.put("tornado", HtmlReport.tornadoChart(t)));
            written.addAll(pngs(dir, all));
        }
        return written;
    }

    @Override
    public List<String> writeComparison(List<ScenarioResult> results, RunInfo run, Set<Format> requested, Path dir)
            throws IOException {
        List<String> written = new ArrayList<>();
        if (requested.contains(Format.HTML)) {
            List<Optional<String>> links = new ArrayList<>();
            for (ScenarioResult r : results) {
                links.add(Optional.of(r.name() + "/report.html"));
            }
            AtomicFiles.writeText(dir.resolve("comparison.html"), w -> w.write(ComparisonReport.renderHtml(results, run, links)));
            written.add("comparison.html");
        }
        if (requested.contains(Format.PNG)) {
            written.addAll(pngs(dir, ComparisonReport.charts(results)));
        }
        return written;
    }

    private static List<String> pngs(Path dir, Map<String, Chart<?, ?>> charts) throws IOException {
        Path folder = dir.resolve("charts");
        Files.createDirectories(folder);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Chart<?, ?>> e : charts.entrySet()) {
            // group names (vendors, sites) become part of band chart names: keep file names portable
            String name = e.getKey().replaceAll("[^A-Za-z0-9._-]", "-") + ".png";
            AtomicFiles.writeBytes(folder.resolve(name), Charts.png(e.getValue()));
            out.add("charts/" + name);
        }
        return out;
    }
}
