package io.fleetcast.cli;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Size;
import io.fleetcast.model.Summary;
import io.fleetcast.model.Timeline;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.write.CostPerHour;
import io.fleetcast.write.HumanUnits;
import io.fleetcast.write.HumanUnits.Dimension;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetcast run [SCENARIO...] [--set PATH=VALUE]... [--mode expected|simulate] [--seed N] [--group-by KEY] [--out DIR
 * [--format LIST] [--csv-groupings LIST]] [--quiet]}: projects each scenario and prints its resolved sizing, a table per calendar year
 * and the headline totals, in human units; with {@code --out}, also writes the result files ({@link OutputOptions}).
 * Every scenario is read and projected before anything is printed, so a bad one leaves no partial output.
 *
 * <p>For programs: a SCENARIO of {@code -} is read from standard input, and {@code --out - --format json|csv}
 * writes the results (results.json, or the long CSV) to standard output instead of the console tables.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = FleetcastCommand.Version.class,
        description = {"Project scenarios and print their sizing, a summary per year and the headline totals.",
                "SCENARIO is a file or a built-in name, or - for a scenario read from standard input; without one, the built-in openai-portfolio.",
                "--out - --format json|csv writes results.json (one scenario) or the long CSV (any number) to standard output, for programs."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:projected", "2:a scenario is invalid, bad usage, or another fleetcast is writing into --out",
            "3:could not write output (the message names the file; --out keeps its previous results)", "1:internal error"})
final class RunCommand implements Callable<Integer> {

    /** The scenario projected when none is named. */
    static final String DEFAULT_SCENARIO = "openai-portfolio";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The top-level command: standard input for a scenario given as {@code -}. */
    @CommandLine.ParentCommand
    private FleetcastCommand parent;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenario files, built-in names, or - for standard input (default: " + RunCommand.DEFAULT_SCENARIO + ").")
    private List<String> scenarios = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "expected",
            description = "expected (the expectation, no sampling) or simulate (every device sampled). Default: ${DEFAULT-VALUE}.")
    private Mode mode;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the simulation (default: the scenario's monte-carlo seed).")
    private Long seed;

    @Option(names = "--group-by", paramLabel = "KEY", defaultValue = "total",
            description = "Rows of the yearly table: deployment, deal, accelerator, vendor, site, ownership or total. Default: ${DEFAULT-VALUE}.")
    private Grouping groupBy;

    /** --set PATH=VALUE: inputs fixed before projecting, on every scenario (shared with solve). */
    @CommandLine.Mixin
    private SetOptions setOptions = new SetOptions();

    @Option(names = "--allow-large", description = "Run a simulation estimated to take more than about 10 minutes"
            + " (without it, such a request is refused with the estimate).")
    private boolean allowLarge;

    /** --out, --format, --csv-groupings, --quiet: result files, report and comparison (io.fleetcast.write). */
    @CommandLine.Mixin
    private OutputOptions output = new OutputOptions();

    /** --runs, --quantiles, --threads, --bands-by: Monte Carlo over the uncertainty: block (io.fleetcast.analyse). */
    @CommandLine.Mixin
    private MonteCarloOptions monteCarlo = new MonteCarloOptions();

    @Override
    public Integer call() throws ScenarioException {
        checkOptionsApply();
        List<String> names = scenarios.isEmpty() ? List.of(DEFAULT_SCENARIO) : scenarios;
        if (names.indexOf(AnalysisViews.STANDARD_INPUT) != names.lastIndexOf(AnalysisViews.STANDARD_INPUT)) {
            throw new BadInputException("- (standard input) can be read once; give it as one scenario");
        }
        List<Scenario> loaded = new ArrayList<>();
        for (String name : names) {
            loaded.add(setOptions.apply(AnalysisViews.read(name, parent.standardInput())));
        }
        output.check(loaded);
        try {
            SizeEstimate.check(loaded, mode, monteCarlo.requested() ? Math.max(1, monteCarlo.runs) : 1, output.out,
                    output.csvGroupings.size(), allowLarge, Runtime.getRuntime().maxMemory());
            return project(loaded);
        } finally {
            output.close();
        }
    }

    private int project(List<Scenario> loaded) {
        // with --out -, standard output carries the results: the console tables go nowhere
        PrintWriter console = output.toStandardOutput() ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
        if (monteCarlo.requested()) {
            output.writeResults(monteCarlo.run(loaded, mode, seed, groupBy, output.quiet, console), console,
                    spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        List<Projection> projections = new ArrayList<>();
        ProgressListener progress = output.progress("projecting", loaded.size());
        try {
            for (Scenario s : loaded) {
                long runSeed = seed != null ? seed : s.monteCarlo().seed();
                try {
                    projections.add(Fleetcast.project(s, mode, runSeed));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(s.origin().map(o -> o.location() + ": ").orElse(s.name() + ": ") + e.getMessage());
                }
                progress.advance(1);
            }
        } finally {
            progress.end();
        }
        for (int i = 0; i < projections.size(); i++) {
            if (i > 0) {
                console.println();
            }
            print(projections.get(i), groupBy, console);
        }
        console.flush();
        output.write(projections, console, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /**
     * Options that only shape {@code --out} files or Monte Carlo runs would otherwise be silently ignored
     * (a user asking for {@code --format png} without {@code --out} gets nothing and no hint why).
     *
     * @throws BadInputException naming the option and what it needs
     */
    private void checkOptionsApply() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (output.toStandardOutput() && !parsed.hasMatchedOption("--format")) {
            output.formats = java.util.Set.of(io.fleetcast.write.Format.JSON);
        }
        if (output.out == null && parsed.hasMatchedOption("--format")) {
            throw new BadInputException("--format chooses the files written with --out; add --out DIR");
        }
        if (output.out == null && parsed.hasMatchedOption("--csv-groupings")) {
            throw new BadInputException("--csv-groupings chooses the groupings of the CSV files written with --out; add --out DIR");
        }
        if (!monteCarlo.requested()) {
            for (String option : new String[] {"--quantiles", "--threads", "--bands-by"}) {
                if (parsed.hasMatchedOption(option)) {
                    throw new BadInputException(option + " applies to Monte Carlo runs; add --runs N");
                }
            }
        }
    }

    /**
     * Prints one projection: title, sizing table, yearly table(s), headline.
     *
     * @param p        the projection
     * @param grouping rows of the yearly table
     * @param out      where to print. Modified.
     */
    static void print(Projection p, Grouping grouping, PrintWriter out) {
        print(p, grouping, null, out);
    }

    /**
     * Prints one projection, or the mean projection of a Monte Carlo: title, sizing table, yearly table(s),
     * headline. For a Monte Carlo the sizing and the headline count are the means over the runs of each
     * run's resolved sizing, with the nominal count beside them: the mean projection's own sizing has every
     * input at its scenario value, which is not the mean once a sizing input is uncertain.
     *
     * @param p          the projection (for a Monte Carlo, its mean projection)
     * @param grouping   rows of the yearly table
     * @param monteCarlo the Monte Carlo behind {@code p}, or null for a single projection
     * @param out        where to print. Modified.
     */
    static void print(Projection p, Grouping grouping, MonteCarloResult monteCarlo, PrintWriter out) {
        Scenario s = p.scenario();
        Timeline t = p.timeline();
        out.println(s.name() + (s.description().isEmpty() ? "" : " - " + s.description()));
        out.println(p.mode().id() + " mode" + (p.mode() == Mode.SIMULATE ? ", seed " + p.seed() : "") + ", "
                + t.start() + " to " + t.end() + ", " + t.periods() + " " + t.step().name().toLowerCase(Locale.ROOT)
                + (t.periods() == 1 ? "" : "s"));
        out.println();
        if (monteCarlo == null) {
            printSizing(p, out);
        } else {
            printMeanSizing(p, monteCarlo, out);
            printSpares(p, monteCarlo, out);
        }
        for (String line : CapNotes.lines(s)) {
            out.println(line);
        }
        out.println();
        MetricCube cube = p.cube(grouping);
        for (int g = 0; g < cube.groups().size(); g++) {
            if (grouping != Grouping.TOTAL) {
                out.println(grouping.id() + " " + cube.groups().get(g));
            }
            printYears(cube, g, out);
            out.println();
        }
        printHeadline(p.summary(), monteCarlo, out);
        printCostPerHour(p, out);
    }

    /**
     * Owned and leased on one basis: per deployment, tco per contracted accelerator-hour including the capital
     * charge, without it, and the lease price beside it (a leased deployment's first-year price; for an owned
     * one, its accelerator's reference lease-price from the catalog, the market it competes with). Printed
     * when the scenario owns something.
     */
    private static void printCostPerHour(Projection p, PrintWriter out) {
        if (!CostPerHour.anyOwned(p)) {
            return;
        }
        Table table = new Table(2, "deployment", "ownership", "incl. capital", "excl. capital", "cost of capital",
                "lease price");
        for (CostPerHour r : CostPerHour.of(p)) {
            table.row(r.deployment(), r.owned() ? "owned" : "leased",
                    Double.isNaN(r.inclCapital()) ? "n/a" : String.format(Locale.ROOT, "$%.2f", r.inclCapital()),
                    Double.isNaN(r.exclCapital()) ? "–" : String.format(Locale.ROOT, "$%.2f", r.exclCapital()),
                    r.owned() ? HumanUnits.significant(r.costOfCapitalPerYear() * 100) + " %/year" : "in the price",
                    r.leasePrice() > 0 ? String.format(Locale.ROOT, "$%.2f", r.leasePrice()) + (r.owned() ? " (catalog)" : "") : "–");
        }
        out.println();
        out.println("$/accelerator-hour over the horizon (tco / contracted slot-hours), owned and leased on one basis");
        table.print(out);
    }

    private static void printSizing(Projection p, PrintWriter out) {
        Table table = new Table(3, "deployment", "accelerator", "ownership", "size as given", "accelerators", "IT power", "facility power");
        long total = 0;
        double it = 0;
        double facility = 0;
        for (ResolvedDeployment r : p.sizing()) {
            table.row(r.id(), r.acceleratorId(), r.group(Grouping.OWNERSHIP), sizeAsGiven(r.size()), HumanUnits.count(r.count()),
                    HumanUnits.format(r.itMw(), Dimension.POWER_MW), HumanUnits.format(r.facilityMw(), Dimension.POWER_MW));
            total += r.count();
            it += r.itMw();
            facility += r.facilityMw();
        }
        if (p.sizing().size() > 1) {
            table.row("total", "", "", "", HumanUnits.count(total), HumanUnits.format(it, Dimension.POWER_MW),
                    HumanUnits.format(facility, Dimension.POWER_MW));
        }
        out.println("Sizing (IT power at full load; facility power at the site's design PUE)");
        table.print(out);
    }

    private static void printMeanSizing(Projection p, MonteCarloResult mc, PrintWriter out) {
        MonteCarloResult.Sizing sizing = mc.sizing();
        Table table = new Table(3, "deployment", "accelerator", "ownership", "size as given", "accelerators", "nominal",
                "IT power", "facility power");
        long nominal = 0;
        double it = 0;
        double facility = 0;
        for (int d = 0; d < p.sizing().size(); d++) {
            ResolvedDeployment r = p.sizing().get(d);
            table.row(r.id(), r.acceleratorId(), r.group(Grouping.OWNERSHIP), sizeAsGiven(r.size()),
                    HumanUnits.count(sizing.meanCount(d)), HumanUnits.count(r.count()),
                    HumanUnits.format(sizing.meanItMw(d), Dimension.POWER_MW),
                    HumanUnits.format(sizing.meanFacilityMw(d), Dimension.POWER_MW));
            nominal += r.count();
            it += sizing.meanItMw(d);
            facility += sizing.meanFacilityMw(d);
        }
        if (p.sizing().size() > 1) {
            table.row("total", "", "", "", HumanUnits.count(mc.meanResolvedAccelerators()), HumanUnits.count(nominal),
                    HumanUnits.format(it, Dimension.POWER_MW), HumanUnits.format(facility, Dimension.POWER_MW));
        }
        out.println("Sizing: mean of " + mc.runs() + " runs, each resolving the size with its own sampled inputs"
                + " (IT power at full load; facility power at the site's design PUE); nominal: every input at its scenario value");
        table.print(out);
    }

    /** The quantile the console's spares answer is given at. */
    static final double SPARES_QUANTILE = 0.95;

    /**
     * The spares answer of a Monte Carlo: per deployment with devices in repair, the peak monthly (period) average of
     * devices in repair at P50 and P95 over the runs, the spares that cover P95 and the spares the deployment buys.
     */
    private static void printSpares(Projection p, MonteCarloResult mc, PrintWriter out) {
        MonteCarloResult.Sizing sizing = mc.sizing();
        Table table = new Table(1, "deployment", "peak in repair P50", "P95", "spares for P95", "spares bought");
        boolean any = false;
        for (int d = 0; d < p.sizing().size(); d++) {
            double p95 = sizing.peakInRepairQuantile(d, SPARES_QUANTILE);
            if (!(p95 > 0)) {
                continue;
            }
            any = true;
            Deployment dep = p.scenario().deployments().get(d);
            double bought = dep.ownership() == io.fleetcast.model.Ownership.OWNED ? dep.spares() * sizing.meanCount(d) : 0;
            table.row(p.sizing().get(d).id(), HumanUnits.count(sizing.peakInRepairQuantile(d, 0.5)), HumanUnits.count(p95),
                    HumanUnits.count(sizing.recommendedSpares(d, SPARES_QUANTILE)), HumanUnits.count(bought));
        }
        if (!any) {
            return;
        }
        out.println("Spares: peak " + (p.timeline().step() == io.fleetcast.model.Step.MONTH ? "monthly" : "period")
                + " average of devices down for repair over the horizon, quantiles of " + mc.runs() + " " + mc.mode().id()
                + " runs" + (mc.mode() == Mode.SIMULATE ? "" : " (expected mode: input uncertainty only; --mode simulate samples the failures)"));
        table.print(out);
    }

    static String sizeAsGiven(Size size) {
        return switch (size.kind()) {
            case COUNT -> HumanUnits.count(size.value());
            case IT_POWER -> HumanUnits.format(size.value() / 1e6, Dimension.POWER_MW) + " IT";
            case FACILITY_POWER -> HumanUnits.format(size.value() / 1e6, Dimension.POWER_MW) + " facility";
            case BUDGET -> HumanUnits.format(size.value(), Dimension.USD) + " budget";
        };
    }

    private static void printYears(MetricCube cube, int g, PrintWriter out) {
        Timeline t = cube.timeline();
        Table table = new Table(1, "year", "active (avg)", "facility peak", "energy", "cash", "tco", "compute", "CO2 operational", "CO2 embodied");
        int from = 0;
        while (from < t.periods()) {
            int year = t.periodStart(from).getYear();
            int to = from;
            while (to < t.periods() && t.periodStart(to).getYear() == year) {
                to++;
            }
            table.row(Integer.toString(year),
                    HumanUnits.count(cube.aggregate(Metric.ACTIVE, g, from, to)),
                    HumanUnits.format(cube.peak(Metric.FACILITY_POWER_MW, g, from, to), Dimension.POWER_MW),
                    HumanUnits.format(cube.aggregate(Metric.ENERGY_MWH, g, from, to), Dimension.ENERGY_MWH),
                    HumanUnits.format(cube.aggregate(Metric.CASH_USD, g, from, to), Dimension.USD),
                    HumanUnits.format(cube.aggregate(Metric.TCO_USD, g, from, to), Dimension.USD),
                    HumanUnits.format(cube.aggregate(Metric.COMPUTE_EFLOP, g, from, to), Dimension.COMPUTE_EFLOP),
                    HumanUnits.format(cube.aggregate(Metric.CO2_OPERATIONAL_T, g, from, to), Dimension.CO2_T),
                    HumanUnits.format(cube.aggregate(Metric.CO2_EMBODIED_T, g, from, to), Dimension.CO2_T));
            from = to;
        }
        int all = t.periods();
        table.row("total", HumanUnits.count(cube.total(Metric.ACTIVE, g)),
                HumanUnits.format(cube.peak(Metric.FACILITY_POWER_MW, g), Dimension.POWER_MW),
                HumanUnits.format(cube.aggregate(Metric.ENERGY_MWH, g, 0, all), Dimension.ENERGY_MWH),
                HumanUnits.format(cube.aggregate(Metric.CASH_USD, g, 0, all), Dimension.USD),
                HumanUnits.format(cube.aggregate(Metric.TCO_USD, g, 0, all), Dimension.USD),
                HumanUnits.format(cube.aggregate(Metric.COMPUTE_EFLOP, g, 0, all), Dimension.COMPUTE_EFLOP),
                HumanUnits.format(cube.aggregate(Metric.CO2_OPERATIONAL_T, g, 0, all), Dimension.CO2_T),
                HumanUnits.format(cube.aggregate(Metric.CO2_EMBODIED_T, g, 0, all), Dimension.CO2_T));
        out.println("Per year (active: average over the year; facility peak: highest " + stepName(t) + " average)");
        table.print(out);
    }

    private static String stepName(Timeline t) {
        return switch (t.step()) {
            case HOUR -> "hourly";
            case DAY -> "daily";
            case WEEK -> "weekly";
            case MONTH -> "monthly";
            case QUARTER -> "quarterly";
            case YEAR -> "yearly";
        };
    }

    private static void printHeadline(Summary sum, MonteCarloResult monteCarlo, PrintWriter out) {
        out.println("Headline");
        if (monteCarlo == null) {
            line(out, "accelerators (resolved)", HumanUnits.count(sum.resolvedAccelerators()), "");
        } else {
            line(out, "accelerators (resolved)", HumanUnits.count(monteCarlo.meanResolvedAccelerators()),
                    "mean of " + monteCarlo.runs() + " runs; nominal " + HumanUnits.count(sum.resolvedAccelerators()));
        }
        line(out, "peak facility power", HumanUnits.format(sum.peak(Metric.FACILITY_POWER_MW), Dimension.POWER_MW), "");
        line(out, "energy", HumanUnits.format(sum.total(Metric.ENERGY_MWH), Dimension.ENERGY_MWH), "");
        line(out, "failures", HumanUnits.count(sum.total(Metric.FAILURES)),
                "repair cost " + HumanUnits.format(sum.total(Metric.REPAIR_COST_USD), Dimension.USD));
        double consideration = sum.total(Metric.CONSIDERATION_USD);
        double resale = sum.total(Metric.RESALE_USD);
        String netOf = (consideration > 0 ? "vendor consideration " + HumanUnits.format(consideration, Dimension.USD) : "")
                + (consideration > 0 && resale > 0 ? " and " : "")
                + (resale > 0 ? "resale " + HumanUnits.format(resale, Dimension.USD) : "");
        line(out, "cash", HumanUnits.format(sum.total(Metric.CASH_USD), Dimension.USD), netOf.isEmpty() ? "" : "net of " + netOf);
        double held = sum.total(Metric.BOOK_VALUE_END_USD);
        if (held > 0) {
            // cash counts every device bought; what is still on the book at the horizon end is shown beside it
            line(out, "book value at end", HumanUnits.format(held, Dimension.USD), "IT and facility still held; not in cash");
        }
        line(out, "tco", HumanUnits.format(sum.total(Metric.TCO_USD), Dimension.USD), "");
        line(out, "NPV of cash", HumanUnits.format(sum.npvCashUsd(), Dimension.USD),
                "at " + HumanUnits.significant(sum.discountRatePerYear() * 100) + " %/year, period midpoints");
        // Summary reports 0 for a ratio without a denominator (no NaN in outputs); on the console "$0.0000"
        // would read as "free", so an undefined ratio is printed as n/a with the reason
        if (sum.slotHours() > 0) {
            double charge = sum.total(Metric.CAPITAL_CHARGE_USD);
            line(out, "$/accelerator-hour", dollars(sum.usdPerAcceleratorHour(), 2),
                    "tco / " + HumanUnits.format(sum.slotHours(), Dimension.COUNT) + " slot-hours"
                            + (charge > 0 ? "; incl. capital charge, " + dollars((sum.total(Metric.TCO_USD) - charge)
                            / sum.slotHours(), 2) + " without" : ""));
        } else {
            line(out, "$/accelerator-hour", "n/a", "no slot-hours in the horizon");
        }
        if (sum.total(Metric.COMPUTE_EFLOP) > 0) {
            line(out, "$/EFLOP", dollars(sum.usdPerEflop(), 4),
                    "tco / " + HumanUnits.format(sum.total(Metric.COMPUTE_EFLOP), Dimension.COMPUTE_EFLOP));
        } else {
            line(out, "$/EFLOP", "n/a", "no compute delivered");
        }
        line(out, "CO2e", HumanUnits.format(sum.total(Metric.CO2_OPERATIONAL_T) + sum.total(Metric.CO2_EMBODIED_T), Dimension.CO2_T),
                "operational + embodied");
    }

    /** Dollars with fixed decimals, or in human units ($1.23T, $4.56e18) when large: never a 300-digit string. */
    private static String dollars(double v, int decimals) {
        return Math.abs(v) >= 1e6 ? HumanUnits.format(v, Dimension.USD) : String.format(Locale.ROOT, "$%." + decimals + "f", v);
    }

    private static void line(PrintWriter out, String label, String value, String note) {
        out.println(String.format(Locale.ROOT, "  %-24s %12s%s", label, value, note.isEmpty() ? "" : "  (" + note + ")"));
    }

    /** A plain text table: the first {@code leftColumns} columns (text) left-aligned, the others (numbers) right-aligned. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final int leftColumns;

        Table(int leftColumns, String... header) {
            this.leftColumns = leftColumns;
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        void print(PrintWriter out) {
            int cols = rows.get(0).length;
            int[] width = new int[cols];
            for (String[] r : rows) {
                for (int c = 0; c < cols; c++) {
                    width[c] = Math.max(width[c], r[c].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder b = new StringBuilder();
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        b.append("  ");
                    }
                    String pad = " ".repeat(width[c] - r[c].length());
                    b.append(c < leftColumns ? r[c] + pad : pad + r[c]);
                }
                out.println(b.toString().stripTrailing());
            }
        }
    }
}
