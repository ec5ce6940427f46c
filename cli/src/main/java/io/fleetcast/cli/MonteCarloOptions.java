package io.fleetcast.cli;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Scenario;
import io.fleetcast.analyse.MonteCarlo;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.write.ConsoleProgress;
import io.fleetcast.write.ScenarioResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The Monte Carlo options of {@code fleetcast run}, mixed into the command: {@code --runs N} turns a run
 * into N runs over the scenario's {@code uncertainty:} block ({@link MonteCarlo}), on every core, with
 * mean and quantile bands per metric x group x period and per summary figure.
 *
 * <p>What is printed per scenario: the mean of the runs in the usual tables (the sizing as the mean of each
 * run's resolved counts, with the nominal count beside it), then the P10/P50/P90 (or the chosen quantiles)
 * and mean of the headline figures, resolved accelerators first. With {@code --out}, the files carry the mean
 * ({@code statistic = mean}) and the bands ({@code statistic = p10} ...), and the report draws them.
 */
final class MonteCarloOptions {

    @Option(names = "--runs", paramLabel = "N",
            description = "Monte Carlo: N runs sampling the scenario's uncertainty: block (seed: --seed, else the scenario's).")
    Integer runs;

    @Option(names = "--quantiles", split = ",", paramLabel = "P,P,...",
            description = "Quantiles of the Monte Carlo bands, e.g. 0.1,0.5,0.9 (default: the scenario's monte-carlo quantiles,"
                    + " else 0.05,0.1,0.5,0.9,0.95).")
    List<Double> quantiles;

    @Option(names = "--threads", paramLabel = "T",
            description = "Monte Carlo worker threads (default: every core). The numbers do not depend on it.")
    Integer threads;

    @Option(names = "--bands-by", paramLabel = "KEY", defaultValue = "total",
            description = "Grouping of the Monte Carlo bands per period: total (default), deal, deployment, accelerator,"
                    + " vendor, site or ownership.")
    Grouping bandsBy;

    /** Whether {@code --runs} was given. */
    boolean requested() {
        return runs != null;
    }

    /**
     * Runs the Monte Carlo of every scenario (all before printing anything), then prints each.
     *
     * @param scenarios the scenarios, in command-line order
     * @param mode      the mode of every run
     * @param seed      the root seed, or null for each scenario's own
     * @param groupBy   rows of the yearly table of the mean
     * @param quiet     no progress bar
     * @param out       where to print. Modified.
     * @return one result per scenario (mean projection and bands) for the writers
     * @throws BadInputException for a bad option, an uncertain input that cannot be compiled, or a run whose
     *                           scenario cannot be projected
     */
    List<ScenarioResult> run(List<Scenario> scenarios, Mode mode, Long seed, Grouping groupBy, boolean quiet,
                             PrintWriter out) {
        if (runs < 1) {
            throw new BadInputException("--runs " + runs + ": expected at least 1");
        }
        int t = threads(threads);
        List<MonteCarloResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            MonteCarloSettings settings = new MonteCarloSettings(runs, seed != null ? seed : s.monteCarlo().seed(),
                    AnalysisViews.quantiles(quantiles, s.monteCarlo()));
            ProgressListener progress = ConsoleProgress.forStandardError(quiet);
            MonteCarlo.Options options = MonteCarlo.Options.of(t).withGrouping(bandsBy).withProgress(progress);
            try {
                results.add(MonteCarlo.run(s, mode, settings, options));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new BadInputException(s.origin().map(o -> o.location() + ": ").orElse(s.name() + ": ")
                        + e.getMessage());
            }
        }
        List<ScenarioResult> written = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            MonteCarloResult r = results.get(i);
            if (i > 0) {
                out.println();
            }
            out.println("Mean of " + r.runs() + " Monte Carlo runs:");
            RunCommand.print(r.meanProjection(), groupBy, r, out);
            out.println();
            print(r, out);
            written.add(ScenarioResult.of(r.meanProjection()).withBands(AnalysisViews.bands(r)));
        }
        out.flush();
        return written;
    }

    /** Worker threads allowed per core: more only adds contention (100,000 threads ran the JVM out of memory). */
    static final int THREADS_PER_CORE = 8;

    /**
     * The worker threads of {@code --threads}: every core by default, at least 1, at most
     * {@value #THREADS_PER_CORE} per core.
     *
     * @param requested the option's value, or null
     * @return the threads to use
     * @throws BadInputException outside [1, 8 x cores], naming the range
     */
    static int threads(Integer requested) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (requested == null) {
            return cores;
        }
        int max = THREADS_PER_CORE * cores;
        if (requested < 1 || requested > max) {
            throw new BadInputException("--threads " + requested + ": expected 1 to " + max + " (" + THREADS_PER_CORE
                    + " per core on this machine's " + cores + (cores == 1 ? " core" : " cores")
                    + "); the numbers do not depend on it");
        }
        return requested;
    }

    /**
     * Prints the Monte Carlo block of one scenario: what was run, then the headline quantiles.
     *
     * @param r   the result
     * @param out where to print. Modified.
     */
    static void print(MonteCarloResult r, PrintWriter out) {
        out.println("Monte Carlo: " + r.runs() + " " + r.mode().id() + " runs, seed " + r.settings().seed() + ", "
                + r.inputCount() + (r.inputCount() == 1 ? " uncertain input" : " uncertain inputs")
                + "; bands by " + r.grouping().id() + " ("
                + (r.bandsExact() ? "exact order statistics" : "P2 estimates: the runs exceed the memory budget") + ")");
        if (r.inputCount() == 0 && r.mode() == io.fleetcast.model.Mode.EXPECTED) {
            // N identical runs, silently, would read as a very certain answer (issue #9)
            out.println("warning: " + r.scenario().name() + " has no uncertainty: block, so its " + r.runs()
                    + " expected runs are identical; add an uncertainty: block, or --mode simulate to sample the devices");
        }
        out.print(AnalysisViews.headlineTable(r));
    }
}
