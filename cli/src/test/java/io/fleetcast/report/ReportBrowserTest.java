package io.fleetcast.report;

import io.fleetcast.write.Format;
import io.fleetcast.write.OutputWriter;
import io.fleetcast.write.QuantileBands;
import io.fleetcast.write.ScenarioResult;
import io.fleetcast.write.Tornado;
import io.fleetcast.write.WriteFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Projection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the reports in a real browser (headless Chromium) and checks that a person would see charts:
 * every chart image decoded at its full size, every chart region of the screenshot has ink, and the
 * page logged nothing to the console. Skipped when chromium is not installed, except on CI, where it
 * must run (see {@link Chromium#requireOrSkip()}).
 *
 * <p>To look at the screenshots: {@code -Dfc.screenshots=/some/folder} keeps them there.
 */
class ReportBrowserTest {

    @TempDir
    Path work;

    @Test
    void report_amdOpenAiWithBandsAndTornado_everyChartRenderedNoConsoleErrors() throws Exception {
        Chromium chromium = Chromium.requireOrSkip();
        Projection p = Fleetcast.project(Fleetcast.builtIn("amd-openai-6gw"), Mode.EXPECTED, 0L);
        MetricCube total = p.cube(Grouping.TOTAL);
        // bands and tornado shaped like Monte Carlo output: what is checked here is the drawing, not the numbers
        QuantileBands bands = QuantileBands.ofCubes(new double[] {0.1, 0.5, 0.9},
                List.of(total.scaled(0.85), total, total.scaled(1.2)), 100);
        double tco = p.summary().total(io.fleetcast.model.Metric.TCO_USD);
        Tornado tornado = new Tornado("total.tco_usd", tco, "P10", "P90", List.of(
                new Tornado.Bar("accelerators.mi450.capex", "USD", 48_000, 64_000, tco * 0.93, tco * 1.09),
                new Tornado.Bar("sites.us-tx.electricity-price", "USD/MWh", 52, 85, tco * 0.97, tco * 1.05)));
        ScenarioResult result = ScenarioResult.of(p).withBands(bands).withTornado(tornado);
        List<Path> files = OutputWriter.writeScenario(result, WriteFixtures.RUN,
                OutputWriter.Options.of(work.resolve("out"), EnumSet.of(Format.HTML)));
        Path report = files.get(0);
        // 7 charts, 8 band charts, 1 tornado
        check(chromium, report, 16, "report");
    }

    @Test
    void comparison_twoScenarios_everyChartRenderedNoConsoleErrors() throws Exception {
        Chromium chromium = Chromium.requireOrSkip();
        ScenarioResult a = ScenarioResult.of(Fleetcast.project(Fleetcast.load(WriteFixtures.GOLDEN.resolve("small-fleet.yaml"))));
        ScenarioResult b = ScenarioResult.of(Fleetcast.project(Fleetcast.load(WriteFixtures.GOLDEN.resolve("small-fleet-b.yaml"))));
        List<Path> files = OutputWriter.writeComparison(List.of(a, b), WriteFixtures.RUN,
                OutputWriter.Options.of(work.resolve("out"), EnumSet.of(Format.HTML)));
        // 8 bar charts of headline figures, facility power and cumulative cash over time
        check(chromium, files.get(0), 10, "comparison");
    }

    private void check(Chromium chromium, Path html, int expectedCharts, String name) throws Exception {
        Chromium.Page page = chromium.open(html, Files.createDirectory(work.resolve("browser-" + name)));
        String keep = System.getProperty("fc.screenshots");
        if (keep != null) {
            ImageIO.write(page.screenshot(), "png", Path.of(keep, name + ".png").toFile());
        }
        assertEquals(List.of(), Chromium.consoleMessages(page.console()), "console output of " + html);
        assertEquals(expectedCharts, page.charts().size(), "chart images found on the page");
        for (int i = 0; i < page.charts().size(); i++) {
            Chromium.Box box = page.charts().get(i);
            assertTrue(box.naturalWidth() >= ComparisonReport.BAR_WIDTH, "chart " + i + " did not decode: " + box);
            assertTrue(box.width() > 500 && box.height() > 200, "chart " + i + " is too small to read: " + box);
            assertTrue(box.y() + box.height() <= page.screenshot().getHeight(), "chart " + i + " is outside the screenshot");
            double ink = Chromium.inkFraction(page.screenshot(), box);
            // a chart has axes, labels, a legend and filled or drawn series: well over 3 % of its pixels
            assertTrue(ink > 0.03, "chart " + i + " of " + name + " looks blank: " + ink + " of its pixels have ink");
        }
    }
}
