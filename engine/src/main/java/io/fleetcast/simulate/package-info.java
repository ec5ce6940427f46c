/**
 * Device lifecycles: sampled ({@link io.fleetcast.simulate.SweepKernels}, each device drawing from its own
 * counter-based stream in {@link io.fleetcast.simulate.CounterStreams}) or their exact expectation
 * ({@link io.fleetcast.simulate.ExpectedKernels} over {@link io.fleetcast.simulate.AgeTable}s). Kernels are
 * static methods over caller-owned buffers, named by strategy ({@code ...Scalar}) so a vectorized twin can
 * sit beside each; they know nothing of files, the command line or the metric cube.
 */
package io.fleetcast.simulate;
