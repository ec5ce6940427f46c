package io.fleetcast.cube;

import io.fleetcast.Grouping;
import io.fleetcast.Metric;
import io.fleetcast.MetricCube;
import io.fleetcast.Mode;
import io.fleetcast.Projection;
import io.fleetcast.Scenario;
import io.fleetcast.accumulate.FleetState;
import io.fleetcast.accumulate.FleetStates;
import io.fleetcast.plan.FleetPlan;

/**
 * Runs the stages in data-flow order: resolve the scenario into a {@link FleetPlan}, obtain its
 * {@link FleetState} in the requested mode, compute the metrics, wrap them in a {@link Projection}.
 * Stateless: a projection is a pure function of (scenario, mode, seed).
 */
public final class Projector {

    private Projector() {
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
            Projection p = new Projection(scenario, mode, seed, plan.sizing(), cube(plan, state));
            p.summary(); // computed now: a summary figure that overflows is reported here, not while printing
            return p;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(OVERFLOW + e.getMessage() + OVERFLOW_HINT, e);
        }
    }

    /** How an overflowing projection is reported: it is the input's fault, not a bug. */
    static final String OVERFLOW = "the projection is beyond what a double holds: ";
    static final String OVERFLOW_HINT = "; some input is too extreme for a finite result (a rate of change, price or size"
            + " near the limit of its range, or a utilization or FLOP/s near zero)";

    /**
     * The cube of a fleet state, grouped by deployment.
     *
     * @param plan  the plan
     * @param state its state
     * @return the cube
     * @throws ArithmeticException when a value overflows to infinity, naming metric, deployment and period
     */
    public static MetricCube cube(FleetPlan plan, FleetState state) {
        double[] values = new double[Metric.COUNT * plan.scenarioDeployments * plan.timeline().periods()];
        MetricKernels.cubeScalar(plan, state, values);
        return MetricCube.of(Grouping.DEPLOYMENT, plan.deploymentIds(), plan.timeline(), values);
    }
}
