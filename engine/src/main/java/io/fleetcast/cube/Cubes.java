package io.fleetcast.cube;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.accumulate.FleetState;
import io.fleetcast.plan.FleetPlan;

/**
 * The cube stage: a {@link FleetState} of a {@link FleetPlan} turned into the metric cube by deployment
 * ({@link MetricKernels}). Stateless.
 */
public final class Cubes {

    private Cubes() {
    }

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
        return MetricCube.ofOwned(Grouping.DEPLOYMENT, plan.deploymentIds(), plan.timeline(), values);
    }
}
