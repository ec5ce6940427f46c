package io.fleetcast.model;

import java.util.Locale;

/**
 * How the groups of a {@link MetricCube} are formed from deployments. {@link #DEPLOYMENT} is the
 * finest; every other grouping is a roll-up (sum) of deployment groups.
 */
public enum Grouping {
    /** One group per deployment, named by the deployment id. */
    DEPLOYMENT,
    /** One group per deal (a deployment's {@code deal}, by default its id). */
    DEAL,
    /** One group per accelerator catalog id. */
    ACCELERATOR,
    /** One group per accelerator vendor. */
    VENDOR,
    /** One group per site id. */
    SITE,
    /** Two groups at most: {@code owned} and {@code leased}. */
    OWNERSHIP,
    /** A single group named {@code total}. */
    TOTAL;

    /** The name of the single group of {@link #TOTAL}. */
    public static final String TOTAL_GROUP = "total";

    /** The lower-case id used on the command line ({@code --group-by deal}) and in output files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The grouping with the given id, case-insensitive.
     *
     * @param id e.g. {@code deal}
     * @return the grouping
     * @throws IllegalArgumentException naming the accepted ids when none matches
     */
    public static Grouping byId(String id) {
        for (Grouping g : values()) {
            if (g.id().equalsIgnoreCase(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grouping '" + id
                + "': expected one of deployment, deal, accelerator, vendor, site, ownership, total");
    }
}
