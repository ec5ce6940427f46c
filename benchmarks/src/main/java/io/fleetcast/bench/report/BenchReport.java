package io.fleetcast.bench.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark report: reads a JMH JSON result, compares it with the committed baseline, writes
 * {@code benchmark-report.md} and {@code benchmark-ratios.png} into the output folder and prints
 * the Markdown to standard output. {@code benchmarks/run.sh} calls it after JMH.
 *
 * <p>Exit codes: 0 when every {@link RatioGate} check held (missed targets, rates against the baseline, noise
 * and missing baselines never fail, unless {@code --gate-absolute}); 1 when a ratio of the gate fell below its
 * floor (or, with {@code --gate-absolute}, a benchmark below {@code --threshold} of its baseline rate); 2 when an input is unusable (missing or malformed result file, bad option); 3 for
 * a bug in the tool (with its stack trace).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.fleetcast.bench.report.BenchReport \
 *     --results target/bench/jmh-result.json --baseline benchmarks/baseline.json --out target/bench
 * </pre>
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true,
        description = "Render the Markdown report and ratio chart of a JMH JSON result against a baseline.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no benchmark below the threshold of its baseline",
            "1:a gated ratio below its floor (or, with --gate-absolute, a benchmark below the threshold of its baseline)",
            "2:unusable input (missing or malformed file, bad option)",
            "3:internal error (a bug in this tool)"})
public final class BenchReport implements Callable<Integer> {

    /** Exit code when a benchmark collapsed. */
    public static final int EXIT_REGRESSION = 1;
    /** Exit code for unusable input. */
    public static final int EXIT_INPUT = 2;
    /** Exit code for a bug in the tool itself. */
    public static final int EXIT_INTERNAL = 3;

    /** The report's file name in the output folder. */
    public static final String REPORT_FILE = "benchmark-report.md";
    /** The chart's file name in the output folder. */
    public static final String CHART_FILE = "benchmark-ratios.png";

    @Option(names = "--results", required = true, paramLabel = "FILE",
            description = "JMH result written with -rf json; repeat for several JMH runs of one report.")
    List<Path> results;

    @Option(names = "--commit", paramLabel = "HASH", description = "The git commit the benchmarks were built from (named in the report).")
    String commit;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline JMH result (benchmarks/baseline.json); when absent, ratios are left out.")
    Path baseline;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the report and the chart (created).")
    Path out;

    @Option(names = "--profile", defaultValue = "custom", paramLabel = "NAME", description = "Profile label for the report (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--save-baseline", paramLabel = "FILE",
            description = "Also write the results as a new baseline (the JMH JSON without per-iteration data).")
    Path saveBaseline;

    @Option(names = "--gate-absolute",
            description = "Also fail when a rate is below --threshold of its baseline even at the top of its error bar. "
                    + "Off by default: on a shared machine absolute rates move with the load (a busy quick run measured "
                    + "the scenario loader at 0.02x of its baseline); the RatioGate ratios are what CI gates on.")
    boolean gateAbsolute;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "RATIO",
            description = "Fail when rate now / baseline rate is below this (default: ${DEFAULT-VALUE}).")
    double threshold;

    private final PrintWriter stdout;
    private final PrintWriter stderr;

    /**
     * @param stdout where the Markdown goes
     * @param stderr where problems go
     */
    public BenchReport(PrintWriter stdout, PrintWriter stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Runs the tool.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the tool with injected streams (tests capture them).
     *
     * @param args command-line arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new BenchReport(out, err));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ReportInputException) {
                err.println("bench-report: " + e.getMessage());
                err.flush();
                return EXIT_INPUT;
            }
            e.printStackTrace(err);
            err.flush();
            return EXIT_INTERNAL;
        });
        // picocli's own usage errors (unknown option, missing --results) exit with 2 as well.
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws IOException {
        List<JmhResult> current = new java.util.ArrayList<>();
        for (Path file : results) {
            current.addAll(JmhResultReader.read(file));
        }
        if (current.isEmpty()) {
            throw new ReportInputException(results + ": no results (did every benchmark fail, or did the include pattern match none?)");
        }
        List<JmhResult> base = List.of();
        String baselineName = null;
        if (baseline != null) {
            if (Files.exists(baseline)) {
                base = JmhResultReader.read(baseline);
                baselineName = baseline.toString();
            } else {
                stderr.println("bench-report: " + baseline + ": no such file; reporting without ratios.");
            }
        }
        BaselineComparison comparison = BaselineComparison.compare(current, base, threshold);
        List<RatioGate.Outcome> gate = RatioGate.evaluate(current, RatioGate.CHECKS);
        Files.createDirectories(out);

        String chartFile = null;
        String chartProblem = null;
        try {
            if (RatioChart.write(comparison, out.resolve(CHART_FILE))) {
                chartFile = CHART_FILE;
            } else {
                chartProblem = "no result has a baseline entry to compare with.";
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // A chart is a convenience: a machine without fonts must still get its report and verdict.
            chartProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        StringBuilder names = new StringBuilder();
        for (Path file : results) {
            names.append(names.length() == 0 ? "" : "`, `").append(file);
        }
        MarkdownReport.Meta meta = new MarkdownReport.Meta("fleetcast benchmark report", profile, names.toString(),
                baselineName, chartFile, chartProblem,
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        String markdown = MarkdownReport.render(comparison, MachineContext.current(), meta, gateAbsolute)
                + MarkdownReport.gate(gate, commit);
        writeAtomically(out.resolve(REPORT_FILE), markdown);
        if (saveBaseline != null) {
            BaselineFile.write(results.get(0), saveBaseline);
            stderr.println("bench-report: wrote the baseline " + saveBaseline + "; commit it with the reason.");
        }
        stdout.print(markdown);
        stdout.flush();
        return (gateAbsolute && comparison.failed()) || RatioGate.failed(gate) ? EXIT_REGRESSION : 0;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        AtomicOutput.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
