package io.fleetcast.report;

import io.fleetcast.write.CostPerHour;
import io.fleetcast.write.Figures;
import io.fleetcast.write.Headline;
import io.fleetcast.write.HumanUnits;
import io.fleetcast.write.Numbers;
import io.fleetcast.write.QuantileBands;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import io.fleetcast.write.Tornado;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.InputDistribution;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Site;
import io.fleetcast.model.Step;
import io.fleetcast.model.Summary;
import io.fleetcast.model.UncertainInput;
import io.fleetcast.model.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The report of one scenario: a single self-contained HTML file that opens without a network (inline
 * CSS, charts as PNG data URIs, no scripts). Sections: summary, sizing, charts (active accelerators,
 * facility power stacked by group, energy and its cost, cumulative cash against TCO, delivered
 * compute, carbon), Monte Carlo bands (when the result has {@link QuantileBands}), sensitivity (when it
 * has a {@link Tornado}), the assumptions (every catalog and site figure used with source and
 * confidence, the deployments as given, the uncertain inputs), and the provenance of the run.
 *
 * <p>Every chart is an {@code <img class="chart">} inside a {@code <figure>} whose caption says what
 * is plotted; every text from the scenario goes through {@link Html#escape}.
 */
public final class HtmlReport {

    /** Stacked charts use deployments as groups up to this many, and deals beyond (or when deals group them). */
    static final int MAX_DEPLOYMENT_GROUPS = 8;

    private HtmlReport() {
    }

    /**
     * Renders the report.
     *
     * @param result the scenario's results
     * @param run    version, JDK and time for the footer
     * @return the whole HTML document
     */
    public static String render(ScenarioResult result, RunInfo run) {
        Projection p = result.projection();
        Scenario s = p.scenario();
        StringBuilder b = new StringBuilder(1 << 20);
        head(b, "fleetcast report: " + s.name());
        b.append("<header><p class=\"kicker\">fleetcast report</p><h1>").append(Html.escape(s.name())).append("</h1>\n");
        if (!s.description().isEmpty()) {
            b.append("<p class=\"lead\">").append(Html.escape(s.description())).append("</p>\n");
        }
        b.append("<p class=\"meta\">").append(Html.escape(describeRun(result))).append("</p>\n");
        b.append("<nav><a href=\"#summary\">Summary</a> <a href=\"#sizing\">Sizing</a> <a href=\"#charts\">Charts</a>");
        if (result.bands().isPresent()) {
            b.append(" <a href=\"#uncertainty\">Uncertainty</a>");
        }
        if (result.tornado().isPresent()) {
            b.append(" <a href=\"#sensitivity\">Sensitivity</a>");
        }
        b.append(" <a href=\"#assumptions\">Assumptions</a> <a href=\"#provenance\">Provenance</a></nav></header>\n<main>\n");
        summary(b, result);
        sizing(b, p.sizing(), result);
        charts(b, p);
        result.bands().ifPresent(bands -> bands(b, p, bands));
        result.tornado().ifPresent(t -> tornado(b, t));
        assumptions(b, s);
        provenance(b, result, run);
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** A one-line description of the run: mode, runs, horizon and step. */
    static String describeRun(ScenarioResult result) {
        Projection p = result.projection();
        Scenario s = p.scenario();
        String runs = result.runs() > 1 ? result.runs() + " Monte Carlo runs (values are means), seed " + s.monteCarlo().seed()
                : p.mode() == io.fleetcast.model.Mode.SIMULATE ? "one simulated run, seed " + p.seed() : "one run";
        return p.mode().id() + " mode, " + runs + "; " + Numbers.date(s.start()) + " to " + Numbers.date(s.end())
                + " (UTC) in " + p.timeline().periods() + " " + s.step().name().toLowerCase(Locale.ROOT) + " periods";
    }

    static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
    }

    private static void summary(StringBuilder b, ScenarioResult result) {
        Summary s = result.projection().summary();
        Optional<QuantileBands> bands = result.bands();
        double[] probabilities = bands.map(QuantileBands::probabilities).orElse(new double[0]);
        boolean anyQuantiles = false;
        for (Headline h : Headline.ALL) {
            anyQuantiles |= bands.isPresent() && bands.get().summaryQuantiles(h.figure()).isPresent();
        }
        b.append("<section id=\"summary\"><h2>Summary</h2>\n");
        b.append("<p>Over the whole horizon: flows are summed, peaks are the highest period value. ")
                .append("Hover a value for its exact figure.</p>\n");
        b.append("<table class=\"summary\"><thead><tr><th>figure</th><th class=\"num\">").append(result.statistic()).append("</th>");
        if (anyQuantiles) {
            for (double q : probabilities) {
                b.append("<th class=\"num\">").append(Numbers.quantileName(q).toUpperCase(Locale.ROOT)).append("</th>");
            }
        }
        b.append("<th>unit of the exact value</th></tr></thead>\n<tbody>\n");
        for (Headline h : Headline.ALL) {
            double v = result.value(h);
            b.append("<tr><td>").append(Html.escape(h.label())).append("</td>").append(numberCell(h.format(v), v));
            if (anyQuantiles) {
                Optional<double[]> q = bands.get().summaryQuantiles(h.figure());
                for (int i = 0; i < probabilities.length; i++) {
                    b.append(q.isPresent() ? numberCell(h.format(q.get()[i]), q.get()[i]) : "<td class=\"num\">–</td>");
                }
            }
            b.append("<td class=\"unit\">").append(Html.escape(h.unit())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        costPerHour(b, result.projection());
        b.append("</section>\n");
    }

    /** Owned and leased on one basis ({@link CostPerHour}), when the scenario owns something. */
    private static void costPerHour(StringBuilder b, Projection p) {
        if (!CostPerHour.anyOwned(p)) {
            return;
        }
        b.append("<h3>$/accelerator-hour, owned and leased on one basis</h3>\n<p>tco over the horizon per contracted ")
                .append("accelerator-hour; an owned deployment's includes the capital charge at its cost of capital ")
                .append("(without it beside), next to its accelerator's catalog lease price.</p>\n")
                .append("<table><thead><tr><th>deployment</th><th>ownership</th><th class=\"num\">incl. capital</th>")
                .append("<th class=\"num\">excl. capital</th><th class=\"num\">cost of capital</th>")
                .append("<th class=\"num\">lease price</th></tr></thead>\n<tbody>\n");
        for (CostPerHour r : CostPerHour.of(p)) {
            b.append("<tr><td>").append(Html.escape(r.deployment())).append("</td><td>").append(r.owned() ? "owned" : "leased")
                    .append("</td>").append(perHour(r.inclCapital())).append(perHour(r.exclCapital()))
                    .append("<td class=\"num\">").append(r.owned() ? Html.escape(Figures.plain(r.costOfCapitalPerYear() * 100) + " %/year")
                            : "in the price").append("</td>")
                    .append(r.leasePrice() > 0 ? perHour(r.leasePrice()) : "<td class=\"num\">–</td>").append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static String perHour(double v) {
        return Double.isNaN(v) ? "<td class=\"num\">–</td>" : numberCell("$" + HumanUnits.significant(v) + "/h", v);
    }

    private static String numberCell(String text, double exact) {
        return "<td class=\"num\" title=" + Html.attribute(Numbers.exact(exact)) + ">" + Html.escape(text) + "</td>";
    }

    private static void sizing(StringBuilder b, List<ResolvedDeployment> sizing, ScenarioResult result) {
        // a Monte Carlo run resolves each size with its own sampled inputs; the table's single sizing is
        // the nominal one (inputs at their scenario values), and the mean over the runs sits beside it
        boolean means = false;
        for (ResolvedDeployment d : sizing) {
            means |= result.meanResolvedCount(d.id()).isPresent();
        }
        b.append("<section id=\"sizing\"><h2>Sizing</h2>\n<p>Each deployment's size resolved to a number of ")
                .append("accelerators, and the power of that many at full load.");
        if (means) {
            b.append(" Nominal: with every input at its scenario value (the powers and dates are nominal too); mean of ")
                    .append(result.runs()).append(" runs: each run resolves the size with its own sampled inputs.");
        }
        b.append("</p>\n");
        b.append("<table><thead><tr><th>deployment</th><th>deal</th><th>accelerator</th><th>site</th><th>ownership</th>")
                .append("<th>size as given</th><th class=\"num\">").append(means ? "accelerators (nominal)" : "accelerators")
                .append("</th>");
        if (means) {
            b.append("<th class=\"num\">accelerators (mean of runs)</th>");
        }
        b.append("<th class=\"num\">IT power</th>")
                .append("<th class=\"num\">facility power</th><th>installs</th><th>slots end</th></tr></thead>\n<tbody>\n");
        for (ResolvedDeployment d : sizing) {
            b.append("<tr><td>").append(Html.escape(d.id())).append("</td><td>").append(Html.escape(d.deal()))
                    .append("</td><td>").append(Html.escape(d.acceleratorId())).append(" (").append(Html.escape(d.vendor()))
                    .append(")</td><td>").append(Html.escape(d.siteId())).append("</td><td>")
                    .append(d.ownership().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(Html.escape(sizeText(d.size()))).append("</td>")
                    .append(numberCell(HumanUnits.count(d.count()), d.count()));
            if (means) {
                b.append(meanCountCell(result.meanResolvedCount(d.id())));
            }
            b.append(numberCell(HumanUnits.format(d.itMw(), HumanUnits.Dimension.POWER_MW), d.itMw()))
                    .append(numberCell(HumanUnits.format(d.facilityMw(), HumanUnits.Dimension.POWER_MW), d.facilityMw()))
                    .append("<td>").append(Html.escape(Numbers.date(d.installStart()))).append(" to ")
                    .append(Html.escape(Numbers.date(d.installEnd()))).append("</td><td>")
                    .append(Html.escape(slotEnd(d))).append("</td></tr>\n");
        }
        if (sizing.size() > 1) {
            long count = 0;
            double it = 0;
            double facility = 0;
            for (ResolvedDeployment d : sizing) {
                count += d.count();
                it += d.itMw();
                facility += d.facilityMw();
            }
            b.append("<tr class=\"total\"><td>total</td><td></td><td></td><td></td><td></td><td></td>")
                    .append(numberCell(HumanUnits.count(count), count));
            if (means) {
                b.append(meanCountCell(java.util.OptionalDouble.of(result.resolvedAccelerators())));
            }
            b.append(numberCell(HumanUnits.format(it, HumanUnits.Dimension.POWER_MW), it))
                    .append(numberCell(HumanUnits.format(facility, HumanUnits.Dimension.POWER_MW), facility))
                    .append("<td></td><td></td></tr>\n");
        }
        b.append("</tbody></table>\n");
        spares(b, sizing, result);
        b.append("</section>\n");
    }

    /**
     * The spares question of a Monte Carlo: per deployment with devices down for repair, the quantiles over the runs
     * of its peak period average of devices in repair, and the whole spares that cover each.
     */
    private static void spares(StringBuilder b, List<ResolvedDeployment> sizing, ScenarioResult result) {
        if (result.bands().isEmpty()) {
            return;
        }
        QuantileBands bands = result.bands().get();
        double[] probabilities = bands.probabilities();
        StringBuilder rows = new StringBuilder();
        for (ResolvedDeployment d : sizing) {
            java.util.Optional<double[]> down = bands.peakInRepairQuantiles(d.id());
            if (down.isEmpty() || !(down.get()[probabilities.length - 1] > 0)) {
                continue;
            }
            rows.append("<tr><td>").append(Html.escape(d.id())).append("</td>");
            for (double v : down.get()) {
                rows.append(numberCell(HumanUnits.count(v), v));
            }
            long spares = io.fleetcast.analyse.MonteCarloResult.Sizing.sparesFor(down.get()[probabilities.length - 1]);
            rows.append(numberCell(HumanUnits.count(spares), spares)).append("</tr>\n");
        }
        if (rows.isEmpty()) {
            return;
        }
        String top = Numbers.quantileName(probabilities[probabilities.length - 1]).toUpperCase(Locale.ROOT);
        b.append("<p>Spares: the peak period average of devices down for repair over the horizon, quantiles of ")
                .append(bands.runs()).append(" runs, and the whole spares that cover the ").append(top).append(".</p>\n");
        b.append("<table><thead><tr><th>deployment</th>");
        for (double q : probabilities) {
            b.append("<th class=\"num\">in repair ").append(Numbers.quantileName(q).toUpperCase(Locale.ROOT)).append("</th>");
        }
        b.append("<th class=\"num\">spares for ").append(top).append("</th></tr></thead>\n<tbody>\n").append(rows)
                .append("</tbody></table>\n");
    }

    private static String meanCountCell(java.util.OptionalDouble mean) {
        return mean.isPresent() ? numberCell(HumanUnits.count(mean.getAsDouble()), mean.getAsDouble()) : "<td class=\"num\">–</td>";
    }

    /** When a slot ends, briefly: {@code first of install + 6 years, term end 2032-11-01, horizon 2033-01-01}. */
    static String slotEnd(ResolvedDeployment d) {
        List<String> parts = new ArrayList<>();
        if (d.retiresAtUsefulLife()) {
            parts.add("install + " + Figures.duration(d.usefulLifeHours()).replaceAll(" \\(.*\\)$", ""));
        }
        d.termEnd().ifPresent(t -> parts.add("term end " + Numbers.date(t)));
        parts.add("horizon " + Numbers.date(d.horizonEnd()));
        return parts.size() == 1 ? parts.get(0) : "first of " + String.join(", ", parts);
    }

    static String sizeText(io.fleetcast.model.Size size) {
        return switch (size.kind()) {
            case COUNT -> HumanUnits.count(size.value()) + " accelerators";
            case IT_POWER -> "IT power " + HumanUnits.format(size.value() / Units.WATTS_PER_MW, HumanUnits.Dimension.POWER_MW);
            case FACILITY_POWER -> "facility power " + HumanUnits.format(size.value() / Units.WATTS_PER_MW, HumanUnits.Dimension.POWER_MW);
            case BUDGET -> "budget " + HumanUnits.format(size.value(), HumanUnits.Dimension.USD);
        };
    }

    /** The grouping the stacked charts use: deployments when few, deals when several deals or many deployments. */
    static Grouping chartGrouping(Projection p) {
        int deployments = p.cube().groups().size();
        int deals = p.cube(Grouping.DEAL).groups().size();
        if (deployments <= MAX_DEPLOYMENT_GROUPS && deals <= 1) {
            return Grouping.DEPLOYMENT;
        }
        return deals > 1 ? Grouping.DEAL : Grouping.DEPLOYMENT;
    }

    /** " per month", " per quarter", ...: the unit suffix of a flow's period value. */
    static String perPeriod(Step step) {
        return " per " + step.name().toLowerCase(Locale.ROOT);
    }

    /** The charts of the report, in order, also written as PNG files with {@code --format png}. */
    static Map<String, Chart<?, ?>> charts(Projection p) {
        Grouping grouping = chartGrouping(p);
        MetricCube cube = p.cube(grouping);
        MetricCube total = p.cube(Grouping.TOTAL);
        TimeAxis axis = TimeAxis.of(p.timeline());
        String per = perPeriod(p.timeline().step());
        String by = " by " + grouping.id();
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        charts.put("active-accelerators", Charts.stackedArea("Active accelerators" + by, axis, HumanUnits.Dimension.COUNT, "",
                series(cube, Metric.ACTIVE)));
        charts.put("facility-power", Charts.stackedArea("Facility power" + by + " (period average)", axis,
                HumanUnits.Dimension.POWER_MW, "", series(cube, Metric.FACILITY_POWER_MW)));
        charts.put("energy", Charts.stackedArea("Facility energy" + by, axis, HumanUnits.Dimension.ENERGY_MWH, per,
                series(cube, Metric.ENERGY_MWH)));
        charts.put("energy-cost", Charts.stackedArea("Energy cost" + by, axis, HumanUnits.Dimension.USD, per,
                series(cube, Metric.ENERGY_COST_USD)));
        charts.put("cumulative-cash-tco", Charts.lines("Cumulative cash and TCO", axis, HumanUnits.Dimension.USD, "", true,
                List.of(new Charts.Series("cash (capex when paid)", Charts.cumulative(total.series(Metric.CASH_USD, 0))),
                        new Charts.Series("TCO (capex depreciated)", Charts.cumulative(total.series(Metric.TCO_USD, 0))))));
        charts.put("compute", Charts.stackedArea("Delivered compute" + by, axis, HumanUnits.Dimension.COMPUTE_EFLOP, per,
                series(cube, Metric.COMPUTE_EFLOP)));
        charts.put("carbon", Charts.stackedArea("Emissions", axis, HumanUnits.Dimension.CO2_T, per,
                List.of(new Charts.Series("operational (energy x grid intensity)", total.series(Metric.CO2_OPERATIONAL_T, 0)),
                        new Charts.Series("embodied (amortized over useful life)", total.series(Metric.CO2_EMBODIED_T, 0)))));
        return charts;
    }

    private static List<Charts.Series> series(MetricCube cube, Metric m) {
        List<Charts.Series> out = new ArrayList<>();
        for (int g = 0; g < cube.groups().size(); g++) {
            out.add(new Charts.Series(cube.groups().get(g), cube.series(m, g)));
        }
        return out;
    }

    private static final Map<String, String> CAPTIONS = Map.of(
            "active-accelerators", "Accelerators up and running (installed, not retired, not down for repair), averaged over each period.",
            "facility-power", "IT power of the running accelerators times the site's PUE in that month, averaged over each period; stacked.",
            "energy", "Facility energy drawn in each period (the integral of facility power); stacked.",
            "energy-cost", "Electricity bill of each period: energy times the site's price with its escalation (owned, or leased without energy).",
            "cumulative-cash-tco", "Cash counts capex when it is paid; TCO spreads it over the useful life as depreciation and adds the capital charge (the cost of capital on the capital still tied up, with interest during construction). Both include energy, lease, repair and other opex.",
            "compute", "Delivered compute: running accelerator-hours times peak FLOP/s at the deployment's precision times its mfu (utilization when no mfu is given); 1 EFLOP = 10^18 operations.",
            "carbon", "Operational emissions (energy times grid intensity) and embodied emissions amortized over useful life, stacked.");

    private static void charts(StringBuilder b, Projection p) {
        b.append("<section id=\"charts\"><h2>Charts</h2>\n");
        if (p.timeline().periods() > 0) {
            b.append("<p>Values are plotted at the middle of each period. The last period may be partial, so its flows are smaller.</p>\n");
        }
        for (Map.Entry<String, Chart<?, ?>> e : charts(p).entrySet()) {
            figure(b, e.getKey(), e.getValue(), CAPTIONS.get(e.getKey()));
        }
        b.append("</section>\n");
    }

    static void figure(StringBuilder b, String id, Chart<?, ?> chart, String caption) {
        b.append("<figure id=").append(Html.attribute("chart-" + id)).append("><img class=\"chart\" width=\"")
                .append(chart.getWidth()).append("\" height=\"").append(chart.getHeight()).append("\" alt=")
                .append(Html.attribute(chart.getTitle())).append(" src=\"").append(Charts.dataUri(chart)).append("\">");
        if (caption != null) {
            b.append("<figcaption>").append(Html.escape(caption)).append("</figcaption>");
        }
        b.append("</figure>\n");
    }

    /** The metrics that get a band chart, in order. */
    static final List<Metric> BAND_METRICS = List.of(Metric.ACTIVE, Metric.FACILITY_POWER_MW, Metric.ENERGY_MWH,
            Metric.ENERGY_COST_USD, Metric.CASH_USD, Metric.TCO_USD, Metric.COMPUTE_EFLOP, Metric.CO2_OPERATIONAL_T);
    /** Band charts are drawn for at most this many groups when the bands are not for the total. */
    static final int MAX_BAND_GROUPS = 3;

    /** Band charts of the result, keyed by file-name stem ({@code band-tco_usd}, {@code band-tco_usd-deal-x}). */
    static Map<String, Chart<?, ?>> bandCharts(Projection p, QuantileBands bands) {
        double[] prob = bands.probabilities();
        int lo = bands.indexOf(0.1);
        int hi = bands.indexOf(0.9);
        if (lo < 0 || hi < 0) {
            lo = 0;
            hi = prob.length - 1;
        }
        int mid = bands.indexOf(0.5);
        String bandName = Numbers.quantileName(prob[lo]).toUpperCase(Locale.ROOT) + "-" + Numbers.quantileName(prob[hi]).toUpperCase(Locale.ROOT);
        MetricCube means = p.cube(bands.grouping());
        TimeAxis axis = TimeAxis.of(p.timeline());
        String per = perPeriod(p.timeline().step());
        int groups = bands.grouping() == Grouping.TOTAL ? 1 : Math.min(MAX_BAND_GROUPS, bands.groups().size());
        int periods = p.timeline().periods();
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        for (int g = 0; g < groups; g++) {
            String group = bands.groups().get(g);
            int meanGroup = means.groupIndex(group);
            for (Metric m : BAND_METRICS) {
                double[] low = new double[periods];
                double[] high = new double[periods];
                double[] median = new double[periods];
                for (int i = 0; i < periods; i++) {
                    low[i] = bands.quantile(lo, m, g, i);
                    high[i] = bands.quantile(hi, m, g, i);
                    median[i] = mid >= 0 ? bands.quantile(mid, m, g, i) : 0;
                }
                String title = label(m) + (bands.grouping() == Grouping.TOTAL ? "" : " (" + bands.grouping().id() + " " + group + ")");
                String key = "band-" + m.id() + (bands.grouping() == Grouping.TOTAL ? "" : "-" + bands.grouping().id() + "-" + group);
                charts.put(key, Charts.band(title, axis, HumanUnits.Dimension.ofMetric(m.id()), m.isFlow() ? per : "",
                        bandName, low, high, mid >= 0 ? "P50" : null, median, means.series(m, meanGroup)));
            }
        }
        return charts;
    }

    private static String label(Metric m) {
        return switch (m) {
            case ACTIVE -> "Active accelerators";
            case FACILITY_POWER_MW -> "Facility power";
            case ENERGY_MWH -> "Facility energy";
            case ENERGY_COST_USD -> "Energy cost";
            case CASH_USD -> "Cash";
            case TCO_USD -> "TCO";
            case COMPUTE_EFLOP -> "Delivered compute";
            case CO2_OPERATIONAL_T -> "Operational emissions";
            default -> m.id();
        };
    }

    private static void bands(StringBuilder b, Projection p, QuantileBands bands) {
        b.append("<section id=\"uncertainty\"><h2>Uncertainty</h2>\n<p>")
                .append(bands.runs()).append(" Monte Carlo runs. The shaded band holds the middle of the runs in each period ")
                .append("(per-period quantiles: a run can be low in one period and high in another), the solid line is the ")
                .append("median and the dashed line the mean.</p>\n");
        for (Map.Entry<String, Chart<?, ?>> e : bandCharts(p, bands).entrySet()) {
            figure(b, e.getKey(), e.getValue(), null);
        }
        b.append("</section>\n");
    }

    static Chart<?, ?> tornadoChart(Tornado t) {
        List<Tornado.Bar> bars = t.bySwing();
        List<String> inputs = new ArrayList<>();
        double[] low = new double[bars.size()];
        double[] high = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            inputs.add(bars.get(i).input());
            low[i] = bars.get(i).outputAtLow() - t.base();
            high[i] = bars.get(i).outputAtHigh() - t.base();
        }
        return Charts.tornado("Change of " + t.output() + " from its base value", HumanUnits.Dimension.ofMetric(t.output()),
                inputs, "input at " + t.lowLabel(), low, "input at " + t.highLabel(), high);
    }

    private static void tornado(StringBuilder b, Tornado t) {
        HumanUnits.Dimension dim = HumanUnits.Dimension.ofMetric(t.output());
        b.append("<section id=\"sensitivity\"><h2>Sensitivity</h2>\n<p>Each input set to its ")
                .append(Html.escape(t.lowLabel())).append(" and its ").append(Html.escape(t.highLabel()))
                .append(" value with the others at their base values; the bars show how far ")
                .append(Html.escape(t.output())).append(" moves from its base value of ")
                .append(Html.escape(HumanUnits.format(t.base(), dim))).append(".</p>\n");
        figure(b, "tornado", tornadoChart(t), null);
        b.append("<table><thead><tr><th>input</th><th class=\"num\">").append(Html.escape(t.lowLabel()))
                .append(" value</th><th class=\"num\">").append(Html.escape(t.highLabel())).append(" value</th><th class=\"num\">output at ")
                .append(Html.escape(t.lowLabel())).append("</th><th class=\"num\">output at ").append(Html.escape(t.highLabel()))
                .append("</th><th class=\"num\">swing</th></tr></thead>\n<tbody>\n");
        for (Tornado.Bar bar : t.bySwing()) {
            b.append("<tr><td>").append(Html.escape(bar.input())).append("</td>")
                    .append(numberCell(Figures.display(bar.lowInput(), bar.unit()), bar.lowInput()))
                    .append(numberCell(Figures.display(bar.highInput(), bar.unit()), bar.highInput()))
                    .append(numberCell(HumanUnits.format(bar.outputAtLow(), dim), bar.outputAtLow()))
                    .append(numberCell(HumanUnits.format(bar.outputAtHigh(), dim), bar.outputAtHigh()))
                    .append(numberCell(HumanUnits.format(bar.swing(), dim), bar.swing())).append("</tr>\n");
        }
        b.append("</tbody></table>\n</section>\n");
    }

    private static void assumptions(StringBuilder b, Scenario s) {
        b.append("<section id=\"assumptions\"><h2>Assumptions</h2>\n<p>Every catalog and site figure the scenario uses, ")
                .append("with its source and how it is known: <em>official</em> (stated by its owner), <em>reported</em> ")
                .append("(press, analysts), <em>estimate</em> (ours, reasoning in the note), <em>unsourced</em> ")
                .append("(given without a source, or a default).</p>\n");
        for (Map.Entry<String, Accelerator> e : Figures.usedAccelerators(s).entrySet()) {
            Accelerator a = e.getValue();
            b.append("<h3>Accelerator ").append(Html.escape(a.id())).append(": ").append(Html.escape(a.name()))
                    .append(" (").append(Html.escape(a.vendor())).append(")</h3>\n");
            figureTable(b, Figures.of(a));
        }
        for (Map.Entry<String, Site> e : Figures.usedSites(s).entrySet()) {
            Site site = e.getValue();
            b.append("<h3>Site ").append(Html.escape(site.id())).append(": ").append(Html.escape(site.name())).append("</h3>\n");
            figureTable(b, Figures.of(site));
        }
        String file = s.origin().map(o -> o.location()).orElse("the scenario (built in code)");
        b.append("<h3>Deployments as given</h3>\n<p>Source: ").append(Html.escape(file)).append(".</p>\n");
        b.append("<table><thead><tr><th>deployment</th><th>size</th><th>start</th>");
        for (ModelField f : ModelField.of(ModelField.Owner.DEPLOYMENT)) {
            b.append("<th>").append(Html.escape(f.yamlName())).append("</th>");
        }
        b.append("<th>precision</th><th>energy in lease</th><th>term from</th><th>take-or-pay</th></tr></thead>\n<tbody>\n");
        for (Deployment d : s.deployments()) {
            boolean leased = d.ownership() == io.fleetcast.model.Ownership.LEASED;
            b.append("<tr><td>").append(Html.escape(d.id())).append("</td><td>").append(Html.escape(sizeText(d.size())))
                    .append("</td><td>").append(Html.escape(Numbers.date(d.start()))).append("</td>");
            for (ModelField f : ModelField.of(ModelField.Owner.DEPLOYMENT)) {
                double v = d.get(f);
                String text = f.only() != null && f.only() != d.ownership() ? "–"
                        : Double.isNaN(v) ? "none" : Figures.display(v, f.unit());
                b.append("<td>").append(Html.escape(text)).append("</td>");
            }
            b.append("<td>").append(d.precision().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(leased ? (d.energyIncluded() ? "yes" : "no") : "–").append("</td><td>")
                    .append(d.termHours().isPresent() ? (d.termFrom() == io.fleetcast.model.TermFrom.INSTALL ? "each install" : "deployment start") : "–")
                    .append("</td><td>").append(leased ? (d.takeOrPay() ? "yes" : "no") : "–").append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (!s.uncertainty().isEmpty()) {
            b.append("<h3>Uncertain inputs</h3>\n<table><thead><tr><th>input</th><th>distribution</th></tr></thead>\n<tbody>\n");
            for (UncertainInput u : s.uncertainty()) {
                b.append("<tr><td>").append(Html.escape(u.path())).append("</td><td>")
                        .append(Html.escape(distribution(u.distribution()))).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        b.append("</section>\n");
    }

    static String distribution(InputDistribution d) {
        StringBuilder t = new StringBuilder(d.kind().name().toLowerCase(Locale.ROOT)).append(' ');
        double[] params = d.parameters();
        for (int i = 0; i < params.length; i++) {
            t.append(i == 0 ? "[" : ", ").append(Figures.plain(params[i]));
        }
        t.append(']');
        if (d.weights().length > 0) {
            t.append(" weights ").append(Arrays.toString(d.weights()));
        }
        if (Double.isFinite(d.min()) || Double.isFinite(d.max())) {
            t.append(" truncated to [").append(Double.isFinite(d.min()) ? Figures.plain(d.min()) : "-inf").append(", ")
                    .append(Double.isFinite(d.max()) ? Figures.plain(d.max()) : "inf").append(']');
        }
        if (d.shift()) {
            t.append(", added to the nominal value (hours for dates)");
        }
        return t.toString();
    }

    private static void figureTable(StringBuilder b, List<Figures.Figure> figures) {
        b.append("<table class=\"figures\"><thead><tr><th>figure</th><th class=\"val\">value</th><th>confidence</th>")
                .append("<th>source</th><th>note</th></tr></thead>\n<tbody>\n");
        for (Figures.Figure f : figures) {
            Provenance p = f.provenance();
            String confidence = p.confidence().name().toLowerCase(Locale.ROOT);
            b.append("<tr><td>").append(Html.escape(f.field())).append("</td><td class=\"val\">")
                    .append(Html.escape(Figures.display(f))).append("</td><td><span class=\"conf ").append(confidence)
                    .append("\">").append(confidence).append("</span></td><td>").append(Html.linkify(p.source()))
                    .append("</td><td>").append(Html.escape(p.note())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static void provenance(StringBuilder b, ScenarioResult result, RunInfo run) {
        Projection p = result.projection();
        Scenario s = p.scenario();
        b.append("<section id=\"provenance\"><h2>Provenance</h2>\n<table class=\"kv\"><tbody>\n");
        row(b, "fleetcast version", run.fleetcastVersion());
        row(b, "scenario file", s.origin().map(o -> o.location()).orElse("none (built in code)"));
        row(b, "scenario SHA-256", s.origin().map(o -> o.sha256()).orElse("none"));
        row(b, "mode", p.mode().id());
        row(b, "seed", p.mode() == io.fleetcast.model.Mode.EXPECTED && result.runs() == 1 ? "not used (expected mode)"
                : Long.toString(result.runs() > 1 ? s.monteCarlo().seed() : p.seed()));
        row(b, "runs", Integer.toString(result.runs()));
        row(b, "JDK", run.jdk());
        row(b, "written at", run.time().toString());
        b.append("</tbody></table>\n</section>\n");
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value)).append("</td></tr>\n");
    }

    /** Inline style sheet: readable on screen and in print, no web fonts (nothing to fetch). */
    static final String CSS = """
            :root { --ink: #1d2330; --muted: #5b6475; --rule: #dfe3ea; --band: #f5f7fa; --accent: #2f5d8a; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
            header { padding: 28px 40px 12px; border-bottom: 1px solid var(--rule); background: var(--band); }
            main { padding: 8px 40px 48px; max-width: 1240px; }
            h1 { margin: 0 0 6px; font-size: 28px; }
            h2 { margin: 36px 0 8px; font-size: 21px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
            h3 { margin: 22px 0 6px; font-size: 16px; }
            .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
            .lead { margin: 0 0 6px; font-size: 17px; }
            .meta { margin: 0 0 10px; color: var(--muted); }
            nav a { margin-right: 14px; color: var(--accent); text-decoration: none; font-weight: 600; }
            table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; font-size: 14px; }
            th, td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid var(--rule); }
            thead th { background: var(--band); font-weight: 600; }
            tbody tr:nth-child(even) td { background: #fbfcfd; }
            tr.total td { font-weight: 600; border-top: 2px solid var(--rule); }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.unit { color: var(--muted); }
            .range { color: var(--muted); font-size: 12px; }
            td.val, th.val { text-align: right; font-variant-numeric: tabular-nums; min-width: 110px; }
            .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 0 18px; }
            .grid img.chart { max-width: 100%; }
            table.summary { width: auto; min-width: 60%; }
            table.kv th { width: 200px; background: none; }
            table.figures td:nth-child(4), table.figures td:nth-child(5) { font-size: 13px; color: #333; max-width: 420px; overflow-wrap: anywhere; }
            .conf { padding: 1px 7px; border-radius: 9px; font-size: 12px; white-space: nowrap; }
            .conf.official { background: #dff3e4; } .conf.reported { background: #e3ecf8; }
            .conf.estimate { background: #fff1d6; } .conf.unsourced { background: #f3dede; }
            figure { margin: 18px 0 26px; }
            img.chart { display: block; width: 100%; max-width: 1100px; height: auto; border: 1px solid var(--rule); }
            figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; max-width: 1100px; }
            a { color: var(--accent); }
            @media print { header { background: none; } h2 { break-after: avoid; } figure { break-inside: avoid; } }
            """;
}
