package io.fleetcast;

import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;

import io.fleetcast.pipeline.Pipeline;
import io.fleetcast.scenario.ScenarioReader;

import io.fleetcast.analyse.GoalSeek;
import io.fleetcast.analyse.InputPath;
import io.fleetcast.analyse.MetricSelector;
import io.fleetcast.analyse.MonteCarlo;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.analyse.ScenarioEditor;
import io.fleetcast.analyse.Sensitivity;
import io.fleetcast.write.OutputWriter;
import io.fleetcast.write.QuantileBands;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The entry point for planners embedding fleetcast: every operation of the command line (load, project, Monte
 * Carlo, sensitivity, solve, set an input, write the result files) as one call. The values it takes and gives are in
 * {@code io.fleetcast.model}; the analyses' results in {@code io.fleetcast.analyse}.
 *
 * <pre>{@code
 * Projection p = Fleetcast.project(scenario, Mode.SIMULATE, 42L);
 * double mwh = p.cube().value(Metric.ENERGY_MWH, "first-gw", 0);
 * double npv = p.summary().npvCashUsd();
 * MonteCarloResult mc = Fleetcast.monteCarlo(scenario, Mode.EXPECTED);
 * GoalSeek.Answer price = Fleetcast.solve(scenario, "deployments.d.lease-price", "tco_usd", 38e9);
 * Fleetcast.writeResults(mc, Path.of("out"));
 * }</pre>
 *
 * A projection is a pure function of (scenario, mode, seed): no global state, the same inputs give the same
 * cube bit for bit whatever the number of threads. Scenarios come from {@link ScenarioBuilder} (in code)
 * or from the YAML reader.
 */
public final class Fleetcast {

    private Fleetcast() {
    }

    /**
     * Projects a scenario.
     *
     * @param scenario the scenario
     * @param mode     expected (no sampling, seed ignored) or simulate (every device sampled from the seed)
     * @param seed     root seed of the device streams
     * @return the projection: sizing, cube, summary
     * @throws IllegalArgumentException when the scenario cannot be projected (e.g. a size resolves to more
     *                                  accelerators than the engine can count), with the deployment named
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted during a simulation
     *                                  (checked every few milliseconds of work), so a caller can bound its time
     */
    public static Projection project(Scenario scenario, Mode mode, long seed) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        return Pipeline.project(scenario, mode, seed);
    }

    /**
     * Projects a scenario in {@link Mode#EXPECTED} mode.
     *
     * @param scenario the scenario
     * @return the projection
     */
    public static Projection project(Scenario scenario) {
        return project(scenario, Mode.EXPECTED, 0L);
    }

    /**
     * Resolves every deployment's size to a count without projecting: "6 GW of MI450 = N accelerators".
     *
     * @param scenario the scenario
     * @return one resolved deployment per deployment, in scenario order
     */
    public static List<ResolvedDeployment> sizing(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        return Pipeline.sizing(scenario);
    }

    /**
     * Reads a scenario file (YAML, see {@code docs/scenario-format.md}).
     *
     * @param file the scenario; its {@code accelerators-file} and {@code sites-file} resolve relative to it
     * @return the validated, resolved scenario
     * @throws ScenarioException with every problem of the file (file, line, column, field path, value, expectation)
     */
    public static Scenario load(Path file) throws ScenarioException {
        return new ScenarioReader().read(file);
    }

    /**
     * Reads a built-in scenario shipped in the jar ({@code models/scenarios/NAME.yaml}), e.g. {@code openai-portfolio}.
     *
     * @param name the scenario's file name without {@code .yaml}
     * @return the scenario
     * @throws ScenarioException when there is no such built-in (the message lists them) or it is invalid
     */
    public static Scenario builtIn(String name) throws ScenarioException {
        return new ScenarioReader().readBuiltIn(name);
    }

    /**
     * Reads a file when one exists at the path, else the built-in scenario of that name (what the command
     * line does with its arguments).
     *
     * @param nameOrPath a path or a built-in name
     * @return the scenario
     * @throws ScenarioException when it is neither, or it is invalid
     */
    public static Scenario loadNamedOrPath(String nameOrPath) throws ScenarioException {
        return new ScenarioReader().readNamedOrPath(nameOrPath);
    }

    /** {@return the names of the built-in scenarios, sorted} */
    public static List<String> builtInNames() {
        return ScenarioReader.builtInNames();
    }

    /**
     * A copy of a scenario with one input set, as {@code --set PATH=VALUE} does.
     *
     * @param scenario the scenario; not modified
     * @param path     an input path, e.g. {@code sites.us-tx.electricity-price} or {@code consideration.w.share-price}
     * @param value    the value in the field's base unit (USD/MWh, W, hours, a fraction...)
     * @return the edited scenario
     * @throws IllegalArgumentException naming the path or the value and what was expected
     */
    public static Scenario with(Scenario scenario, String path, double value) {
        Objects.requireNonNull(scenario, "scenario");
        ScenarioEditor editor = ScenarioEditor.compile(scenario, List.of(InputPath.parse(path, scenario)),
                List.of(ScenarioEditor.Mode.SET));
        String problem = editor.check(0, value);
        if (problem != null) {
            throw new IllegalArgumentException(path + ": " + problem);
        }
        return editor.apply(new double[] {value});
    }

    /**
     * A Monte Carlo with the scenario's own {@code monte-carlo:} settings (runs, seed, quantiles), on every core.
     *
     * @param scenario the scenario with its {@code uncertainty:} block (none: every run is the nominal projection)
     * @param mode     the mode of every run
     * @return bands per cell and summary figure, the mean projection, each run's sizing and spares answer
     */
    public static MonteCarloResult monteCarlo(Scenario scenario, Mode mode) {
        return monteCarlo(scenario, mode, scenario.monteCarlo());
    }

    /**
     * A Monte Carlo on every core; the result does not depend on the number of threads.
     *
     * @param scenario the scenario
     * @param mode     the mode of every run
     * @param settings runs, seed and quantiles
     * @return the result
     * @throws IllegalArgumentException when a run cannot be projected (naming the run's sampled inputs)
     */
    public static MonteCarloResult monteCarlo(Scenario scenario, Mode mode, MonteCarloSettings settings) {
        Objects.requireNonNull(scenario, "scenario");
        return MonteCarlo.run(scenario, mode, settings, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Which uncertain input matters most for a metric: a tornado (each input at its P10 and P90, the others at their
     * medians) and standardized regression coefficients over the scenario's Monte Carlo runs.
     *
     * @param scenario the scenario with at least one uncertain input
     * @param metric   {@code METRIC[@WHEN]}, e.g. {@code tco_usd} or {@code facility_power_mw@peak}
     * @param mode     the mode of the Monte Carlo runs behind the coefficients
     * @return bars and coefficients
     * @throws IllegalArgumentException for a bad metric or a scenario without uncertainty
     */
    public static Sensitivity.Result sensitivity(Scenario scenario, String metric, Mode mode) {
        Objects.requireNonNull(scenario, "scenario");
        return Sensitivity.run(scenario, MetricSelector.parse(metric, null, scenario), mode, scenario.monteCarlo(),
                Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    /**
     * Goal seek: the value of an input at which a metric reaches a target (Brent's method, expected mode), in the
     * input's default bracket, e.g. the lease price at which a deal's tco is $38B.
     *
     * @param scenario the scenario
     * @param input    the input path to vary, e.g. {@code deployments.aws.lease-price}
     * @param metric   {@code METRIC[@WHEN]} over the total
     * @param target   the metric's target, in its unit
     * @return the answer (value, achieved metric, bracket, the projection at the answer)
     * @throws GoalSeek.NoRootException when the metric does not reach the target inside the bracket
     * @throws IllegalArgumentException for a bad path or metric
     */
    public static GoalSeek.Answer solve(Scenario scenario, String input, String metric, double target) {
        Objects.requireNonNull(scenario, "scenario");
        GoalSeek seek = GoalSeek.of(scenario, InputPath.parse(input, scenario), MetricSelector.parse(metric, null, scenario));
        double[] bracket = seek.defaultBracket();
        return seek.solve(target, bracket[0], bracket[1]);
    }

    /**
     * Writes a projection's result files (CSV long and wide, results.json, and report.html where the report module is on the class path, see
     * {@link OutputWriter#defaults()}) into {@code folder/SCENARIO},
     * replacing the previous set atomically: the folder holds the old complete set or the new one, whatever happens.
     *
     * @param projection the projection
     * @param folder     the output folder (created when missing)
     * @return the files written
     * @throws IOException when a file cannot be written (the old set stays) or another writer holds the folder
     */
    public static List<Path> writeResults(Projection projection, Path folder) throws IOException {
        return OutputWriter.writeScenario(ScenarioResult.of(projection), RunInfo.current(Clock.systemUTC()),
                OutputWriter.Options.of(folder, OutputWriter.defaults()));
    }

    /**
     * Writes a Monte Carlo's result files: the mean projection with the bands (exact or estimated, as recorded in
     * the files), atomically as {@link #writeResults(Projection, Path)}.
     *
     * @param result the Monte Carlo result
     * @param folder the output folder
     * @return the files written
     * @throws IOException when a file cannot be written (the old set stays) or another writer holds the folder
     */
    public static List<Path> writeResults(MonteCarloResult result, Path folder) throws IOException {
        ScenarioResult r = ScenarioResult.of(result.meanProjection()).withBands(QuantileBands.of(result));
        return OutputWriter.writeScenario(r, RunInfo.current(Clock.systemUTC()), OutputWriter.Options.of(folder, OutputWriter.defaults()));
    }
}
