/**
 * The facade: {@link io.fleetcast.Fleetcast} loads scenarios (built-in, from a file, or from text) and runs every
 * operation of the command line on them: project, Monte Carlo, sensitivity, solve, set an input, write the result
 * files. The values it takes and returns are in {@link io.fleetcast.model}; the analyses' results in
 * {@link io.fleetcast.analyse}. The module exports these three packages only; the stages behind the facade (scenario,
 * plan, simulate, accumulate, cube, pipeline, write) are internal and may change without notice.
 */
package io.fleetcast;
