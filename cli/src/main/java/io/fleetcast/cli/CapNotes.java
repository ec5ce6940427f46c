package io.fleetcast.cli;

import io.fleetcast.model.Scenario;
import io.fleetcast.plan.FleetPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines that say which deployments a site's power cap delayed and by how much: after the sizing table of
 * {@code run}, and as warnings of {@code validate}. One place, so both say the same.
 */
final class CapNotes {

    private CapNotes() {
    }

    /**
     * One line per delayed deployment, e.g. {@code power cap at us-tx: mi450-next-5gw first install +3.0 months,
     * last install +14.2 months}; empty when no cap delays anything.
     *
     * @param plan the plan of the scenario
     * @return the lines
     */
    static List<String> lines(FleetPlan plan) {
        List<String> out = new ArrayList<>();
        for (FleetPlan.CapDelay d : plan.capDelays) {
            out.add("power cap at " + d.site() + ": " + d.deployment() + " first install " + months(d.startDelayHours())
                    + ", last install " + months(d.endDelayHours()) + " (the site's installed design facility power"
                    + " stays under its cap)");
        }
        return out;
    }

    /** The lines for a scenario; none when it has no caps (no plan is made). */
    static List<String> lines(Scenario s) {
        return s.powerCaps().isEmpty() ? List.of() : lines(FleetPlan.of(s));
    }

    private static String months(double hours) {
        // months of 730.5 h (a year of 8,766 h / 12), as the scenario format reads "months" in a duration
        return "+" + String.format(Locale.ROOT, "%.1f", hours / 730.5) + " months";
    }
}
