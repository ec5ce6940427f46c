package io.fleetcast.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A grid limit (issue #10): the facility power a site can draw for a scenario's deployments, as a step schedule of
 * phased energization. Before the first step nothing is available. Installs that would take the site's design
 * facility power above the cap wait: the plan delays a deployment's install start and stretches its ramp, in
 * scenario order, so that the installed design facility power of the site's deployments stays under the cap at
 * every instant.
 *
 * <p>A scenario sets it per site ({@code power-caps:}), not the catalog: a catalog site is a region (a state, a
 * country) with its prices and grid; the cap is what one campus or interconnection in it gives these deployments.
 *
 * @param site  the site id
 * @param steps the schedule, from the earliest date, dates strictly increasing
 */
public record PowerCap(String site, List<Step> steps) {

    /**
     * From {@code from} on, {@code facilityWatts} of facility power are available (until the next step).
     *
     * @param from          the first instant (UTC)
     * @param facilityWatts facility power available, watts, at least 0
     */
    public record Step(LocalDateTime from, double facilityWatts) {
        /** Checks the values. */
        public Step {
            Objects.requireNonNull(from, "from");
            if (!(facilityWatts >= 0) || Double.isInfinite(facilityWatts)) {
                throw new IllegalArgumentException("power cap step at " + from + ": " + facilityWatts + " W; expected >= 0");
            }
        }
    }

    /** Checks the schedule and copies it. */
    public PowerCap {
        Objects.requireNonNull(site, "site");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("power cap of site " + site + ": expected at least one step");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).from().isAfter(steps.get(i - 1).from())) {
                throw new IllegalArgumentException("power cap of site " + site + ": step dates must increase");
            }
        }
    }
}
