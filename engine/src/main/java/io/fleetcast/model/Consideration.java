package io.fleetcast.model;

import java.util.Objects;

/**
 * Vendor consideration (issue #10): value a buyer receives from its supplier when one of its deployments reaches a
 * milestone, such as AMD's warrant to OpenAI (shares vesting as deployed capacity reaches each gigawatt). It is
 * received when the deployment's installed slots reach the milestone (a count, or design facility power), shown as
 * the metric {@code consideration_usd} and netted in {@code cash_usd} (so in the NPV of cash), never in
 * {@code tco_usd}: tco is the cost of running the capacity, and a warrant is a financing gain whose value depends on
 * the supplier's share price, not on the fleet.
 *
 * @param id              the entry's id, e.g. {@code amd-warrant-tranche-1}
 * @param deployment      the deployment whose installs reach the milestone
 * @param milestoneKind   what the milestone counts
 * @param milestone       accelerators (count) or watts of design facility power; at least 0
 * @param cashUsd         cash received, USD (0 when shares are given)
 * @param shares          shares received (0 when cash is given)
 * @param sharePriceUsd   value of one share, USD (0 when cash is given)
 * @param provenance      source and confidence of the amount
 */
public record Consideration(String id, String deployment, MilestoneKind milestoneKind, double milestone, double cashUsd,
                            double shares, double sharePriceUsd, Provenance provenance) {

    /** What a milestone counts. */
    public enum MilestoneKind {
        /** Accelerators installed. */
        COUNT,
        /** Design facility power of the installed accelerators, watts. */
        FACILITY_POWER
    }

    /** Checks the values. */
    public Consideration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(milestoneKind, "milestoneKind");
        Objects.requireNonNull(provenance, "provenance");
        if (!(milestone >= 0) || !(cashUsd >= 0) || !(shares >= 0) || !(sharePriceUsd >= 0)
                || !Double.isFinite(milestone + cashUsd + shares * sharePriceUsd)) {
            throw new IllegalArgumentException("consideration " + id + ": milestone, cash, shares and share price must be"
                    + " finite and >= 0");
        }
    }

    /** The value received: cash plus shares x share price, USD. */
    public double amountUsd() {
        return cashUsd + shares * sharePriceUsd;
    }
}
