package io.fleetcast.report;

import io.fleetcast.write.HumanUnits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Step;
import io.fleetcast.model.Timeline;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.Chart;

class ChartsTest {

    /** 96 months from 2026-07, like the AMD-OpenAI scenario. */
    private static final Timeline MONTHS = Timeline.of(LocalDateTime.of(2026, 7, 1, 0, 0), LocalDateTime.of(2034, 7, 1, 0, 0), Step.MONTH);

    @Test
    void stackedArea_twoGroups_pngOfTheChartSizeWithColouredPlot() throws IOException {
        int n = MONTHS.periods();
        double[] first = new double[n];
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = Math.min(1000, i * 1000 / 6.0);
            next[i] = Math.max(0, Math.min(5000, (i - 12) * 5000 / 36.0));
        }
        Chart<?, ?> chart = Charts.stackedArea("Facility power by deployment", TimeAxis.of(MONTHS), HumanUnits.Dimension.POWER_MW, "",
                List.of(new Charts.Series("mi450-first-gw", first), new Charts.Series("mi450-next-5gw", next)));
        BufferedImage image = decode(Charts.png(chart));
        dump("stacked", chart);
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        // the plot is mostly filled: well over a tenth of the pixels are neither white nor grey grid
        assertTrue(colouredFraction(image) > 0.3, "fraction " + colouredFraction(image));
    }

    @Test
    void band_lowHighMedianMean_rendersPolygon() throws IOException {
        int n = MONTHS.periods();
        double[] low = new double[n];
        double[] mid = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            mid[i] = 1e8 + 1e6 * i;
            low[i] = mid[i] * (1 - 0.002 * i);
            high[i] = mid[i] * (1 + 0.003 * i);
        }
        Chart<?, ?> chart = Charts.band("TCO per month", TimeAxis.of(MONTHS), HumanUnits.Dimension.USD, " per month",
                "P10-P90", low, high, "P50", mid, mid);
        dump("band", chart);
        assertTrue(colouredFraction(decode(Charts.png(chart))) > 0.1);
    }

    @Test
    void dataUri_anyChart_isBase64OfPng() {
        Chart<?, ?> chart = Charts.bars("Peak facility power", 600, 400, HumanUnits.Dimension.POWER_MW,
                List.of("amd-openai-6gw", "portfolio"), List.of(new Charts.Series("peak", new double[] {6000, 21000})));
        dump("bars", chart);
        String uri = Charts.dataUri(chart);
        assertTrue(uri.startsWith("data:image/png;base64,"));
        byte[] png = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
        // PNG signature: 0x89 'P' 'N' 'G'
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void tornado_threeInputs_rendersBars() throws IOException {
        Chart<?, ?> chart = Charts.tornado("TCO: inputs at P10 and P90", HumanUnits.Dimension.USD,
                List.of("accelerators.mi450.capex", "sites.us-tx.electricity-price", "sites.us-tx.pue"),
                "input at P10", new double[] {-4e9, -1.5e9, -0.4e9}, "input at P90", new double[] {6e9, 2.5e9, 0.5e9});
        dump("tornado", chart);
        assertTrue(colouredFraction(decode(Charts.png(chart))) > 0.1);
    }

    @Test
    void limit_twelveSeries_keepsNineLargestAndSumsTheRestAsOther() {
        List<Charts.Series> many = new java.util.ArrayList<>();
        for (int s = 0; s < 12; s++) {
            many.add(new Charts.Series("g" + s, new double[] {s, 1}));
        }
        List<Charts.Series> shown = Charts.limit(many, 10);
        assertEquals(10, shown.size());
        // g3..g11 are the 9 largest (sums 4..12) and keep their order; g0+g1+g2 = {0+1+2, 3}
        assertEquals("g3", shown.get(0).name());
        assertEquals("other", shown.get(9).name());
        assertEquals(3.0, shown.get(9).values()[0]);
        assertEquals(3.0, shown.get(9).values()[1]);
    }

    @Test
    void timeAxis_monthlyFromJuly2026_decimalYearsAndCalendarLabels() {
        TimeAxis axis = TimeAxis.of(MONTHS);
        // 2026-07-01 is day 181 of a 365-day year: 2026 + 181 * 24 / 8760
        assertEquals(2026 + 181.0 / 365, axis.starts()[0], 1e-12);
        assertEquals("2027", axis.labels().apply(2027.0));
        assertEquals("Jul 2026", axis.labels().apply(2026.5));
    }

    @Test
    void timeAxis_fifteenDays_daysFromStart() {
        Timeline days = Timeline.of(LocalDateTime.of(2025, 3, 1, 0, 0), LocalDateTime.of(2025, 3, 16, 0, 0), Step.DAY);
        TimeAxis axis = TimeAxis.of(days);
        assertEquals("days from 2025-03-01 00:00 UTC", axis.title());
        assertEquals(14.0, axis.starts()[14]);
        assertEquals(15.0, axis.ends()[14]);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Share of pixels that are not (near) white: plot fills, lines, text. */
    static double colouredFraction(BufferedImage image) {
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.min(r, Math.min(g, b)) < 235) {
                    coloured++;
                }
            }
        }
        return (double) coloured / ((long) image.getWidth() * image.getHeight());
    }

    /** Writes the chart to the folder named by -Dfc.chartDump, to look at while developing. */
    private static void dump(String name, Chart<?, ?> chart) {
        String dir = System.getProperty("fc.chartDump");
        if (dir != null) {
            try {
                Files.write(Path.of(dir, name + ".png"), Charts.png(chart));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
