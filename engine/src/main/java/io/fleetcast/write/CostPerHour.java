package io.fleetcast.write;

import io.fleetcast.model.Deployment;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Owned and leased on one basis, per deployment: tco per contracted accelerator-hour over the horizon with the
 * capital charge and without it, the cost of capital, and the lease price beside them (a leased deployment's
 * first-year price; for an owned one, its accelerator's reference lease-price from the catalog, the market
 * it competes with). One source for the console, {@code results.json} and the report.
 *
 * @param deployment          deployment id
 * @param owned               whether it is owned
 * @param slotHours           contracted slot-hours over the horizon
 * @param inclCapital         tco / slot-hours, USD/h; NaN when there are no slot-hours
 * @param exclCapital         (tco - capital charge) / slot-hours, USD/h; NaN when none or leased
 * @param costOfCapitalPerYear the rate charged (owned); NaN when leased
 * @param leasePrice          the lease price beside it, USD/h; 0 when none is known
 */
public record CostPerHour(String deployment, boolean owned, double slotHours, double inclCapital, double exclCapital,
                          double costOfCapitalPerYear, double leasePrice) {

    /**
     * The rows of a projection, in scenario order.
     *
     * @param p the projection
     * @return one row per deployment
     */
    public static List<CostPerHour> of(Projection p) {
        MetricCube c = p.cube(Grouping.DEPLOYMENT);
        Timeline t = c.timeline();
        Scenario s = p.scenario();
        List<CostPerHour> out = new ArrayList<>();
        for (Deployment dep : s.deployments()) {
            int g = c.groupIndex(dep.id());
            double slotHours = 0;
            for (int k = 0; k < t.periods(); k++) {
                slotHours += c.value(Metric.SLOTS, g, k) * t.hours(k);
            }
            boolean owned = dep.ownership() == Ownership.OWNED;
            double tco = c.total(Metric.TCO_USD, g);
            double charge = c.total(Metric.CAPITAL_CHARGE_USD, g);
            double coc = !owned ? Double.NaN
                    : Double.isNaN(dep.costOfCapitalPerYear()) ? s.costOfCapitalPerYear() : dep.costOfCapitalPerYear();
            double lease = owned ? s.acceleratorOf(dep).leasePriceUsdPerHour() : dep.leasePriceUsdPerHour();
            out.add(new CostPerHour(dep.id(), owned, slotHours, slotHours > 0 ? tco / slotHours : Double.NaN,
                    slotHours > 0 && owned ? (tco - charge) / slotHours : Double.NaN, coc, lease));
        }
        return out;
    }

    /** Whether a projection owns something (the comparison is shown only then). */
    public static boolean anyOwned(Projection p) {
        for (Deployment d : p.scenario().deployments()) {
            if (d.ownership() == Ownership.OWNED) {
                return true;
            }
        }
        return false;
    }
}
