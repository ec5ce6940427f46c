/**
 * The analyses that run many projections of one scenario: {@link io.fleetcast.analyse.MonteCarlo} (runs of the
 * scenario with its uncertain inputs sampled, reduced to means and quantile {@link io.fleetcast.analyse.Bands} that
 * say whether they are exact order statistics or P² estimates; {@link io.fleetcast.analyse.MonteCarloPart} for runs
 * split over machines), {@link io.fleetcast.analyse.Sensitivity} (one-at-a-time swings and standardized regression
 * coefficients), {@link io.fleetcast.analyse.GoalSeek} (the input value that makes a metric reach a target), and
 * {@link io.fleetcast.analyse.Calibration} (fleetcast's answers against public anchors). Runs are a function of
 * (scenario, seed, run index) only, and reductions follow run order, so results do not depend on the number of
 * threads or machines.
 */
package io.fleetcast.analyse;
