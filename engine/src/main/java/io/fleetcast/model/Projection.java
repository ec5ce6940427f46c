package io.fleetcast.model;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of projecting a scenario: its resolved sizing and its metric cube, by deployment or rolled
 * up to any {@link Grouping}, and the summary. Obtain one from {@link io.fleetcast.Fleetcast#project(Scenario, Mode, long)}.
 *
 * <p>Immutable and thread-safe; roll-ups and the summary are computed on first use and kept.
 */
public final class Projection {

    private final Scenario scenario;
    private final Mode mode;
    private final long seed;
    private final List<ResolvedDeployment> sizing;
    private final MetricCube byDeployment;
    private final Map<Grouping, MetricCube> rollUps = new EnumMap<>(Grouping.class);
    private Summary summary;

    /**
     * Wraps the engine's results. Planners get projections from {@link io.fleetcast.Fleetcast}; this constructor is for
     * the engine and for tools that rebuild a projection from stored results.
     *
     * @param scenario     the scenario projected
     * @param mode         the mode
     * @param seed         the seed (ignored by {@link Mode#EXPECTED}, kept for provenance)
     * @param sizing       one resolved deployment per deployment, in scenario order
     * @param byDeployment the cube grouped by {@link Grouping#DEPLOYMENT}, its groups the deployment ids in
     *                     the order of {@code sizing}
     * @throws IllegalArgumentException when the cube does not match the sizing or the scenario's timeline
     */
    public Projection(Scenario scenario, Mode mode, long seed, List<ResolvedDeployment> sizing, MetricCube byDeployment) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.seed = seed;
        this.sizing = List.copyOf(sizing);
        this.byDeployment = Objects.requireNonNull(byDeployment, "byDeployment");
        if (byDeployment.grouping() != Grouping.DEPLOYMENT) {
            throw new IllegalArgumentException("the projection's cube must be grouped by deployment, was " + byDeployment.grouping().id());
        }
        if (byDeployment.groups().size() != this.sizing.size()) {
            throw new IllegalArgumentException("cube has " + byDeployment.groups().size() + " deployments, sizing " + this.sizing.size());
        }
        for (int i = 0; i < this.sizing.size(); i++) {
            if (!this.sizing.get(i).id().equals(byDeployment.groups().get(i))) {
                throw new IllegalArgumentException("cube group " + i + " is '" + byDeployment.groups().get(i)
                        + "', sizing has '" + this.sizing.get(i).id() + "'");
            }
        }
        rollUps.put(Grouping.DEPLOYMENT, byDeployment);
    }

    /** The scenario that was projected. */
    public Scenario scenario() {
        return scenario;
    }

    /** The mode of the projection. */
    public Mode mode() {
        return mode;
    }

    /** The seed of the projection (meaningful for {@link Mode#SIMULATE}). */
    public long seed() {
        return seed;
    }

    /** The periods of the cube. */
    public Timeline timeline() {
        return byDeployment.timeline();
    }

    /** The resolved deployments, in scenario order: how many accelerators each size holds. */
    public List<ResolvedDeployment> sizing() {
        return sizing;
    }

    /** The cube grouped by deployment (the finest grouping). */
    public MetricCube cube() {
        return byDeployment;
    }

    /**
     * The cube rolled up to a grouping.
     *
     * @param grouping the grouping
     * @return the cube, groups in order of first appearance among the deployments
     */
    public synchronized MetricCube cube(Grouping grouping) {
        MetricCube c = rollUps.get(grouping);
        if (c == null) {
            Map<String, String> groupOf = new HashMap<>();
            for (ResolvedDeployment d : sizing) {
                groupOf.put(d.id(), d.group(grouping));
            }
            c = byDeployment.rollUp(grouping, groupOf);
            rollUps.put(grouping, c);
        }
        return c;
    }

    /** The headline numbers over the horizon: totals, peaks, NPV of cash, $/accelerator-hour, $/EFLOP. */
    public synchronized Summary summary() {
        if (summary == null) {
            long accelerators = 0;
            for (ResolvedDeployment d : sizing) {
                accelerators = Math.addExact(accelerators, d.count());
            }
            summary = Summary.of(cube(Grouping.TOTAL), scenario.discountRatePerYear(), accelerators);
        }
        return summary;
    }

    @Override
    public String toString() {
        return "Projection[" + scenario.name() + ", " + mode.id() + ", seed " + seed + ", " + sizing.size()
                + " deployments, " + timeline() + "]";
    }
}
