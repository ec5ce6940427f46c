package io.fleetcast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.write.ScenarioResult;
import io.fleetcast.write.WriteFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

    private static ScenarioResult golden(String file) throws ScenarioException {
        return ScenarioResult.of(Fleetcast.project(Fleetcast.load(WriteFixtures.GOLDEN.resolve(file))));
    }

    @Test
    void renderHtml_twoScenarios_linksToReportsAndTenCharts() throws Exception {
        String html = ComparisonReport.renderHtml(List.of(golden("small-fleet.yaml"), golden("small-fleet-b.yaml")), WriteFixtures.RUN,
                List.of(Optional.of("small-fleet/report.html"), Optional.empty()));
        assertTrue(html.contains("<a href=\"small-fleet/report.html\">small-fleet</a>"));
        assertTrue(html.contains("<th class=\"num\">small-fleet-b</th>"));
        // 8 headline bar charts + facility power + cumulative cash over time
        assertEquals(10, html.split("<img class=\"chart\"", -1).length - 1);
    }
}
