package io.fleetcast.model;

/** The length of one period of a scenario's timeline; periods are calendar periods in UTC. */
public enum Step {
    /** One hour. */
    HOUR,
    /** One calendar day. */
    DAY,
    /** Seven days, starting at the scenario start. */
    WEEK,
    /** One calendar month (672 to 744 hours). */
    MONTH,
    /** Three calendar months. */
    QUARTER,
    /** One calendar year (8,760 or 8,784 hours). */
    YEAR
}
