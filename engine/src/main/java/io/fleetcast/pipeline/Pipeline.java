package io.fleetcast.pipeline;

import io.fleetcast.accumulate.FleetState;
import io.fleetcast.accumulate.FleetStates;
import io.fleetcast.cube.Cubes;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.plan.FleetPlan;
import java.util.List;

/**
 * The stages in data-flow order, in one place: a {@link Scenario} is resolved into a {@link FleetPlan} ({@code plan}),
 * whose {@link FleetState} either mode produces ({@code accumulate}, driving the kernels of {@code simulate}), whose
 * metrics {@code cube} computes, wrapped with the sizing into a {@link Projection}. The analyses (Monte Carlo,
 * sensitivity, solve) call this for each projection they need; {@code io.fleetcast.Fleetcast} is the public face.
 * Stateless: a projection is a pure function of (scenario, mode, seed).
 */
public final class Pipeline {

    /** How an overflowing projection is reported: it is the input's fault, not a bug. */
    static final String OVERFLOW = "the projection is beyond what a double holds: ";
    static final String OVERFLOW_HINT = "; some input is too extreme for a finite result (a rate of change, price or size"
            + " near the limit of its range, or a utilization or FLOP/s near zero)";

    private Pipeline() {
    }

    /**
     * Projects a scenario.
     *
     * @param scenario the scenario
     * @param mode     the mode
     * @param seed     root seed (simulate mode)
     * @return the projection
     * @throws IllegalArgumentException when the scenario cannot be planned, or a value or summary figure of the
     *                                  projection is not finite (saying which)
     */
    public static Projection project(Scenario scenario, Mode mode, long seed) {
        FleetPlan plan = FleetPlan.of(scenario);
        FleetState state = mode == Mode.EXPECTED ? FleetStates.expected(plan) : FleetStates.simulated(plan, seed);
        try {
            Projection p = new Projection(scenario, mode, seed, plan.sizing(), Cubes.cube(plan, state));
            p.summary(); // computed now: a summary figure that overflows is reported here, not while printing
            return p;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(OVERFLOW + e.getMessage() + OVERFLOW_HINT, e);
        }
    }

    /**
     * Resolves every deployment's size to a count without projecting.
     *
     * @param scenario the scenario
     * @return one resolved deployment per deployment, in scenario order
     */
    public static List<ResolvedDeployment> sizing(Scenario scenario) {
        return FleetPlan.of(scenario).sizing();
    }
}
