package io.fleetcast.bench.report;

import io.fleetcast.bench.PerformanceTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link BaselineComparison} as the Markdown report CI prints into its log: verdict,
 * results with score, error, domain rate, allocation and ratio to the baseline, the promised
 * targets, the JMH settings and the machine.
 */
public final class MarkdownReport {

    /**
     * What the report says about how it was produced.
     *
     * @param title heading, for example "fleetcast benchmark report"
     * @param profile the run.sh profile ("quick", "full") or a free label
     * @param resultFile the JMH result file, as given
     * @param baselineFile the baseline file, or null when none was used
     * @param chartFile the chart's file name relative to the report, or null when none was written
     * @param chartProblem why the chart is missing, or null
     * @param generatedAt timestamp text (UTC)
     */
    public record Meta(String title, String profile, String resultFile, String baselineFile,
                       String chartFile, String chartProblem, String generatedAt) {}

    private MarkdownReport() {}

    /**
     * Renders the report.
     *
     * @param comparison results against the baseline; not modified
     * @param machine the machine context
     * @param meta how the report was produced
     * @return the Markdown text, ending with a newline
     */
    public static String render(BaselineComparison comparison, MachineContext machine, Meta meta) {
        return render(comparison, machine, meta, true);
    }

    /**
     * Renders the report.
     *
     * @param comparison results against the baseline; not modified
     * @param machine the machine context
     * @param meta how the report was produced
     * @param absoluteGated whether a rate below the threshold of its baseline fails the build (else it is reported
     *     as information: the {@link RatioGate} decides)
     * @return the Markdown text, ending with a newline
     */
    public static String render(BaselineComparison comparison, MachineContext machine, Meta meta, boolean absoluteGated) {
        StringBuilder md = new StringBuilder(4096);
        md.append("# ").append(meta.title()).append("\n\n");
        verdict(md, comparison, meta, absoluteGated);
        Map<JmhResult.RunSettings, String> settingsIds = settingsIds(comparison);
        results(md, comparison, settingsIds);
        targets(md, comparison);
        secondary(md, comparison);
        if (meta.chartFile() != null) {
            md.append("![rate now / baseline rate, per benchmark](").append(meta.chartFile()).append(")\n\n");
        } else if (meta.chartProblem() != null) {
            md.append("Chart not written: ").append(meta.chartProblem()).append("\n\n");
        }
        settings(md, settingsIds);
        machine(md, comparison, machine);
        if (!comparison.notRun().isEmpty()) {
            md.append("Baseline entries not run this time (other profile or removed): ")
                    .append(comparison.notRun().size()).append(".\n");
        }
        return md.toString();
    }

    private static void verdict(StringBuilder md, BaselineComparison comparison, Meta meta, boolean absoluteGated) {
        md.append("Profile **").append(meta.profile()).append("**, ").append(meta.generatedAt())
                .append(". Results: `").append(meta.resultFile()).append("`; baseline: ")
                .append(meta.baselineFile() == null ? "none" : "`" + meta.baselineFile() + "`").append(".\n\n");
        List<BaselineComparison.Row> bad = comparison.regressions();
        String half = threshold(comparison.threshold());
        if (bad.isEmpty()) {
            md.append("**PASS**: no benchmark below ").append(half).append(" of its baseline rate (")
                    .append(comparison.rows().size()).append(" results; a result fails only when its rate plus its ")
                    .append("99.9 % error is below that, so noise on a busy machine does not).\n\n");
        } else {
            md.append(absoluteGated ? "**FAIL**: " : "Not gated (absolute rates move with the machine's load; the ratios at the "
                    + "end decide): ").append(bad.size()).append(bad.size() == 1 ? " benchmark" : " benchmarks")
                    .append(" below ").append(half).append(" of the baseline rate even at the top of the error bar:");
            for (BaselineComparison.Row row : bad) {
                md.append(" `").append(row.result().shortName()).append(row.result().paramsText(" ", ""))
                        .append("` at ").append(ratio(row.ratio())).append(';');
            }
            md.setLength(md.length() - 1);
            md.append(".\n\n");
        }
    }

    private static void results(StringBuilder md, BaselineComparison comparison,
                                Map<JmhResult.RunSettings, String> settingsIds) {
        md.append("## Results\n\n");
        md.append("Rates are in the domain unit per second (avgt scores are inverted; counted units come from the "
                + "benchmark's @AuxCounters); Alloc is bytes allocated per unit (GC profiler); the ratio is rate now / "
                + "baseline rate, above 1 is faster.\n\n");
        md.append("| Benchmark | Params | Mode | Score ± error | Rate | Alloc | Baseline rate | Ratio | Status | Settings |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (BaselineComparison.Row row : comparison.rows()) {
            JmhResult r = row.result();
            DomainInfo domain = DomainInfo.of(r.benchmark());
            md.append("| ").append(r.shortName())
                    .append(" | ").append(r.params().isEmpty() ? "" : r.paramsText("", "").replace(",", ", "))
                    .append(" | ").append(r.mode())
                    .append(" | ").append(scoreText(r.primary()))
                    .append(" | ").append(rateText(domain.rate(r), domain.rateError(r))).append(' ').append(domain.unit()).append("/s")
                    .append(" | ").append(alloc(r, domain))
                    .append(" | ").append(row.baseline() == null ? "—"
                            : Rates.si(domain.rate(row.baseline())) + " " + domain.unit() + "/s")
                    .append(" | ").append(ratio(row.ratio()))
                    .append(" | ").append(status(row.status(), comparison.threshold()))
                    .append(" | ").append(settingsIds.get(r.settings()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void targets(StringBuilder md, BaselineComparison comparison) {
        List<String> lines = new ArrayList<>();
        for (BaselineComparison.Row row : comparison.rows()) {
            JmhResult r = row.result();
            DomainInfo domain = DomainInfo.of(r.benchmark());
            PerformanceTarget target = domain.target();
            if (target == null || !DomainInfo.matches(target.params(), r.params())) {
                continue;
            }
            double rate = domain.rate(r);
            double share = rate / target.minPerSecond();
            lines.add("| " + target.description()
                    + " | " + r.shortName() + r.paramsText(" ", "")
                    + " | " + Rates.si(rate) + " " + domain.unit() + "/s"
                    + " | " + Rates.si(target.minPerSecond()) + " " + domain.unit() + "/s"
                    + " | " + (share >= 1 ? "met" : "not met") + String.format(Locale.ROOT, " (%.0f %%)", share * 100)
                    + " |");
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("## Targets\n\n");
        md.append("| Target | Benchmark | Measured | Needed | Status |\n| --- | --- | --- | --- | --- |\n");
        for (String line : lines) {
            md.append(line).append('\n');
        }
        md.append('\n');
    }

    private static void secondary(StringBuilder md, BaselineComparison comparison) {
        boolean any = false;
        for (BaselineComparison.Row row : comparison.rows()) {
            if (!row.result().secondary().isEmpty()) {
                any = true;
                break;
            }
        }
        if (!any) {
            return;
        }
        md.append("## Secondary metrics\n\n");
        for (BaselineComparison.Row row : comparison.rows()) {
            JmhResult r = row.result();
            if (r.secondary().isEmpty()) {
                continue;
            }
            md.append("- `").append(r.shortName()).append(r.paramsText(" ", "")).append("`: ");
            boolean first = true;
            for (Map.Entry<String, JmhResult.Metric> entry : r.secondary().entrySet()) {
                if (!first) {
                    md.append("; ");
                }
                first = false;
                md.append(entry.getKey()).append(' ').append(scoreText(entry.getValue()));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void settings(StringBuilder md, Map<JmhResult.RunSettings, String> ids) {
        md.append("## JMH settings\n\n");
        for (Map.Entry<JmhResult.RunSettings, String> entry : ids.entrySet()) {
            JmhResult.RunSettings s = entry.getKey();
            md.append("- ").append(entry.getValue()).append(": JMH ").append(s.jmhVersion()).append(", ")
                    .append(s.describe()).append("; JVM flags `").append(String.join(" ", s.jvmArgs())).append("`\n");
        }
        md.append('\n');
    }

    private static void machine(StringBuilder md, BaselineComparison comparison, MachineContext machine) {
        md.append("## Machine\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append("| CPU | ").append(machine.cpuModel()).append(" (").append(machine.cpuDetail()).append(") |\n");
        md.append("| SIMD | ").append(machine.vectorIsa()).append(" |\n");
        md.append("| Caches (per core; L3 shared) | ").append(machine.caches()).append(" |\n");
        md.append("| Logical cores | ").append(machine.logicalCores()).append(" |\n");
        md.append("| Memory | ").append(machine.memory()).append(" |\n");
        md.append("| OS | ").append(machine.os()).append(" |\n");
        List<String> jvms = new ArrayList<>();
        for (BaselineComparison.Row row : comparison.rows()) {
            JmhResult.JvmInfo jvm = row.result().jvm();
            String text = "JDK " + jvm.jdkVersion() + ", " + jvm.vmName() + " " + jvm.vmVersion() + " (`" + jvm.path() + "`)";
            if (!jvms.contains(text)) {
                jvms.add(text);
            }
        }
        md.append("| JVM | ").append(jvms.isEmpty() ? "unknown" : String.join("; ", jvms)).append(" |\n");
        md.append("| Load average (1, 5, 15 min) at report time | ").append(machine.loadAverage()).append(" |\n\n");
    }

    private static Map<JmhResult.RunSettings, String> settingsIds(BaselineComparison comparison) {
        Map<JmhResult.RunSettings, String> ids = new LinkedHashMap<>();
        for (BaselineComparison.Row row : comparison.rows()) {
            ids.computeIfAbsent(row.result().settings(), s -> "S" + (ids.size() + 1));
        }
        return ids;
    }

    private static String alloc(JmhResult r, DomainInfo domain) {
        double bytes = domain.bytesPerUnit(r);
        if (Double.isNaN(bytes)) {
            return "—";
        }
        // "0.0171 B/device", "733 kB/cube": SI prefixes (powers of 1000) above 1000 bytes
        return (bytes < 1000 ? Rates.significant(bytes) + " B" : Rates.si(bytes) + "B") + "/" + domain.singular();
    }

    static String rateText(double rate, double error) {
        return Rates.si(rate) + (Double.isNaN(error) ? "" : " ± " + Rates.si(error));
    }

    static String scoreText(JmhResult.Metric metric) {
        String error = Double.isNaN(metric.error()) ? "" : " ± " + Rates.si(metric.error());
        return Rates.si(metric.score()) + error + " " + metric.unit();
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String status(BaselineComparison.Status status, double threshold) {
        return switch (status) {
            case OK -> "ok";
            case REGRESSION -> "**below " + threshold(threshold) + " of baseline**";
            case NO_BASELINE -> "no baseline";
        };
    }

    private static String threshold(double threshold) {
        return threshold == 0.5 ? "1/2" : String.format(Locale.ROOT, "%.2f", threshold);
    }

    /**
     * The gate's section: each ratio, its floor and verdict, and the commit measured.
     *
     * @param outcomes the gate's outcomes; not modified
     * @param commit   the git commit the benchmarks were built from, or null
     * @return the Markdown section
     */
    public static String gate(List<RatioGate.Outcome> outcomes, String commit) {
        StringBuilder md = new StringBuilder(1024);
        md.append("\n## Gate: ratios measured in this run\n\n");
        md.append("Both durations of a ratio are measured back to back in one invocation; the value is the median of the "
                + "per-iteration ratios over every fork; the build fails when a gated one is below its floor.\n\n");
        md.append("| Ratio | Value | Floor | Verdict | Why this floor |\n| --- | --- | --- | --- | --- |\n");
        for (RatioGate.Outcome o : outcomes) {
            md.append("| ").append(o.check().name())
                    .append(" | ").append(Double.isNaN(o.value()) ? "—" : Rates.significant(o.value()) + " (" + o.samples() + " iterations)")
                    .append(" | ").append(Rates.significant(o.check().min()))
                    .append(" | ").append(switch (o.status()) {
                        case PASS -> "pass";
                        case FAIL -> "**FAIL**";
                        case BELOW -> "below (reported, not gated)";
                        case NOT_RUN -> "not run";
                    })
                    .append(" | ").append(o.check().why()).append(" |\n");
        }
        md.append("\nBuilt from commit `").append(commit == null || commit.isBlank() ? "unknown" : commit).append("`.\n");
        return md.toString();
    }
}
