package io.fleetcast;

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
     */
    public static Projection project(Scenario scenario, Mode mode, long seed) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        throw new UnsupportedOperationException("the projection engine is not wired yet");
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
        throw new UnsupportedOperationException("the projection engine is not wired yet");
    }
}
