/**
 * fleetcast's answers next to public anchors ({@link io.fleetcast.calibrate.Calibration}): each anchor's measure is
 * computed by projecting a scenario through the pipeline. Internal: the command line's {@code calibrate} and the
 * calibration tests use it; it was in {@code io.fleetcast.analyse} until its constructor's internal types showed it
 * could not be used from outside the module.
 */
package io.fleetcast.calibrate;
