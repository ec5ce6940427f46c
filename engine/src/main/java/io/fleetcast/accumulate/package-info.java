/**
 * Difference arrays to per-cell hours (one prefix sum per deployment), the parallel block driver with its
 * fixed-order reduction, and {@link io.fleetcast.accumulate.FleetState}: the seam both modes produce and the
 * metric computation consumes.
 */
package io.fleetcast.accumulate;
