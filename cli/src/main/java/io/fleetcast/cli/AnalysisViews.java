package io.fleetcast.cli;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.analyse.InputField;
import io.fleetcast.analyse.InputPath;
import io.fleetcast.analyse.InputValue;
import io.fleetcast.analyse.MetricSelector;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.analyse.ScenarioEditor;
import io.fleetcast.analyse.Sensitivity;
import io.fleetcast.analyse.SummaryCells;
import io.fleetcast.scenario.Quantity;
import io.fleetcast.scenario.ScenarioReader;
import io.fleetcast.scenario.Unit;
import io.fleetcast.write.Headline;
import io.fleetcast.write.QuantileBands;
import io.fleetcast.write.Tornado;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the analysis verbs share: reading the scenario and its {@code --set} overrides, parsing target
 * values, and adapting the analysis results ({@code io.fleetcast.analyse}) to the writers' views
 * ({@code io.fleetcast.write}), which the analysis stage must not depend on.
 */
final class AnalysisViews {

    /** The headline figures whose P10/P50/P90 {@code run --runs} prints. */
    static final List<String> HEADLINE_FIGURES = List.of("resolved_accelerators", "total.cash_usd", "total.tco_usd", "total.energy_mwh",
            "peak.facility_power_mw", "npv_cash_usd", "usd_per_accelerator_hour");

    private AnalysisViews() {
    }

    /**
     * Reads a scenario file or built-in name.
     *
     * @param nameOrPath a path, or the name of a built-in scenario
     * @return the scenario
     * @throws ScenarioException with every problem of the file (exit code 2)
     */
    static Scenario read(String nameOrPath) throws ScenarioException {
        return new ScenarioReader().readNamedOrPath(nameOrPath);
    }

    /** The argument that names standard input as the scenario. */
    static final String STANDARD_INPUT = "-";

    /**
     * Reads a scenario argument: {@code -} reads the YAML from standard input (named {@code <stdin>} in errors;
     * {@code accelerators-file} and {@code sites-file} resolve against the working folder), anything else is a
     * file or a built-in name.
     *
     * @param nameOrPath the argument
     * @param stdin      standard input
     * @return the scenario
     * @throws ScenarioException when it is invalid
     */
    static Scenario read(String nameOrPath, java.io.InputStream stdin) throws ScenarioException {
        if (!STANDARD_INPUT.equals(nameOrPath)) {
            return read(nameOrPath);
        }
        String yaml;
        try {
            yaml = new String(stdin.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new BadInputException("-: cannot read the scenario from standard input (" + e.getMessage() + ")");
        }
        if (yaml.isBlank()) {
            throw new BadInputException("-: standard input is empty; pipe a scenario in, e.g. fleetcast run - < scenario.yaml");
        }
        return new ScenarioReader().readString(yaml, "<stdin>", java.nio.file.Path.of(""));
    }

    /**
     * Applies {@code --set PATH=VALUE} overrides (values in base units or with a unit).
     *
     * @param scenario the scenario
     * @param sets     the overrides as typed, possibly null
     * @return the scenario with the overrides applied
     * @throws BadInputException naming the override and what is wrong
     */
    static Scenario applySets(Scenario scenario, List<String> sets) {
        if (sets == null || sets.isEmpty()) {
            return scenario;
        }
        List<InputPath> paths = new ArrayList<>();
        List<ScenarioEditor.Mode> modes = new ArrayList<>();
        double[] values = new double[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            String s = sets.get(i);
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--set " + s + ": expected PATH=VALUE, e.g. deployments.aws-gb200.count=150000");
            }
            try {
                InputPath p = InputPath.parse(s.substring(0, eq), scenario);
                paths.add(p);
                modes.add(ScenarioEditor.Mode.SET);
                values[i] = InputValue.parse(s.substring(eq + 1), p, scenario);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--set " + s + ": " + e.getMessage());
            }
        }
        try {
            ScenarioEditor editor = ScenarioEditor.compile(scenario, paths, modes);
            for (int k = 0; k < values.length; k++) {
                String problem = editor.check(k, values[k]);
                if (problem != null) {
                    throw new BadInputException("--set " + sets.get(k) + ": " + problem);
                }
            }
            return editor.apply(values);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--set: " + e.getMessage());
        }
    }

    /**
     * The base unit of a path's value, for display: {@code USD/h}, {@code W}, {@code h}, or empty.
     *
     * @param path     the input
     * @param scenario its scenario
     * @return the unit symbol
     */
    static String unitOf(InputPath path, Scenario scenario) {
        InputField f = path.field();
        if (f == InputField.SIZE) {
            for (int i = 0; i < scenario.deployments().size(); i++) {
                if (scenario.deployments().get(i).id().equals(path.id())) {
                    return switch (scenario.deployments().get(i).size().kind()) {
                        case COUNT -> "accelerators";
                        case IT_POWER, FACILITY_POWER -> "W";
                        case BUDGET -> "USD";
                    };
                }
            }
        }
        if (f == InputField.COUNT) {
            return "accelerators";
        }
        if (f.dimension() == null) {
            return "";
        }
        return switch (f.dimension()) {
            case DURATION -> "h";
            case POWER -> "W";
            case ENERGY -> "Wh";
            case MONEY -> "USD";
            case PRICE_PER_HOUR -> "USD/h";
            case ENERGY_PRICE -> "USD/MWh";
            case CAPACITY_PRICE -> "USD/MW";
            case CARBON_INTENSITY -> "g/kWh";
            case MASS -> "kgCO2e";
            case YEARLY_RATE -> "1/year";
            case COMPUTE -> "TFLOPS";
            case MEMORY -> "GB";
            case FRACTION, NUMBER -> "";
        };
    }

    /**
     * A target value as typed after {@code =}: a number in the metric's unit ({@code 38e9} USD,
     * {@code 1000} MW), a quantity whose unit converts to it ({@code "1 GW"}, {@code "38e9 USD"},
     * {@code "2 TWh"}), or a multiple of the scenario's own value ({@code 2x}).
     *
     * @param text     the value
     * @param selector the metric it is for
     * @return {value, 1} for an absolute value, {factor, 0} for a multiple
     * @throws BadInputException when the text is none of these
     */
    static double[] targetValue(String text, MetricSelector selector) {
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).endsWith("x")) {
            try {
                return new double[] {Double.parseDouble(t.substring(0, t.length() - 1).strip()), 0};
            } catch (NumberFormatException e) {
                throw new BadInputException("--target " + selector.metricName() + ": '" + text
                        + "' is not a multiple such as 2x");
            }
        }
        Quantity q;
        try {
            q = Quantity.parse(t);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--target " + selector.metricName() + ": '" + text + "' is " + e.getMessage()
                    + "; expected a number in " + selector.unit() + ", a quantity such as '1 GW', or a multiple such as 2x");
        }
        if (q.unit() == Unit.PLAIN) {
            return new double[] {q.number().doubleValue(), 1};
        }
        double base = q.base();
        String unit = selector.unit();
        double value = switch (q.dimension()) {
            case POWER -> unit.equals("MW") ? base / 1e6 : Double.NaN;
            case ENERGY -> unit.equals("MWh") ? base / 1e6 : Double.NaN;
            case MONEY -> unit.equals("USD") ? base : Double.NaN;
            case FRACTION -> unit.equals("fraction") ? base : Double.NaN;
            default -> Double.NaN;
        };
        if (Double.isNaN(value)) {
            throw new BadInputException("--target " + selector.metricName() + ": '" + text + "' is "
                    + q.dimension().description() + ", but " + selector.metricName() + " is in " + unit);
        }
        return new double[] {value, 1};
    }

    /**
     * The writers' view of Monte Carlo bands ({@link QuantileBands#of(MonteCarloResult)}).
     *
     * @param r the result
     * @return the bands
     */
    static QuantileBands bands(MonteCarloResult r) {
        return QuantileBands.of(r);
    }

    /**
     * The writers' view of a tornado.
     *
     * @param s        the sensitivity result
     * @param scenario the scenario (for input units)
     * @return the tornado, its output named {@code WHEN.METRIC} ({@code total.tco_usd}) so its unit suffix shows
     */
    static Tornado tornado(Sensitivity.Result s, Scenario scenario) {
        List<Tornado.Bar> bars = new ArrayList<>();
        for (Sensitivity.Bar b : s.bars()) {
            bars.add(new Tornado.Bar(b.path().text(), unitOf(b.path(), scenario), b.low(), b.high(), b.atLow(), b.atHigh()));
        }
        return new Tornado(outputName(s.metric()), s.baseline(), "P10", "P90", bars);
    }

    /** {@code total.tco_usd}, {@code peak.facility_power_mw}, {@code 2027-06.energy_mwh}. */
    static String outputName(MetricSelector m) {
        String text = m.text();
        int at = text.indexOf('@');
        String when = at < 0 ? "total" : text.substring(at + 1);
        return when + "." + m.metricName();
    }

    /** The quantiles a Monte Carlo reports: the command line's, else the scenario's. */
    static double[] quantiles(List<Double> option, MonteCarloSettings scenario) {
        if (option == null || option.isEmpty()) {
            return scenario.quantiles();
        }
        double[] q = new double[option.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = option.get(i);
            if (!(q[i] > 0 && q[i] < 1) || (i > 0 && !(q[i] > q[i - 1]))) {
                throw new BadInputException("--quantiles " + option + ": expected ascending probabilities inside (0, 1), e.g. 0.1,0.5,0.9");
            }
        }
        return q;
    }

    /**
     * The P10/P50/P90 table of the headline figures (or of the reported quantiles that exist).
     *
     * @param r the Monte Carlo result
     * @return the table text, one line per figure
     */
    static String headlineTable(MonteCarloResult r) {
        double[] probs = r.quantiles();
        double[] wanted = {0.1, 0.5, 0.9};
        List<Integer> cols = new ArrayList<>();
        for (double w : wanted) {
            int q = r.summaryBands().indexOf(w);
            if (q >= 0) {
                cols.add(q);
            }
        }
        if (cols.isEmpty()) {
            for (int q = 0; q < probs.length; q++) {
                cols.add(q);
            }
        }
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[cols.size() + 2];
        header[0] = "figure";
        for (int i = 0; i < cols.size(); i++) {
            header[i + 1] = "P" + percent(probs[cols.get(i)]);
        }
        header[header.length - 1] = "mean";
        rows.add(header);
        for (String figure : HEADLINE_FIGURES) {
            Headline h = headline(figure);
            int cell = SummaryCells.byName(figure);
            String[] row = new String[cols.size() + 2];
            row[0] = h.label();
            for (int i = 0; i < cols.size(); i++) {
                row[i + 1] = h.format(r.summaryBands().quantile(cols.get(i), cell));
            }
            row[row.length - 1] = h.format(r.summaryMean(cell));
            rows.add(row);
        }
        return render(rows);
    }

    /**
     * A plain text table: first column left-aligned, the others right-aligned, two spaces between.
     *
     * @param rows header first; every row as long as the header. Not modified.
     * @return the lines, each ending in a newline
     */
    static String render(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], rows.get(r)[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = rows.get(r)[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(c == 0 ? cell + pad : pad + cell);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static Headline headline(String figure) {
        for (Headline h : Headline.ALL) {
            if (h.figure().equals(figure)) {
                return h;
            }
        }
        throw new IllegalStateException("no headline " + figure);
    }

    /** 0.1 -> "10", 0.05 -> "5", 0.025 -> "2.5". */
    static String percent(double p) {
        double v = p * 100;
        return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : String.valueOf(v);
    }

    /** A readable number: grouped integers from 10,000 up, else six significant digits. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 1e4 && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** Nine significant digits, for values compared with a target ({@code 999.998512}, {@code 38,000,000,000}). */
    static String precise(double v) {
        if (Double.isFinite(v) && Math.abs(v) >= 1e9 && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.9g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** A metric's value with its unit: {@code 1,000 MW}, {@code 0.0999 fraction}. */
    static String withUnit(double v, String unit) {
        return number(v) + (unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * An input value with its unit; durations also in months, which is how planners think of delays
     * ({@code 4,383 h (6 months)}).
     *
     * @param v        the value in the field's base unit
     * @param path     the input
     * @param scenario its scenario
     * @return the text
     */
    static String inputValue(double v, InputPath path, Scenario scenario) {
        String unit = unitOf(path, scenario);
        String text = withUnit(v, unit);
        if (unit.equals("h") && Math.abs(v) >= 24) {
            text += " (" + String.format(Locale.ROOT, "%.1f", v / io.fleetcast.model.Units.HOURS_PER_MONTH) + " months)";
        }
        return text;
    }

    /** Metric ids, for help texts. */
    static String metricIds() {
        StringBuilder b = new StringBuilder();
        for (Metric m : Metric.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(m.id());
        }
        return b.append(", ").append(MetricSelector.ENERGY_SHARE_OF_TCO).toString();
    }
}
