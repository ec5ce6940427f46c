package io.fleetcast.report;

import io.fleetcast.write.HumanUnits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn by XChart and encoded as PNG. One look for all of them: white
 * background, light grid, opaque fills from a colour-blind-safe palette, legend below the plot, one
 * display unit per axis chosen by {@link HumanUnits#scaleFor} from the largest value.
 *
 * <p>PNG rather than SVG: XChart's SVG export (VectorGraphics2D) writes every glyph as a path, which
 * made a 96-period area chart 255 kB against 21 kB as PNG; the report embeds a dozen charts.
 */
public final class Charts {

    /** Width of every chart, pixels. */
    public static final int WIDTH = 1100;
    /** Height of a time chart, pixels. */
    public static final int HEIGHT = 430;
    /** Stacked charts show this many groups; the rest are summed into {@code other}. */
    public static final int MAX_STACKED = 10;

    /** Okabe-Ito and Tableau hues, ordered so neighbours in a stack contrast. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
        new Color(0x1F77B4), new Color(0x8C564B),
    };
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color TEXT = new Color(0x222222);
    private static final Color BAND = new Color(0x4E79A7);

    /**
     * A named series of values in a dimension's base unit.
     *
     * @param name   legend text
     * @param values one value per x (not modified)
     */
    public record Series(String name, double[] values) {
    }

    private Charts() {
    }

    /**
     * A stacked area chart over time: each series is drawn on top of the ones before it. Beyond
     * {@link #MAX_STACKED} series, the smallest (by sum) are merged into one series named {@code other}.
     *
     * @param title     chart title
     * @param axis      the time axis; values are plotted at period midpoints
     * @param dimension what the values measure (sets the display unit)
     * @param perPeriod a suffix for the unit, e.g. {@code " per month"}, or empty for levels
     * @param series    bottom first; each with one value per period
     * @return the chart
     */
    public static XYChart stackedArea(String title, TimeAxis axis, HumanUnits.Dimension dimension, String perPeriod,
                                      List<Series> series) {
        List<Series> shown = limit(series, MAX_STACKED);
        double[] x = axis.mids();
        double[][] cumulative = new double[shown.size()][];
        double[] running = new double[x.length];
        double max = 0;
        for (int s = 0; s < shown.size(); s++) {
            double[] v = shown.get(s).values();
            for (int i = 0; i < x.length; i++) {
                running[i] += v[i];
                max = Math.max(max, running[i]);
            }
            cumulative[s] = running.clone();
        }
        HumanUnits.Scale scale = HumanUnits.scaleFor(dimension, max);
        XYChart chart = timeChart(title, axis, unitTitle(scale, perPeriod));
        if (shown.size() > 4) {
            // a horizontal legend of many groups runs off the chart; a column beside the plot does not
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        int n = x.length;
        // each group is one closed polygon between the running total below it and the one including it,
        // so the bands never overlap and the legend shows filled boxes; the top group is added first so
        // the legend reads top to bottom like the stack
        for (int s = shown.size() - 1; s >= 0; s--) {
            double[] px = new double[2 * n];
            double[] py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = x[i];
                py[i] = scale.apply(cumulative[s][i]);
                px[2 * n - 1 - i] = x[i];
                py[2 * n - 1 - i] = s == 0 ? 0 : scale.apply(cumulative[s - 1][i]);
            }
            XYSeries xy = chart.addSeries(shown.get(s).name(), px, py);
            Color c = PALETTE[s % PALETTE.length];
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            xy.setFillColor(c);
            xy.setLineColor(c.darker());
            xy.setLineWidth(0.6f);
            xy.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * A line chart over time.
     *
     * @param title     chart title
     * @param axis      the time axis
     * @param dimension what the values measure
     * @param perPeriod unit suffix, e.g. {@code " per month"}, or empty
     * @param atEnds    true to plot each value at its period's end, from zero at the start (running
     *                  totals), false at the period's midpoint
     * @param series    the lines
     * @return the chart
     */
    public static XYChart lines(String title, TimeAxis axis, HumanUnits.Dimension dimension, String perPeriod,
                                boolean atEnds, List<Series> series) {
        double max = 0;
        for (Series s : series) {
            max = Math.max(max, maxAbs(s.values()));
        }
        HumanUnits.Scale scale = HumanUnits.scaleFor(dimension, max);
        XYChart chart = timeChart(title, axis, unitTitle(scale, perPeriod));
        double[] x = atEnds ? prepend(axis.starts()[0], axis.ends()) : axis.mids();
        for (int s = 0; s < series.size(); s++) {
            double[] y = scaled(series.get(s).values(), scale);
            // a running total starts from zero at the start of the horizon
            XYSeries xy = chart.addSeries(series.get(s).name(), x, atEnds ? prepend(0, y) : y);
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            xy.setLineColor(PALETTE[s % PALETTE.length]);
            xy.setLineWidth(2.5f);
            xy.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * A line chart over time where each line has its own x values (scenarios with different timelines).
     *
     * @param title     chart title
     * @param span      the axis covering every line
     * @param xs        each line's x values, on the scale of {@code span}
     * @param dimension what the values measure
     * @param series    the lines, one per entry of {@code xs}
     * @return the chart
     */
    public static XYChart lines(String title, TimeAxis span, List<double[]> xs, HumanUnits.Dimension dimension,
                                List<Series> series) {
        double max = 0;
        for (Series s : series) {
            max = Math.max(max, maxAbs(s.values()));
        }
        HumanUnits.Scale scale = HumanUnits.scaleFor(dimension, max);
        XYChart chart = timeChart(title, span, unitTitle(scale, ""));
        for (int s = 0; s < series.size(); s++) {
            XYSeries xy = chart.addSeries(series.get(s).name(), xs.get(s), scaled(series.get(s).values(), scale));
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            xy.setLineColor(PALETTE[s % PALETTE.length]);
            xy.setLineWidth(2.5f);
            xy.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * A quantile band over time: the area between a low and a high quantile, the median, and the mean.
     *
     * @param title     chart title
     * @param axis      the time axis
     * @param dimension what the values measure
     * @param perPeriod unit suffix, or empty
     * @param bandName  legend text of the band, e.g. {@code P10-P90}
     * @param low       the low quantile per period
     * @param high      the high quantile per period
     * @param medianName legend text of the middle line, e.g. {@code P50}; null to omit the line
     * @param median    the middle quantile per period; ignored when {@code medianName} is null
     * @param mean      the mean per period
     * @return the chart
     */
    public static XYChart band(String title, TimeAxis axis, HumanUnits.Dimension dimension, String perPeriod,
                               String bandName, double[] low, double[] high, String medianName, double[] median,
                               double[] mean) {
        HumanUnits.Scale scale = HumanUnits.scaleFor(dimension, Math.max(maxAbs(high), maxAbs(mean)));
        XYChart chart = timeChart(title, axis, unitTitle(scale, perPeriod));
        double[] x = axis.mids();
        int n = x.length;
        // the band is one closed polygon: along the high quantile forward, back along the low one
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = scale.apply(high[i]);
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = scale.apply(low[i]);
        }
        XYSeries b = chart.addSeries(bandName, px, py);
        b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        b.setFillColor(new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), 70));
        b.setLineColor(new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), 120));
        b.setLineWidth(0.5f);
        b.setMarker(SeriesMarkers.NONE);
        if (medianName != null) {
            XYSeries m = chart.addSeries(medianName, x, scaled(median, scale));
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            m.setLineColor(BAND.darker());
            m.setLineWidth(2f);
            m.setMarker(SeriesMarkers.NONE);
        }
        XYSeries mu = chart.addSeries("mean", x, scaled(mean, scale));
        mu.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        mu.setLineColor(PALETTE[1]);
        mu.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        mu.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * Vertical bars, one per category, for each series side by side (the comparison of scenarios).
     *
     * @param title      chart title
     * @param width      pixels
     * @param height     pixels
     * @param dimension  what the values measure
     * @param categories bar labels
     * @param series     one value per category each
     * @return the chart
     */
    public static CategoryChart bars(String title, int width, int height, HumanUnits.Dimension dimension,
                                     List<String> categories, List<Series> series) {
        double max = 0;
        for (Series s : series) {
            max = Math.max(max, maxAbs(s.values()));
        }
        HumanUnits.Scale scale = HumanUnits.scaleFor(dimension, max);
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .yAxisTitle(unitTitle(scale, "")).build();
        style(chart);
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setLabelsFontColorAutomaticEnabled(true);
        chart.getStyler().setLabelsFontColorAutomaticLight(Color.WHITE);
        chart.getStyler().setLabelsFontColorAutomaticDark(TEXT);
        chart.getStyler().setLabelsPosition(0.92);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 4 ? 30 : 0);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setDecimalPattern("#,##0.##");
        for (int s = 0; s < series.size(); s++) {
            double[] v = scaled(series.get(s).values(), scale);
            List<Double> ys = new ArrayList<>(v.length);
            for (double d : v) {
                ys.add(d);
            }
            CategorySeries cs = chart.addSeries(series.get(s).name(), categories, ys);
            cs.setFillColor(PALETTE[s % PALETTE.length]);
        }
        return chart;
    }

    /**
     * A tornado, drawn as overlapping vertical bars: for each input, how far the output moves from its
     * base value when the input is at its low and at its high value. Inputs are ordered by swing,
     * largest first, by the caller.
     *
     * @param title      chart title
     * @param dimension  what the output measures
     * @param inputs     input names, one bar pair each
     * @param lowName    legend text of the low bars, e.g. {@code input at P10}
     * @param lowDelta   output at the input's low value minus the base output
     * @param highName   legend text of the high bars
     * @param highDelta  output at the input's high value minus the base output
     * @return the chart
     */
    public static CategoryChart tornado(String title, HumanUnits.Dimension dimension, List<String> inputs,
                                        String lowName, double[] lowDelta, String highName, double[] highDelta) {
        CategoryChart chart = bars(title, WIDTH, Math.max(HEIGHT, 300 + 12 * inputs.size()), dimension, inputs,
                List.of(new Series(lowName, lowDelta), new Series(highName, highDelta)));
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLabelsVisible(false);
        chart.getStyler().setYAxisMin(null); // the low bars go below zero
        chart.getStyler().setXAxisLabelRotation(inputs.size() > 3 ? 30 : 0);
        chart.getSeriesMap().get(lowName).setFillColor(PALETTE[0]);
        chart.getSeriesMap().get(highName).setFillColor(PALETTE[1]);
        return chart;
    }

    /**
     * The chart as PNG bytes.
     *
     * @param chart any XChart chart
     * @return the PNG file's bytes
     */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            // encoding into memory cannot fail on I/O; an exception here is a bug in the encoder
            throw new UncheckedIOException("PNG encoding failed", e);
        }
    }

    /**
     * The chart as a {@code data:image/png;base64,...} URI, for an {@code <img>} of a self-contained page.
     *
     * @param chart any XChart chart
     * @return the data URI
     */
    public static String dataUri(Chart<?, ?> chart) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(chart));
    }

    /** Running sum of a series (cumulative cash, cumulative TCO). */
    public static double[] cumulative(double[] values) {
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            out[i] = sum;
        }
        return out;
    }

    private static XYChart timeChart(String title, TimeAxis axis, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(axis.title()).yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setXAxisTitleVisible(!axis.title().isEmpty());
        chart.getStyler().setxAxisTickLabelsFormattingFunction(axis.labels());
        chart.getStyler().setXAxisMin(axis.starts()[0]);
        chart.getStyler().setXAxisMax(axis.ends()[axis.ends().length - 1]);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        return chart;
    }

    private static void style(Chart<? extends AxesChartStyler, ?> chart) {
        AxesChartStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(TEXT);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsColor(TEXT);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setYAxisMin(0.0);
        s.setSeriesColors(PALETTE);
    }

    private static String unitTitle(HumanUnits.Scale scale, String perPeriod) {
        String unit = scale.label().isEmpty() ? (scale.dimension() == HumanUnits.Dimension.COUNT ? "accelerators" : "")
                : scale.label();
        if (scale.dimension() == HumanUnits.Dimension.COUNT && !scale.label().isEmpty()) {
            unit = scale.label() + " accelerators";
        }
        return unit + perPeriod;
    }

    private static double[] prepend(double first, double[] rest) {
        double[] out = new double[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static double[] scaled(double[] values, HumanUnits.Scale scale) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = scale.apply(values[i]);
        }
        return out;
    }

    private static double maxAbs(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** The {@code max - 1} largest series by sum in their original order, then the rest summed as {@code other}. */
    static List<Series> limit(List<Series> series, int max) {
        if (series.size() <= max) {
            return series;
        }
        double[] sums = new double[series.size()];
        Integer[] order = new Integer[series.size()];
        for (int s = 0; s < series.size(); s++) {
            order[s] = s;
            for (double v : series.get(s).values()) {
                sums[s] += v;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(sums[b], sums[a]));
        boolean[] keep = new boolean[series.size()];
        for (int k = 0; k < max - 1; k++) {
            keep[order[k]] = true;
        }
        List<Series> out = new ArrayList<>();
        double[] other = new double[series.get(0).values().length];
        for (int s = 0; s < series.size(); s++) {
            if (keep[s]) {
                out.add(series.get(s));
            } else {
                double[] v = series.get(s).values();
                for (int i = 0; i < other.length; i++) {
                    other[i] += v[i];
                }
            }
        }
        out.add(new Series("other", other));
        return out;
    }
}
