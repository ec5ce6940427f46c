package io.fleetcast;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One line of a deal: a number of accelerators of one kind at one site, installed over a ramp.
 *
 * @param id                       unique id within the scenario
 * @param deal                     the deal the deployment belongs to (a group of the results)
 * @param acceleratorId            catalog id of the accelerator
 * @param siteId                   id of the site
 * @param ownership                owned or leased
 * @param size                     the size as given; {@link io.fleetcast} resolves it to a count
 * @param start                    first install instant (UTC), inside the scenario's horizon
 * @param rampHours                installs are spread uniformly over [start, start + ramp); 0 installs all at start
 * @param termHours                when present, every slot ends at start + term
 * @param utilization              fraction of peak the up accelerators run at, in [0, 1]
 * @param precision                the precision whose peak counts as delivered compute
 * @param leasePriceUsdPerHour     leased: price per contracted accelerator-hour at the deployment start; 0 when owned
 * @param leasePriceDeclinePerYear leased: yearly relative decline of the price (0.05 = -5 %/year)
 * @param energyIncluded           leased: whether the lease price includes energy
 * @param opexFractionPerYear      owned: other opex per year as a fraction of capex
 * @param averagePowerW            when present, measured average IT watts per up accelerator, replacing the
 *                                 linear power model (for reproducing measured runs)
 */
public record Deployment(
        String id,
        String deal,
        String acceleratorId,
        String siteId,
        Ownership ownership,
        Size size,
        LocalDateTime start,
        double rampHours,
        OptionalDouble termHours,
        double utilization,
        Precision precision,
        double leasePriceUsdPerHour,
        double leasePriceDeclinePerYear,
        boolean energyIncluded,
        double opexFractionPerYear,
        OptionalDouble averagePowerW) {

    /** Checks that no reference is null. */
    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(acceleratorId, "acceleratorId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(termHours, "termHours");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(averagePowerW, "averagePowerW");
    }
}
