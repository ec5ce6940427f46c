/**
 * The model's values, free of any other fleetcast package: a {@link io.fleetcast.model.Scenario} (deployments of
 * catalog {@link io.fleetcast.model.Accelerator}s at {@link io.fleetcast.model.Site}s, with their sizes, terms,
 * uncertainty and provenance), and what a projection gives back: a {@link io.fleetcast.model.Projection} holding a
 * {@link io.fleetcast.model.MetricCube} (metric x group x period over a {@link io.fleetcast.model.Timeline}) and its
 * {@link io.fleetcast.model.Summary}. Scenarios are built from files by the facade or in code with
 * {@link io.fleetcast.model.ScenarioBuilder}; every {@link io.fleetcast.model.Metric} names
 * its unit, as its id does ({@code tco_usd}, {@code facility_power_mw}).
 */
package io.fleetcast.model;
