package io.fleetcast.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.ScenarioException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static ScenarioResult golden(String file) throws ScenarioException {
        return ScenarioResult.of(Fleetcast.project(Fleetcast.load(GoldenFilesTest.GOLDEN.resolve(file))));
    }

    @Test
    void writeCsv_twoGoldenScenarios_oneRowEachWithExactHeadlines() throws Exception {
        StringWriter w = new StringWriter();
        Comparison.writeCsv(List.of(golden("small-fleet.yaml"), golden("small-fleet-b.yaml")), w);
        String[] lines = w.toString().split("\n");
        assertEquals(3, lines.length);
        String[] header = lines[0].split(",");
        String[] a = lines[1].split(",");
        String[] b = lines[2].split(",");
        assertEquals(Comparison.LEADING_COLUMNS.size() + Headline.ALL.size(), header.length);
        int accelerators = List.of(header).indexOf("resolved_accelerators");
        int capex = List.of(header).indexOf("total.capex_usd");
        int energyCost = List.of(header).indexOf("total.energy_cost_usd");
        // a: 1,000 owned + 100 leased; b: 2,000 owned
        assertEquals("1100", a[accelerators]);
        assertEquals("2000", b[accelerators]);
        // capex: 1,000 x 10,000 USD and 2,000 x 10,000 USD, at install in January
        assertEquals("10000000", a[capex]);
        assertEquals("20000000", b[capex]);
        // b's energy cost: 2,000 x 0.75 kW x 1.5 = 2.25 MW over Jan-Mar 2026 (2,160 h) = 4,860 MWh x 50 USD/MWh
        assertEquals(243_000, Double.parseDouble(b[energyCost]), 1e-6);
    }

    @Test
    void writeCsv_withSummaryQuantiles_extraRowPerQuantile() throws Exception {
        ScenarioResult a = golden("small-fleet.yaml");
        MetricCube total = a.projection().cube(Grouping.TOTAL);
        QuantileBands cubes = QuantileBands.ofCubes(new double[] {0.1, 0.9}, List.of(total, total), 20);
        QuantileBands bands = QuantileBands.of(cubes.grouping(), cubes.groups(), cubes.timeline(), 20, true, cubes.probabilities(),
                cubes::quantile, f -> f.equals("total.tco_usd") ? Optional.of(new double[] {1.5, 2.5}) : Optional.empty());
        StringWriter w = new StringWriter();
        Comparison.writeCsv(List.of(a.withBands(bands)), w);
        String[] lines = w.toString().split("\n", -1);
        // header, mean, p10, p90, and the final newline
        assertEquals(5, lines.length);
        assertTrue(lines[1].startsWith("small-fleet,expected,mean,exact,20,"), lines[1]);
        assertTrue(lines[2].startsWith("small-fleet,expected,p10,exact,20,"), lines[2]);
        int tco = List.of(lines[0].split(",")).indexOf("total.tco_usd");
        assertEquals("1.5", lines[2].split(",", -1)[tco]);
        assertEquals("", lines[2].split(",", -1)[tco - 1], "a figure without quantiles stays empty");
    }
}
