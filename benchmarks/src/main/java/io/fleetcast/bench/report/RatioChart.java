package io.fleetcast.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Draws the bar chart of "rate now / baseline rate" per benchmark, with the baseline (1) and the
 * failure threshold drawn as lines, so a collapse is visible at a glance.
 */
public final class RatioChart {

    private RatioChart() {}

    /**
     * Writes the chart as a PNG, atomically (a temporary file moved into place).
     *
     * @param comparison the compared results; only rows with a baseline are drawn; not modified
     * @param png the file to write; replaced if it exists
     * @return true when a chart was written, false when no result has a baseline to compare with
     * @throws IOException when the file cannot be written
     */
    public static boolean write(BaselineComparison comparison, Path png) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (BaselineComparison.Row row : comparison.rows()) {
            if (!Double.isNaN(row.ratio())) {
                // "Simulate.project devices=10000000": the class's Benchmark suffix says nothing in a chart
                labels.add(row.result().shortName().replace("Benchmark.", ".") + row.result().paramsText(" ", ""));
                ratios.add(row.ratio());
            }
        }
        if (labels.isEmpty()) {
            return false;
        }
        int width = Math.max(800, 70 * labels.size() + 200);
        CategoryChart chart = new CategoryChartBuilder()
                .width(width).height(900)
                .title("Benchmark rate / baseline rate (above 1 = faster)")
                .xAxisTitle("benchmark").yAxisTitle("ratio")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.max(1.5, max(ratios) * 1.1));
        chart.getStyler().setYAxisDecimalPattern("0.00");
        CategorySeries bars = chart.addSeries("rate / baseline", labels, ratios);
        bars.setFillColor(new Color(0x3b6ea8));
        List<Double> ones = new ArrayList<>();
        List<Double> fails = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            ones.add(1.0);
            fails.add(comparison.threshold());
        }
        CategorySeries baseline = chart.addSeries("baseline", labels, ones);
        baseline.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        baseline.setLineColor(Color.DARK_GRAY);
        CategorySeries threshold = chart.addSeries("fails below", labels, fails);
        threshold.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        threshold.setLineColor(new Color(0xc0392b));

        AtomicOutput.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        return true;
    }

    private static double max(List<Double> values) {
        double max = 0;
        for (int i = 0; i < values.size(); i++) {
            max = Math.max(max, values.get(i));
        }
        return max;
    }
}
