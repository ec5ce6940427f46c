/**
 * Every metric computed from a {@link io.fleetcast.accumulate.FleetState} in one place for both modes
 * ({@link io.fleetcast.cube.MetricKernels}), and the {@link io.fleetcast.cube.Projector} that runs the stages
 * in data-flow order.
 */
package io.fleetcast.cube;
