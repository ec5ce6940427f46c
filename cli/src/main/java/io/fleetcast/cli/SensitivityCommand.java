package io.fleetcast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.analyse.MetricSelector;
import io.fleetcast.analyse.Sensitivity;
import io.fleetcast.analyse.StandardizedRegression;
import io.fleetcast.write.ConsoleProgress;
import io.fleetcast.write.HumanUnits;
import io.fleetcast.write.Numbers;
import io.fleetcast.write.OutputWriter;
import io.fleetcast.write.ResultFolder;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetcast sensitivity SCENARIO [--metric M] [--period YYYY-MM | --total] [--runs N] [--seed S]
 * [--format table|csv|json] [--out DIR]}: which uncertain input moves a metric the most, as a tornado
 * (each input at its P10 and P90, the others at their medians, expected mode) and as standardized
 * regression coefficients over Monte Carlo runs, with R² ({@link Sensitivity}). A warning line follows
 * when there are fewer than 10 runs per input, or when the metric does not vary over the runs (its SRCs
 * are then not shown: they would be fitted to rounding noise).
 *
 * <p>With {@code --out DIR}, writes {@code DIR/SCENARIO/sensitivity.csv} and {@code sensitivity.json},
 * and the scenario's result files with the Monte Carlo bands and the tornado (CSV, JSON and the HTML
 * report with its tornado chart), as one set switched in whole ({@link ResultFolder}).
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, versionProvider = FleetcastCommand.Version.class,
        description = {"Which uncertain input moves a metric the most: tornado (P10/P90 one at a time) and"
                + " standardized regression coefficients over Monte Carlo runs, with R².",
                "The inputs are the scenario's uncertainty: block."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a bad scenario, metric or option, no uncertainty: block, or another fleetcast is writing into --out",
            "3:could not write output (the message names the file; --out keeps its previous results)", "1:internal error"})
final class SensitivityCommand implements Callable<Integer> {

    /** Output formats on standard output. */
    enum Format { TABLE, CSV, JSON }

    /** The value of the JSON output's {@code format} key: its layout version (docs/schemas/sensitivity.schema.json). */
    static final String JSON_FORMAT = "fleetcast-sensitivity/1";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The top-level command: standard input for a scenario given as {@code -}. */
    @CommandLine.ParentCommand
    private FleetcastCommand parent;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file or built-in name.")
    private String scenario;

    @Option(names = "--metric", defaultValue = "tco_usd", paramLabel = "METRIC[@WHEN]",
            description = "The metric to explain (default: ${DEFAULT-VALUE}); WHEN: total (default), peak, YYYY, YYYY-MM.")
    private String metric;

    @Option(names = "--period", paramLabel = "YYYY-MM|YYYY", description = "Read the metric in one period or calendar year.")
    private String period;

    @Option(names = "--total", description = "Read the metric over the whole horizon (the default).")
    private boolean total;

    @Option(names = "--group", paramLabel = "G", description = "total (default), KIND:NAME (deal:amd-openai) or a bare name.")
    private String group;

    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo runs behind the SRCs (default: the scenario's monte-carlo runs).")
    private Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Root seed (default: the scenario's monte-carlo seed).")
    private Long seed;

    @Option(names = "--mode", defaultValue = "expected", paramLabel = "MODE",
            description = "Mode of the Monte Carlo runs: expected (default) or simulate. The tornado is always expected mode.")
    private Mode mode;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: every core). Results do not depend on it.")
    private Integer threads;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Format on standard output (default: table).")
    private Format format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write DIR/SCENARIO/sensitivity.csv, sensitivity.json and the result files with bands and tornado.")
    private Path outDir;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws ScenarioException, IOException {
        Scenario s = AnalysisViews.read(scenario, parent.standardInput());
        ResultFolder folder = null;
        if (outDir != null) {
            // as fleetcast run does: an unusable or busy --out fails before the Monte Carlo runs, not after them
            OutputOptions target = new OutputOptions();
            target.out = outDir;
            target.check(List.of(s));
            target.close();
            folder = OutputOptions.openFolder(outDir);
        }
        try {
            return analyse(s, folder);
        } finally {
            if (folder != null) {
                folder.close();
            }
        }
    }

    private int analyse(Scenario s, ResultFolder folder) {
        Sensitivity.Result r = compute(s, metric, period, total, group, runs, seed, mode, threads,
                ConsoleProgress.forStandardError(quiet));
        String csv = csv(s, r);
        String json = json(s, r);
        if (folder != null) {
            write(folder, s, r, csv, json);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TABLE -> out.print(table(s, r));
            case CSV -> out.print(csv);
            case JSON -> out.println(json);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The analysis, as the command runs it (and {@code POST /v1/sensitivity}, through {@link Analyses}).
     *
     * @param s        the scenario
     * @param metric   {@code METRIC[@WHEN]}
     * @param period   a period or year, or null
     * @param total    whether {@code --total} was given
     * @param group    the group, or null for total
     * @param runs     Monte Carlo runs, or null for the scenario's
     * @param seed     the seed, or null for the scenario's
     * @param mode     the mode of the runs
     * @param threads  worker threads, or null for every core
     * @param progress told of each finished run (it may throw to stop the analysis)
     * @return the tornado and the regression coefficients
     * @throws BadInputException for a bad metric, period, group or count
     */
    static Sensitivity.Result compute(Scenario s, String metric, String period, boolean total, String group, Integer runs,
                                      Long seed, Mode mode, Integer threads, ProgressListener progress) {
        if (period != null && total) {
            throw new BadInputException("give --period or --total, not both");
        }
        String selectorText = metric;
        if (period != null) {
            if (metric.contains("@")) {
                throw new BadInputException("--metric " + metric + " already names a period; drop --period");
            }
            selectorText = metric + "@" + period;
        }
        int n = runs != null ? runs : s.monteCarlo().runs();
        int inputs = io.fleetcast.analyse.UncertainInputs.of(s).size();
        int least = Math.max(3, inputs + 2);
        if (n < least) {
            // the same rule and words as StandardizedRegression's: more runs than the inputs + 1
            throw new BadInputException("--runs " + n + ": the regression of " + inputs + (inputs == 1 ? " input" : " inputs")
                    + " needs at least " + least + " runs (more than the inputs + 1)");
        }
        int t = MonteCarloOptions.threads(threads);
        MonteCarloSettings settings = new MonteCarloSettings(n, seed != null ? seed : s.monteCarlo().seed(),
                s.monteCarlo().quantiles());
        try {
            return Sensitivity.run(s, MetricSelector.parse(selectorText, group, s), mode, settings, t, progress);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private void write(ResultFolder folder, Scenario s, Sensitivity.Result r, String csv, String json) {
        OutputWriter.Options options = OutputWriter.Options.of(outDir, io.fleetcast.write.Format.DEFAULT);
        ScenarioResult result = ScenarioResult.of(r.monteCarlo().meanProjection())
                .withBands(AnalysisViews.bands(r.monteCarlo()))
                .withTornado(AnalysisViews.tornado(r, s));
        java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
        extra.put("sensitivity.csv", csv);
        extra.put("sensitivity.json", json + "\n");
        try {
            OutputWriter.writeScenario(folder, result, RunInfo.current(Clock.systemUTC()), options, extra);
        } catch (IOException e) {
            throw new OutputException(outDir, e);
        }
    }

    private static String table(Scenario s, Sensitivity.Result r) {
        MetricSelector m = r.metric();
        StringBuilder b = new StringBuilder();
        b.append("Sensitivity of ").append(m.text()).append(" for ").append(m.groupText()).append(" - ")
                .append(s.name()).append('\n');
        b.append("Tornado: each input at its P10 and P90, the others at their medians (expected mode). Baseline ")
                .append(human(m, r.baseline())).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"input", "P10", "P90", "at P10", "at P90", "swing", "SRC"});
        boolean negligible = r.spreadNegligible();
        boolean rounding = false;
        for (Sensitivity.Bar bar : r.bars()) {
            rounding |= isRounding(bar.swing(), r.baseline());
            rows.add(new String[] {bar.path().text(), AnalysisViews.inputValue(bar.low(), bar.path(), s),
                AnalysisViews.inputValue(bar.high(), bar.path(), s), human(m, bar.atLow()), human(m, bar.atHigh()),
                swing(m, bar.swing(), r.baseline()), negligible ? "n/a" : String.format(Locale.ROOT, "%+.3f", bar.src())});
        }
        b.append(AnalysisViews.render(rows));
        if (rounding) {
            b.append("~0: a swing below a billionth of the baseline, floating-point rounding rather than an effect\n");
        }
        StandardizedRegression.Result reg = r.regression();
        b.append("SRC: standardized regression coefficients of ").append(m.metricName()).append(" on the inputs over ")
                .append(r.runs()).append(' ').append(r.mode().id()).append(" runs (seed ").append(r.seed()).append("); ");
        if (negligible) {
            b.append("not shown: the metric did not vary over the runs");
        } else if (reg.hasRSquared()) {
            b.append(String.format(Locale.ROOT, "R² = %.4f: a linear model in the inputs explains %.1f %% of the spread",
                    reg.rSquared(), 100 * reg.rSquared()));
        } else {
            b.append("R² undefined: the metric did not vary over the runs");
        }
        b.append('\n');
        for (String w : r.warnings()) {
            b.append("Warning: ").append(w).append('\n');
        }
        return b.toString();
    }

    /**
     * A tornado swing for people. A swing of a billionth of the baseline or less is rounding in the
     * projection's sums (a start shifted by a few hours moves a $71B total by $0.0000153), printed
     * {@code ~0}; money under a cent is {@code <$0.01} rather than a string of zeros.
     *
     * @param m        the metric
     * @param swing    the swing, in the metric's unit
     * @param baseline the metric with every input at its median
     * @return the text
     */
    static String swing(MetricSelector m, double swing, double baseline) {
        if (isRounding(swing, baseline)) {
            return "~0";
        }
        if (swing > 0 && swing < 0.005 && m.unit().equals("USD")) {
            return "<$0.01";
        }
        return human(m, swing);
    }

    private static boolean isRounding(double swing, double baseline) {
        return swing > 0 && swing <= Sensitivity.NEGLIGIBLE_SPREAD * Math.abs(baseline);
    }

    private static String human(MetricSelector m, double v) {
        if (m.unit().equals("fraction")) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return HumanUnits.formatMetric(v, m.metricName());
    }

    private static String csv(Scenario s, Sensitivity.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("scenario,metric,when,group,input,unit,p10_input,p90_input,metric_at_p10,metric_at_p90,swing,src,"
                + "varied,baseline,r_squared,runs,seed,mode,warnings\n");
        MetricSelector m = r.metric();
        String when = m.text().substring(m.text().indexOf('@') + 1);
        boolean negligible = r.spreadNegligible();
        // a metric that does not vary has no SRCs or R²: empty cells, not fitted rounding noise
        String r2 = r.regression().hasRSquared() && !negligible ? Numbers.exact(r.regression().rSquared()) : "";
        String warnings = Numbers.csv(String.join("; ", r.warnings()));
        for (Sensitivity.Bar bar : r.bars()) {
            b.append(Numbers.csv(s.name())).append(',').append(m.metricName()).append(',').append(Numbers.csv(when))
                    .append(',').append(Numbers.csv(m.groupText())).append(',').append(Numbers.csv(bar.path().text()))
                    .append(',').append(Numbers.csv(AnalysisViews.unitOf(bar.path(), s)))
                    .append(',').append(Numbers.exact(bar.low())).append(',').append(Numbers.exact(bar.high()))
                    .append(',').append(Numbers.exact(bar.atLow())).append(',').append(Numbers.exact(bar.atHigh()))
                    .append(',').append(Numbers.exact(bar.swing())).append(',')
                    .append(negligible ? "" : Numbers.exact(bar.src()))
                    .append(',').append(r.regression().varied(bar.input()))
                    .append(',').append(Numbers.exact(r.baseline())).append(',').append(r2)
                    .append(',').append(r.runs()).append(',').append(r.seed()).append(',').append(r.mode().id())
                    .append(',').append(warnings).append('\n');
        }
        return b.toString();
    }

    static String json(Scenario s, Sensitivity.Result r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        MetricSelector m = r.metric();
        root.put("format", JSON_FORMAT);
        root.put("scenario", s.name());
        root.put("metric", m.metricName());
        root.put("when", m.text().substring(m.text().indexOf('@') + 1));
        root.put("group", m.groupText());
        root.put("unit", m.unit());
        root.put("baseline", r.baseline());
        root.put("runs", r.runs());
        root.put("seed", r.seed());
        root.put("mode", r.mode().id());
        boolean negligible = r.spreadNegligible();
        if (r.regression().hasRSquared() && !negligible) {
            root.put("r_squared", r.regression().rSquared());
        } else {
            root.putNull("r_squared");
        }
        double spread = r.relativeSpread();
        if (Double.isFinite(spread)) {
            root.put("metric_relative_spread", spread);
        } else {
            // varied around a mean of 0: no finite relative spread (and no infinity in an output)
            root.putNull("metric_relative_spread");
        }
        ArrayNode warnings = root.putArray("warnings");
        for (String w : r.warnings()) {
            warnings.add(w);
        }
        root.put("tornado_low", "p10");
        root.put("tornado_high", "p90");
        ArrayNode bars = root.putArray("inputs");
        for (Sensitivity.Bar bar : r.bars()) {
            ObjectNode o = bars.addObject();
            o.put("input", bar.path().text());
            o.put("unit", AnalysisViews.unitOf(bar.path(), s));
            o.put("p10", bar.low());
            o.put("p90", bar.high());
            o.put("metric_at_p10", bar.atLow());
            o.put("metric_at_p90", bar.atHigh());
            o.put("swing", bar.swing());
            if (negligible) {
                o.putNull("src");
            } else {
                o.put("src", bar.src());
            }
            o.put("varied", r.regression().varied(bar.input()));
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
