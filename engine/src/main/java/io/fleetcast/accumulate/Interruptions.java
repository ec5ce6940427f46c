package io.fleetcast.accumulate;

import io.fleetcast.plan.FleetPlan;
import io.fleetcast.simulate.CounterStreams;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Short outages (issue #10: the reliability split): interruptions at {@code λ} per hour of up time, each taking
 * {@code τ} hours out of up time, replacing no hardware. They are applied to a {@link FleetState} after the
 * lifecycle kernels, per deployment and cell, in both modes.
 *
 * <p>A device alternates up periods (exponential, mean {@code 1/λ}) and interruptions of {@code τ}: of the
 * {@code U} hours it would be up without them, {@code U / (1 + λτ)} are up, and the interruptions number
 * {@code λ U / (1 + λτ)}, so the hours they take are exactly {@code U - U / (1 + λτ)}.
 * <ul>
 *   <li>Expected mode: those expectations.</li>
 *   <li>Simulate mode: the number in a cell is Poisson with that mean (a sum of independent devices' counts,
 *       each Poisson for short outages), one draw per deployment and cell by inversion from its own
 *       counter-based stream (seed, deployment, cell), so the draw does not depend on threads or on the slot
 *       streams; the hours taken are the count x {@code τ}, at most the cell's up hours.</li>
 * </ul>
 * The work is O(deployments x cells), whatever the number of devices.
 */
final class Interruptions {

    /** Separates the interruption streams from the slot streams of the same deployment key. */
    private static final long STREAM_SALT = 0x6A09E667F3BCC909L;

    private Interruptions() {
    }

    /**
     * Takes the expected interruptions out of the up hours.
     *
     * @param plan  the plan. Not modified.
     * @param state the lifecycle state. Modified: {@code upHours}, {@code interruptions}, {@code interruptedHours}.
     */
    static void expected(FleetPlan plan, FleetState state) {
        apply(plan, state, 0, false, 0, plan.deployments);
    }

    /**
     * Takes sampled interruptions out of the up hours.
     *
     * @param plan  the plan. Not modified.
     * @param seed  the run's root seed
     * @param state the lifecycle state. Modified: {@code upHours}, {@code interruptions}, {@code interruptedHours}.
     */
    static void sampled(FleetPlan plan, long seed, FleetState state) {
        apply(plan, state, seed, true, 0, plan.deployments);
    }

    /**
     * Takes sampled interruptions out of one deployment's up hours (its draws are its own: the same values as
     * {@link #sampled(FleetPlan, long, FleetState)} gives it), so that a simulation can draw them as each
     * deployment is done.
     *
     * @param plan  the plan. Not modified.
     * @param seed  the run's root seed
     * @param state the lifecycle state, deployment {@code d}'s cells complete. Modified: deployment {@code d}'s
     *              {@code upHours}, {@code interruptions}, {@code interruptedHours}.
     * @param d     the deployment
     */
    static void sampled(FleetPlan plan, long seed, FleetState state, int d) {
        apply(plan, state, seed, true, d, d + 1);
    }

    private static void apply(FleetPlan plan, FleetState state, long seed, boolean sample, int fromDeployment,
                              int toDeployment) {
        int cells = state.cells;
        for (int d = fromDeployment; d < toDeployment; d++) {
            double lambda = plan.interruptionRatePerHour[d];
            double tau = plan.interruptionHours[d];
            if (lambda <= 0) {
                continue;
            }
            double keep = 1 / (1 + lambda * tau);
            long key = CounterStreams.mix64(CounterStreams.deploymentKey(seed, d) ^ STREAM_SALT);
            for (int c = 0; c < cells; c++) {
                int i = d * cells + c;
                double up = state.upHours[i];
                double mean = lambda * up * keep;
                if (!(mean > 0)) {
                    continue;
                }
                double lost;
                double count;
                double upNet;
                if (sample) {
                    double u = CounterStreams.unit(CounterStreams.draw(CounterStreams.slotState(key, c), 0));
                    count = PoissonDistribution.of(mean).inverseCumulativeProbability(u);
                    lost = Math.min(up, count * tau);
                    upNet = up - lost;
                } else {
                    count = mean;
                    upNet = up * keep;
                    lost = up - upNet;
                }
                state.upHours[i] = upNet;
                state.interruptions[i] = count;
                state.interruptedHours[i] = lost;
            }
        }
    }
}
