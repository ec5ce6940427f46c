package io.fleetcast.report;

import io.fleetcast.write.QuantileBands;
import io.fleetcast.write.ScenarioResult;
import io.fleetcast.write.Tornado;
import io.fleetcast.write.WriteFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Projection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final Projection projection = WriteFixtures.projection("two-deployments");

    @Test
    void render_singleProjection_sectionsAndSevenCharts() {
        String html = HtmlReport.render(ScenarioResult.of(projection), WriteFixtures.RUN);
        for (String id : List.of("summary", "sizing", "charts", "assumptions", "provenance")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertFalse(html.contains("id=\"uncertainty\""));
        assertFalse(html.contains("id=\"sensitivity\""));
        // active, facility power, energy, energy cost, cumulative cash/TCO, compute, carbon
        assertEquals(7, count(html, "<img class=\"chart\""));
    }

    @Test
    void render_anyReport_selfContainedWithoutScriptsOrRemoteResources() {
        String html = HtmlReport.render(withBandsAndTornado(), WriteFixtures.RUN);
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        Matcher src = Pattern.compile("src=\"([^\"]{0,40})").matcher(html);
        int images = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), src.group(1));
            images++;
        }
        // 7 charts + 8 band charts (total) + 1 tornado
        assertEquals(16, images);
    }

    @Test
    void render_catalogTextWithMarkup_escaped() {
        String html = HtmlReport.render(ScenarioResult.of(projection), WriteFixtures.RUN);
        // the fixture's accelerator is named: AMD Instinct MI450 <test> & "friends"
        assertTrue(html.contains("AMD Instinct MI450 &lt;test&gt; &amp; &quot;friends&quot;"));
        assertFalse(html.contains("<test>"));
        // its capex source becomes a link with the ampersand escaped
        assertTrue(html.contains("<a href=\"https://ir.amd.com/x?a=1&amp;b=2\""));
    }

    @Test
    void render_assumptions_everyFigureWithConfidence() {
        String html = HtmlReport.render(ScenarioResult.of(projection), WriteFixtures.RUN);
        assertTrue(html.contains("<td>capex</td><td class=\"val\">$55,000</td><td><span class=\"conf estimate\">estimate</span>"));
        assertTrue(html.contains("<td>useful-life</td><td class=\"val\">6 years (52,596 h)</td>"));
        assertTrue(html.contains("<td>electricity-price</td><td class=\"val\">66 USD/MWh</td><td><span class=\"conf unsourced\">"));
    }

    @Test
    void render_bandsWithSummaryQuantiles_quantileColumnsInSummary() {
        String html = HtmlReport.render(withBandsAndTornado(), WriteFixtures.RUN);
        assertTrue(html.contains("<section id=\"uncertainty\">"));
        assertTrue(html.contains("<th class=\"num\">P10</th><th class=\"num\">P90</th>"));
        assertTrue(html.contains("<section id=\"sensitivity\">"));
        assertTrue(html.contains("<td>accelerators.mi450.capex</td>"));
    }

    @Test
    void chartGrouping_oneDealTwoDeployments_byDeployment() {
        assertEquals(Grouping.DEPLOYMENT, HtmlReport.chartGrouping(projection));
    }

    private ScenarioResult withBandsAndTornado() {
        MetricCube total = projection.cube(Grouping.TOTAL);
        QuantileBands cubes = QuantileBands.ofCubes(new double[] {0.1, 0.9}, List.of(total.scaled(0.8), total.scaled(1.3)), 50);
        // the same bands with summary quantiles of the TCO total only
        QuantileBands bands = QuantileBands.of(cubes.grouping(), cubes.groups(), cubes.timeline(), 50, true, cubes.probabilities(),
                cubes::quantile, figure -> figure.equals("total.tco_usd")
                        ? java.util.Optional.of(new double[] {1, 2}) : java.util.Optional.empty());
        Tornado t = new Tornado("total.tco_usd", 1e9, "P10", "P90",
                List.of(new Tornado.Bar("accelerators.mi450.capex", "USD", 45_000, 70_000, 0.8e9, 1.3e9)));
        return ScenarioResult.of(projection).withBands(bands).withTornado(t);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
