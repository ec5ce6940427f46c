/**
 * The analyses that run many projections of one scenario: {@link io.fleetcast.analyse.MonteCarlo} (runs of the
 * scenario with its uncertain inputs sampled, reduced to means and quantile {@link io.fleetcast.analyse.Bands} that
 * say whether they are exact order statistics or P² estimates; {@link io.fleetcast.analyse.MonteCarloPart} for runs
 * split over machines), {@link io.fleetcast.analyse.Sensitivity} (one-at-a-time swings and standardized regression
 * coefficients) and {@link io.fleetcast.analyse.GoalSeek} (the input value that makes a metric reach a target). Runs
 * are a function of
 * (scenario, mode, seed, run index) only, and reductions follow run order, so results do not depend on the number of
 * threads or machines.
 *
 * <p>What they vary and read: an {@link io.fleetcast.analyse.InputPath} addresses one numeric field
 * ({@link io.fleetcast.analyse.InputField}, values in base units, parsed from text by
 * {@link io.fleetcast.analyse.InputValue}); a {@link io.fleetcast.analyse.ScenarioEditor} sets or shifts such fields
 * cheaply; {@link io.fleetcast.analyse.UncertainInputs} compiles a scenario's {@code uncertainty:} block into
 * inverse-CDF {@link io.fleetcast.analyse.InputSampler}s fed from per-run streams
 * ({@link io.fleetcast.analyse.RunStreams}); a {@link io.fleetcast.analyse.MetricSelector} reads one number (a
 * metric for a group, in total, at peak, in a period or a year) from a projection, and
 * {@link io.fleetcast.analyse.SummaryCells} lays a summary's figures out as bandable cells.
 */
package io.fleetcast.analyse;
