/**
 * Resolve, then compute: turns a {@link io.fleetcast.model.Scenario} into a {@link io.fleetcast.plan.FleetPlan},
 * every deployment's size resolved to a count ({@link io.fleetcast.plan.Sizing}) and every figure the kernels
 * need in primitive arrays, plus the {@link io.fleetcast.plan.CellGrid} on which the engine accumulates
 * (periods split wherever a monthly or yearly rate changes inside one).
 */
package io.fleetcast.plan;
