package io.fleetcast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.analyse.GoalSeek;
import io.fleetcast.analyse.InputPath;
import io.fleetcast.analyse.InputValue;
import io.fleetcast.analyse.MetricSelector;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetcast solve SCENARIO --vary PATH --target METRIC[@WHEN]=VALUE [--between LO HI] [--group G]
 * [--set PATH=VALUE]...}: the value of one input that makes a metric hit a target, by Brent's method in
 * expected mode ({@link GoalSeek}).
 *
 * <p>Values ({@code --between}, {@code --set}) are numbers in the field's base unit ({@code 2.5} USD/h) or
 * quantities with a unit ({@code "2.5 USD/h"}, {@code "1 GW"}, {@code "6 months"}). The target value is a
 * number in the metric's unit ({@code 38e9} for {@code lease_cost_usd}, {@code 1000} for
 * {@code facility_power_mw}), a quantity converting to it ({@code "1 GW"}), or a multiple of the
 * scenario's own value ({@code 2x}). Several comma-separated {@code --vary} paths take one shared value.
 */
@Command(name = "solve", mixinStandardHelpOptions = true, versionProvider = FleetcastCommand.Version.class,
        description = {"Find the value of one input that makes a metric hit a target (Brent's method, expected mode).",
                "Example: fleetcast solve aws-openai-38b --set deployments.aws-gb200.count=150000"
                        + " --set deployments.aws-gb300.count=150000"
                        + " --vary deployments.aws-gb200.lease-price,deployments.aws-gb300.lease-price"
                        + " --target lease_cost_usd=38e9 --group deal:aws-openai --between 0.5 10"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:solved", "2:no root in the bracket, a bad path, value or scenario, or bad usage",
                "1:internal error"})
final class SolveCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TABLE, JSON }

    /** The value of the JSON output's {@code format} key: its layout version (docs/schemas/solve.schema.json). */
    static final String JSON_FORMAT = "fleetcast-solve/1";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The top-level command: standard input for a scenario given as {@code -}. */
    @CommandLine.ParentCommand
    private FleetcastCommand parent;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file or built-in name.")
    private String scenario;

    @Option(names = "--vary", required = true, split = ",", paramLabel = "PATH",
            description = "The input to solve for: accelerators.<id>.<field>, sites.<id>.<field> or deployments.<id>.<field>"
                    + " (YAML field names; count, it-power, facility-power or budget set a deployment's size). "
                    + "Comma-separated paths share one value.")
    private List<String> vary;

    @Option(names = "--target", required = true, paramLabel = "METRIC[@WHEN]=VALUE",
            description = "The metric and the value it must hit. WHEN: total (default), peak, YYYY, YYYY-MM or YYYY-MM-DD. "
                    + "VALUE: a number in the metric's unit, a quantity ('1 GW'), or a multiple of its value in the scenario (2x).")
    private String target;

    @Option(names = "--between", arity = "2", paramLabel = "LO HI",
            description = "The bracket of the input (base units or with a unit). Default: 1/100 to 100 times its value in the scenario.")
    private List<String> between;

    @Option(names = "--group", paramLabel = "G",
            description = "The group the metric is read for: total (default), KIND:NAME (deal:aws-openai), or a bare name.")
    private String group;

    /** --set PATH=VALUE: inputs fixed before solving (shared with run). */
    @CommandLine.Mixin
    private SetOptions setOptions = new SetOptions();

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: table or json (default: table).")
    private Format format;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        out.print(solve(AnalysisViews.read(scenario, parent.standardInput()), setOptions.sets, vary, target, between, group, format));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Solves, as the command does (and {@code POST /v1/solve}, through {@link Analyses}).
     *
     * @param scenario the scenario as read
     * @param sets     {@code PATH=VALUE} overrides applied first
     * @param vary     the paths sharing the unknown value
     * @param target   {@code METRIC[@WHEN]=VALUE}
     * @param between  the bracket (two values), or null for the default
     * @param group    the group the metric is read for, or null for total
     * @param format   table or json
     * @return the answer as text, ending with a line break
     * @throws BadInputException for a bad path, value or target, or no root in the bracket
     */
    static String solve(Scenario scenario, List<String> sets, List<String> vary, String target, List<String> between,
                        String group, Format format) {
        Scenario base = AnalysisViews.applySets(scenario, sets);
        int eq = target.indexOf('=');
        if (eq <= 0 || eq == target.length() - 1) {
            throw new BadInputException("--target " + target + ": expected METRIC[@WHEN]=VALUE, e.g. lease_cost_usd@total=38e9");
        }
        MetricSelector selector;
        List<InputPath> paths = new ArrayList<>();
        GoalSeek seek;
        try {
            selector = MetricSelector.parse(target.substring(0, eq), group, base);
            for (String v : vary) {
                paths.add(InputPath.parse(v, base));
            }
            seek = GoalSeek.of(base, paths, selector);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        double[] value = AnalysisViews.targetValue(target.substring(eq + 1), selector);
        double baseValue = Double.NaN;
        double goal = value[0];
        if (value[1] == 0) {
            baseValue = value(() -> seek.baseValue());
            goal = value[0] * baseValue;
        }
        double lo;
        double hi;
        try {
            if (between != null) {
                lo = InputValue.parse(between.get(0), paths.get(0), base);
                hi = InputValue.parse(between.get(1), paths.get(0), base);
            } else {
                double[] b = seek.defaultBracket();
                lo = b[0];
                hi = b[1];
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--between: " + e.getMessage());
        }
        double finalGoal = goal;
        String unit = AnalysisViews.unitOf(paths.get(0), base);
        GoalSeek.Answer a;
        try {
            a = value(() -> seek.solve(finalGoal, lo, hi));
        } catch (BadInputException e) {
            if (!(e.getCause() instanceof GoalSeek.NoRootException none)) {
                throw e;
            }
            // GoalSeek's message carries raw doubles (3.734721203484431E10 at 550.0); a planner reads units
            String metricAt = AnalysisViews.withUnit(none.atLo(), selector.unit()) + " at "
                    + AnalysisViews.inputValue(lo, paths.get(0), base) + " and "
                    + AnalysisViews.withUnit(none.atHi(), selector.unit()) + " at " + AnalysisViews.inputValue(hi, paths.get(0), base);
            throw new BadInputException("no value of " + String.join(", ", vary) + " in [" + AnalysisViews.inputValue(lo, paths.get(0), base)
                    + ", " + AnalysisViews.inputValue(hi, paths.get(0), base) + "] makes " + selector.text() + " of "
                    + selector.groupText() + " = " + AnalysisViews.withUnit(finalGoal, selector.unit()) + ": it is " + metricAt
                    + " (both " + (none.atLo() > finalGoal ? "above" : "below") + " the target); widen --between");
        }
        if (format == Format.JSON) {
            return json(sets, base, paths, selector, unit, value, baseValue, a, seek.nominal()) + System.lineSeparator();
        }
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(text);
        print(out, sets, base, paths, selector, unit, value, baseValue, a, seek.nominal());
        out.flush();
        return text.toString();
    }

    /** Runs an analysis step, turning its user-facing failures (no root, a value out of range) into exit code 2. */
    private static <T> T value(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private static void print(PrintWriter out, List<String> sets, Scenario base, List<InputPath> paths, MetricSelector selector, String unit,
                       double[] value, double baseValue, GoalSeek.Answer a, double nominal) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", base.name() + base.origin().map(o -> " (" + o.location() + ")").orElse("")});
        for (String s : sets) {
            rows.add(new String[] {"set", s});
        }
        List<String> names = new ArrayList<>();
        for (InputPath p : paths) {
            names.add(p.text());
        }
        rows.add(new String[] {"vary", String.join(", ", names) + (unit.isEmpty() ? "" : " [" + unit + "]")
                + (Double.isNaN(nominal) ? "" : ", in the scenario " + nominalText(paths.get(0), nominal, unit))});
        String goal = AnalysisViews.withUnit(a.target(), selector.unit());
        if (value[1] == 0) {
            goal += " (" + AnalysisViews.number(value[0]) + " x its value in the scenario, "
                    + AnalysisViews.withUnit(baseValue, selector.unit()) + ")";
        }
        rows.add(new String[] {"target", selector.text() + " of " + selector.groupText() + " = " + goal});
        String answer = AnalysisViews.withUnit(a.value(), unit);
        if (a.whole()) {
            answer = AnalysisViews.number(a.value()) + " " + unit + " (around the crossing: " + AnalysisViews.number(a.wholeBelow()) + " gives "
                    + AnalysisViews.precise(a.atWholeBelow()) + ", " + AnalysisViews.number(a.wholeAbove())
                    + " gives " + AnalysisViews.precise(a.atWholeAbove()) + " " + selector.unit() + ")";
        }
        rows.add(new String[] {"answer", answer});
        rows.add(new String[] {"achieved", AnalysisViews.precise(a.achieved()) + " " + selector.unit() + " ("
                + a.evaluations() + " projections, expected mode)"});
        String check = check(paths, selector, a);
        if (check != null) {
            rows.add(new String[] {"check", check});
        }
        rows.add(new String[] {"bracket", AnalysisViews.number(a.lo()) + " .. " + AnalysisViews.withUnit(a.hi(), unit) + ": "
                + selector.metricName() + " " + AnalysisViews.number(a.atLo()) + " .. "
                + AnalysisViews.withUnit(a.atHi(), selector.unit())});
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(String.format(java.util.Locale.ROOT, "%-9s %s%n", r[0], r[1]));
        }
        out.print(b);
    }

    /**
     * The input's value in the scenario. A count sized by power or budget is shown as the whole number of
     * accelerators the scenario resolves to (the sizing table's number), with the exact quotient beside it:
     * rounding 273,672.69 to "273,673" would contradict the sizing of {@code fleetcast run}.
     */
    private static String nominalText(InputPath path, double nominal, String unit) {
        if (path.field() != io.fleetcast.analyse.InputField.COUNT) {
            return AnalysisViews.withUnit(nominal, unit);
        }
        long whole = io.fleetcast.plan.Sizing.floorCount(nominal);
        String text = AnalysisViews.withUnit(whole, unit);
        return whole == nominal ? text : text + " (" + AnalysisViews.precise(nominal) + " before rounding down)";
    }

    /**
     * For a lease price solved against lease cost: the closed form {@code cost / contracted slot-hours},
     * which equals the price when the price does not decline over the term.
     */
    private static String check(List<InputPath> paths, MetricSelector selector, GoalSeek.Answer a) {
        if (!selector.metricName().equals("lease_cost_usd") || selector.when() != MetricSelector.When.TOTAL
                || paths.get(0).field() != io.fleetcast.analyse.InputField.LEASE_PRICE) {
            return null;
        }
        io.fleetcast.model.MetricCube cube = a.projection().cube(selector.grouping());
        // SLOTS is a level: its horizon average times the horizon's hours is the contracted slot-hours
        double slotHours = cube.total(io.fleetcast.model.Metric.SLOTS, cube.groupIndex(selector.group()))
                * cube.timeline().totalHours();
        if (!(slotHours > 0)) {
            return null;
        }
        return "lease cost / contracted accelerator-hours of " + selector.groupText() + " = "
                + AnalysisViews.precise(a.target()) + " USD / " + AnalysisViews.number(slotHours) + " h = "
                + AnalysisViews.precise(a.target() / slotHours) + " USD/h (the price when it does not decline)";
    }

    private static String json(List<String> sets, Scenario base, List<InputPath> paths, MetricSelector selector, String unit, double[] value,
                        double baseValue, GoalSeek.Answer a, double nominal) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("scenario", base.name());
        ArrayNode setNode = root.putArray("set");
        for (String s : sets) {
            setNode.add(s);
        }
        ArrayNode varyNode = root.putArray("vary");
        for (InputPath p : paths) {
            varyNode.add(p.text());
        }
        root.put("unit", unit);
        putNumber(root, "nominal", nominal);
        ObjectNode t = root.putObject("target");
        t.put("metric", selector.metricName());
        t.put("when", selector.text().substring(selector.text().indexOf('@') + 1));
        t.put("group", selector.groupText());
        t.put("unit", selector.unit());
        t.put("value", a.target());
        if (value[1] == 0) {
            t.put("multiple", value[0]);
            t.put("scenario_value", baseValue);
        }
        root.put("value", a.value());
        root.put("achieved", a.achieved());
        root.put("projections", a.evaluations());
        ObjectNode br = root.putObject("bracket");
        br.put("lo", a.lo());
        br.put("hi", a.hi());
        br.put("at_lo", a.atLo());
        br.put("at_hi", a.atHi());
        if (a.whole()) {
            ObjectNode w = root.putObject("whole");
            w.put("below", a.wholeBelow());
            putNumber(w, "at_below", a.atWholeBelow());
            w.put("above", a.wholeAbove());
            w.put("at_above", a.atWholeAbove());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putNumber(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) {
            node.put(name, v);
        } else {
            node.putNull(name);
        }
    }
}
