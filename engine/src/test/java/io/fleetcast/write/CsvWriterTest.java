package io.fleetcast.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Projection;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private final Projection projection = WriteFixtures.projection("two-deployments");

    @Test
    void writeLong_deploymentAndTotal_oneRowPerValue() throws IOException {
        String[] lines = longCsv(ScenarioResult.of(projection), List.of(Grouping.DEPLOYMENT, Grouping.TOTAL));
        assertEquals("scenario,mode,statistic,statistic_method,grouping,group,period_start,period_end,metric,unit,value", lines[0]);
        // 25 metrics x (2 deployments + 1 total) x 3 periods = 225 rows, plus the header
        assertEquals(1 + 25 * 3 * 3, lines.length);
        // first row: metric 0 (installed), group 0, period 0: (0 + 1) + 0 / 3 + 0 / 7 = 1
        assertEquals("two-deployments,expected,value,exact,deployment,first,2026-07-01T00:00:00Z,2026-08-01T00:00:00Z,installed,accelerators,1", lines[1]);
        // installed, group "next" (1), period 2: 1 + 1/3 + 2/7 = 1.619047619047619 (shortest round-trip digits)
        assertEquals("two-deployments,expected,value,exact,deployment,next,2026-09-01T00:00:00Z,2026-10-01T00:00:00Z,installed,accelerators,"
                + Numbers.exact(1 + 1 / 3.0 + 2 / 7.0), lines[6]);
    }

    @Test
    void writeLong_totalRows_sumOfDeployments() throws IOException {
        String[] lines = longCsv(ScenarioResult.of(projection), List.of(Grouping.TOTAL));
        // energy_mwh is metric 6: first (7 + 0 + 0) + next (7 + 1/3 + 0) in period 0
        String row = find(lines, ",total,2026-07-01T00:00:00Z,2026-08-01T00:00:00Z,energy_mwh,MWh,");
        assertEquals(7 + (7 + 1 / 3.0), Double.parseDouble(row.substring(row.lastIndexOf(',') + 1)));
    }

    @Test
    void writeLong_withBands_quantileRowsForTheBandsGrouping() throws IOException {
        MetricCube total = projection.cube(Grouping.TOTAL);
        QuantileBands bands = QuantileBands.ofCubes(new double[] {0.1, 0.9}, List.of(total.scaled(0.5), total.scaled(2)), 100);
        String[] lines = longCsv(ScenarioResult.of(projection).withBands(bands), List.of(Grouping.DEPLOYMENT));
        // mean rows 25 x 2 x 3 = 150, quantile rows 2 x 25 x 1 x 3 = 150
        assertEquals(1 + 150 + 150, lines.length);
        assertTrue(lines[1].startsWith("two-deployments,expected,mean,exact,deployment,"), lines[1]);
        String p90 = find(lines, ",p90,exact,total,total,2026-07-01T00:00:00Z,2026-08-01T00:00:00Z,installed,");
        // total installed in period 0 is 1 + (1 + 1/3) = 2.333..., times 2
        assertEquals(2 * (1.0 + (1 + 1 / 3.0)), Double.parseDouble(p90.substring(p90.lastIndexOf(',') + 1)));
    }

    @Test
    void writeWide_dealAndTotal_oneRowPerPeriodOneColumnPerMetricAndGroup() throws IOException {
        StringWriter w = new StringWriter();
        CsvWriter.writeWide(ScenarioResult.of(projection), List.of(Grouping.DEPLOYMENT, Grouping.TOTAL), w);
        String[] lines = w.toString().split("\n");
        assertEquals(1 + 3, lines.length);
        String[] header = lines[0].split(",");
        // 4 leading columns (period_start, period_end, hours, statistic) + 25 metrics x (2 deployments + total)
        assertEquals(4 + 25 * 3, header.length);
        assertEquals("installed[deployment=first]", header[4]);
        assertEquals("installed[total]", header[6]);
        String[] july = lines[1].split(",");
        assertEquals("2026-07-01 00:00:00", july[0]); // a date-time a spreadsheet reads, UTC
        assertEquals("744", july[2]); // 31 days x 24 h
        assertEquals("value", july[3]);
        assertEquals(projection.cube(Grouping.TOTAL).value(Metric.INSTALLED, 0, 0), Double.parseDouble(july[6]));
    }

    @Test
    void writeLong_estimatedBands_statisticMethodP2Estimate() throws IOException {
        MetricCube total = projection.cube(Grouping.TOTAL);
        QuantileBands bands = QuantileBands.of(total.grouping(), total.groups(), total.timeline(), 100, false,
                new double[] {0.5}, (q, metric, group, period) -> total.value(metric, group, period), null);
        String[] lines = longCsv(ScenarioResult.of(projection).withBands(bands), List.of(Grouping.TOTAL));
        // the mean rows are exact; the P50 rows say they are streaming estimates
        assertTrue(lines[1].startsWith("two-deployments,expected,mean,exact,total,"), lines[1]);
        assertTrue(lines[lines.length - 1].startsWith("two-deployments,expected,p50,p2-estimate,total,"), lines[lines.length - 1]);
    }

    @Test
    void writeWide_monteCarloMean_everyRowSaysMean() throws IOException {
        MetricCube total = projection.cube(Grouping.TOTAL);
        QuantileBands bands = QuantileBands.ofCubes(new double[] {0.1, 0.9}, List.of(total, total), 100);
        StringWriter w = new StringWriter();
        CsvWriter.writeWide(ScenarioResult.of(projection).withBands(bands), List.of(Grouping.TOTAL), w);
        String[] lines = w.toString().split("\n");
        for (int i = 1; i < lines.length; i++) {
            assertEquals("mean", lines[i].split(",")[3], lines[i]);
        }
    }

    @Test
    void wideColumn_groupNames_metricWithGroupingAndGroup() {
        assertEquals("energy_mwh[deal=amd-openai]", CsvWriter.wideColumn(Metric.ENERGY_MWH, Grouping.DEAL, "amd-openai"));
        assertEquals("tco_usd[total]", CsvWriter.wideColumn(Metric.TCO_USD, Grouping.TOTAL, "total"));
    }

    private static String[] longCsv(ScenarioResult r, List<Grouping> groupings) throws IOException {
        StringWriter w = new StringWriter();
        CsvWriter.writeLong(r, groupings, w);
        return w.toString().split("\n");
    }

    private static String find(String[] lines, String part) {
        for (String l : lines) {
            if (l.contains(part)) {
                return l;
            }
        }
        throw new AssertionError("no row contains " + part);
    }
}
