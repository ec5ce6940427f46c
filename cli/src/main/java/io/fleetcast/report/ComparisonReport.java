package io.fleetcast.report;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Projection;
import io.fleetcast.write.Headline;
import io.fleetcast.write.HumanUnits;
import io.fleetcast.write.Numbers;
import io.fleetcast.write.QuantileBands;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * {@code comparison.html}: the headline figures of {@code comparison.csv} transposed, a bar chart per
 * headline figure, and total facility power and cumulative cash of every scenario over time.
 */
public final class ComparisonReport {

    /** The headline figures that get a bar chart in {@code comparison.html}. */
    static final List<String> CHARTED = List.of("resolved_accelerators", "peak.facility_power_mw", "total.energy_mwh",
            "total.cash_usd", "total.tco_usd", "usd_per_accelerator_hour", "total.compute_eflop", "total.co2_operational_t");

    /** Size of the headline bar charts, drawn two to a row. */
    static final int BAR_WIDTH = 640;
    static final int BAR_HEIGHT = 360;

    private ComparisonReport() {
    }

    /** The outer quantile pair shown as a range: P10 and P90 when present, else the first and last. */
    private static int[] rangeOf(QuantileBands bands) {
        int lo = bands.indexOf(0.1);
        int hi = bands.indexOf(0.9);
        if (lo < 0 || hi < 0) {
            lo = 0;
            hi = bands.probabilities().length - 1;
        }
        return new int[] {lo, hi};
    }

    /**
     * Renders {@code comparison.html}, self-contained like the reports.
     *
     * @param results the scenarios' results, at least one
     * @param run     version, JDK and time
     * @param links   for each result, the relative address of its report, or empty when none was written
     * @return the HTML document
     */
    public static String renderHtml(List<ScenarioResult> results, RunInfo run, List<Optional<String>> links) {
        StringBuilder b = new StringBuilder(1 << 18);
        HtmlReport.head(b, "fleetcast comparison: " + results.size() + " scenarios");
        b.append("<header><p class=\"kicker\">fleetcast comparison</p><h1>").append(results.size())
                .append(results.size() == 1 ? " scenario" : " scenarios").append(" side by side</h1>\n<p class=\"meta\">")
                .append(Html.escape("fleetcast " + run.fleetcastVersion() + ", written " + run.time())).append("</p></header>\n<main>\n");
        b.append("<section id=\"table\"><h2>Headline figures</h2>\n<p>Over each scenario's own horizon. ")
                .append("Hover a value for its exact figure.</p>\n<table><thead><tr><th>figure</th>");
        for (int i = 0; i < results.size(); i++) {
            String name = Html.escape(results.get(i).name());
            b.append("<th class=\"num\">");
            if (links.get(i).isPresent()) {
                b.append("<a href=").append(Html.attribute(links.get(i).get())).append('>').append(name).append("</a>");
            } else {
                b.append(name);
            }
            b.append("</th>");
        }
        b.append("<th>unit</th></tr></thead>\n<tbody>\n<tr><td>horizon</td>");
        for (ScenarioResult r : results) {
            Projection p = r.projection();
            b.append("<td class=\"num\">").append(Html.escape(p.timeline().start().toLocalDate() + " to " + p.timeline().end().toLocalDate()))
                    .append("</td>");
        }
        b.append("<td></td></tr>\n");
        for (Headline h : Headline.ALL) {
            b.append("<tr><td>").append(Html.escape(h.label())).append("</td>");
            for (ScenarioResult r : results) {
                double v = r.value(h);
                b.append("<td class=\"num\" title=").append(Html.attribute(Numbers.exact(v))).append('>')
                        .append(Html.escape(h.format(v)));
                Optional<double[]> q = r.bands().flatMap(bands -> bands.summaryQuantiles(h.figure()));
                if (q.isPresent()) {
                    int[] range = rangeOf(r.bands().get());
                    double[] p = r.bands().get().probabilities();
                    b.append("<br><span class=\"range\">").append(Numbers.quantileName(p[range[0]]).toUpperCase(Locale.ROOT))
                            .append('-').append(Numbers.quantileName(p[range[1]]).toUpperCase(Locale.ROOT)).append(' ')
                            .append(Html.escape(h.format(q.get()[range[0]]) + " to " + h.format(q.get()[range[1]])))
                            .append("</span>");
                }
                b.append("</td>");
            }
            b.append("<td class=\"unit\">").append(Html.escape(h.unit())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n</section>\n<section id=\"charts\"><h2>Charts</h2>\n");
        b.append("<div class=\"grid\">\n");
        boolean inGrid = true;
        for (var e : charts(results).entrySet()) {
            boolean bar = e.getValue() instanceof org.knowm.xchart.CategoryChart;
            if (inGrid && !bar) {
                b.append("</div>\n");
                inGrid = false;
            }
            HtmlReport.figure(b, e.getKey(), e.getValue(), null);
        }
        if (inGrid) {
            b.append("</div>\n");
        }
        b.append("</section>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The comparison charts, keyed by file-name stem. */
    static java.util.Map<String, Chart<?, ?>> charts(List<ScenarioResult> results) {
        java.util.Map<String, Chart<?, ?>> charts = new java.util.LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (ScenarioResult r : results) {
            names.add(r.name());
        }
        for (Headline h : Headline.ALL) {
            if (!CHARTED.contains(h.figure())) {
                continue;
            }
            double[] v = new double[results.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = results.get(i).value(h);
            }
            HumanUnits.Dimension dim = h.unit().equals("USD/h") ? HumanUnits.Dimension.PLAIN : h.dimension();
            String title = h.unit().equals("USD/h") ? h.label() + " (USD/h)" : h.label();
            charts.put("compare-" + h.figure().replace('.', '-'), Charts.bars(title, BAR_WIDTH, BAR_HEIGHT, dim, names,
                    List.of(new Charts.Series(h.label(), v))));
        }
        // over time: each scenario on its own timeline, on one calendar axis
        charts.put("compare-facility-power", timeChart(results, "Total facility power (period average)", Metric.FACILITY_POWER_MW, false));
        charts.put("compare-cumulative-cash", timeChart(results, "Cumulative cash", Metric.CASH_USD, true));
        return charts;
    }

    private static Chart<?, ?> timeChart(List<ScenarioResult> results, String title, Metric metric, boolean cumulative) {
        // scenarios may cover different spans: one calendar axis (decimal years) from the earliest start
        // to the latest end, each scenario plotted at its own periods
        java.time.LocalDateTime start = results.get(0).projection().timeline().start();
        java.time.LocalDateTime end = results.get(0).projection().timeline().end();
        for (ScenarioResult r : results) {
            start = r.projection().timeline().start().isBefore(start) ? r.projection().timeline().start() : start;
            end = r.projection().timeline().end().isAfter(end) ? r.projection().timeline().end() : end;
        }
        TimeAxis span = TimeAxis.ofYears(io.fleetcast.model.Timeline.of(start, end, results.get(0).projection().timeline().step()));
        List<double[]> xs = new ArrayList<>();
        List<Charts.Series> series = new ArrayList<>();
        for (ScenarioResult r : results) {
            TimeAxis axis = TimeAxis.ofYears(r.projection().timeline());
            double[] y = r.projection().cube(Grouping.TOTAL).series(metric, 0);
            xs.add(cumulative ? axis.ends() : axis.mids());
            series.add(new Charts.Series(r.name(), cumulative ? Charts.cumulative(y) : y));
        }
        return Charts.lines(title, span, xs, HumanUnits.Dimension.ofMetric(metric.id()), series);
    }
}
