package io.fleetcast.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, resolved scenario: the timeline, the deployments, and the catalog and sites they use
 * (with every inline override applied). A plain immutable value: runs are pure functions of
 * (scenario, mode, seed, run index).
 *
 * @param name               scenario name
 * @param description        one line saying what it models
 * @param start              start of the first period (UTC)
 * @param end                end of the horizon (UTC), after {@code start} by at least one step
 * @param step               period length
 * @param discountRatePerYear yearly discount rate for the NPV of cash
 * @param costOfCapitalPerYear yearly cost of capital (WACC) of owned deployments that give none of their own,
 *                           charged on the capital still tied up ({@link Metric#CAPITAL_CHARGE_USD})
 * @param deployments        at least one deployment, ids unique
 * @param accelerators       the catalog entries by id (at least those the deployments use)
 * @param sites              the sites by id (at least those the deployments use)
 * @param uncertainty        uncertain inputs, in file order; empty when none
 * @param monteCarlo         Monte Carlo settings; {@link MonteCarloSettings#DEFAULT} when the file has none
 * @param consideration      vendor consideration received at deployment milestones, in file order; empty when none
 * @param powerCaps          grid limits per site (at most one per site); empty when none
 * @param origin             the file it was read from, when it was read from one
 */
public record Scenario(
        String name,
        String description,
        LocalDateTime start,
        LocalDateTime end,
        Step step,
        double discountRatePerYear,
        double costOfCapitalPerYear,
        List<Deployment> deployments,
        Map<String, Accelerator> accelerators,
        Map<String, Site> sites,
        List<UncertainInput> uncertainty,
        MonteCarloSettings monteCarlo,
        List<Consideration> consideration,
        List<PowerCap> powerCaps,
        Optional<ScenarioOrigin> origin) {

    /** Copies the collections so the record stays immutable. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(monteCarlo, "monteCarlo");
        Objects.requireNonNull(origin, "origin");
        deployments = List.copyOf(deployments);
        accelerators = Map.copyOf(accelerators);
        sites = Map.copyOf(sites);
        uncertainty = List.copyOf(uncertainty);
        consideration = List.copyOf(consideration);
        powerCaps = List.copyOf(powerCaps);
    }

    /** The catalog entry a deployment uses. */
    public Accelerator acceleratorOf(Deployment d) {
        return accelerators.get(d.acceleratorId());
    }

    /** The site a deployment uses. */
    public Site siteOf(Deployment d) {
        return sites.get(d.siteId());
    }
}
