/**
 * Every metric computed from a {@link io.fleetcast.accumulate.FleetState} in one place for both modes
 * ({@link io.fleetcast.cube.MetricKernels}), closed forms of the book and the capital charge, and
 * {@link io.fleetcast.cube.Cubes}, the stage's entry point.
 */
package io.fleetcast.cube;
