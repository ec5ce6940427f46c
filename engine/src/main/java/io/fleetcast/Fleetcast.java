package io.fleetcast;

import io.fleetcast.cube.Projector;
import io.fleetcast.plan.FleetPlan;
import io.fleetcast.scenario.ScenarioReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The entry point for planners embedding fleetcast: project a scenario and read the results.
 *
 * <pre>{@code
 * Projection p = Fleetcast.project(scenario, Mode.SIMULATE, 42L);
 * double mwh = p.cube().value(Metric.ENERGY_MWH, "first-gw", 0);
 * double npv = p.summary().npvCashUsd();
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
        return Projector.project(scenario, mode, seed);
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
        return FleetPlan.of(scenario).sizing();
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

    /** The names of the built-in scenarios, sorted. */
    public static List<String> builtInNames() {
        return ScenarioReader.builtInNames();
    }
}
