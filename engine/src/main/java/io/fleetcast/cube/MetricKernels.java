package io.fleetcast.cube;

import io.fleetcast.model.Metric;
import io.fleetcast.model.Units;
import io.fleetcast.accumulate.FleetState;
import io.fleetcast.plan.CellGrid;
import io.fleetcast.plan.FleetPlan;

/**
 * Every metric of every deployment and period, computed from the {@link FleetState} in one place for both
 * modes. Inside a cell every rate is constant (PUE, prices, grid intensity, lease price), so each cell's
 * value is an exact product; a period is the sum of its cells (flows) or that sum over the period's hours
 * (levels).
 *
 * <p>Per cell, for deployment d (owned-only terms are 0 when leased):
 * <pre>
 * it MWh       = (up-hours x IT watts per up accelerator + interrupted hours x idle watts) / 1e6
 * energy MWh   = it MWh x PUE(month)
 * energy cost  = energy MWh x price x (1 + escalation)^year           (owned, or leased without energy)
 * lease cost   = slot-hours x lease price x (1 - decline)^deployment year   (leased)
 * capex        = installs x capex                                      (owned)
 * facility cap = installs x all-in W x design PUE / 1e6 x capex per MW  (owned)
 * depreciation = capex (1 - residual) / book life x book-hours + capex x losses at retirements
 *              + facility capex per slot / facility life x facility hours (owned)
 * resale       = capex x residual x retirements                         (owned)
 * repair cost  = (failures - failures in warranty) x capex x replacement fraction   (owned)
 * other opex   = opex fraction x capex x slot-hours / 8766             (owned)
 * compute      = up-hours x peak TFLOP/s x utilization x 3600 / 1e6 EFLOP
 * CO2 op.      = energy MWh x grid g/kWh x (1 + change)^year / 1000 t
 * CO2 embodied = embodied kg / 1000 x (book-hours / book life + losses)  (leased: slot-hours / useful life)
 * tco          = depreciation + capital charge + energy cost + lease + repair + opex
 * cash         = capex + facility capex + energy cost + lease + repair + opex - resale - consideration
 * </pre>
 * Book-hours (slot-hours below the depreciation life), retirements (at the service life or an owned term end) and
 * their losses ({@code max(0, 1 - age / book life)} of the depreciable base), and the book value at the horizon end
 * are closed forms of the plan's install ramp ({@link BookValue}), like the capital charge: both modes book them
 * alike. {@code book_value_end_usd} (IT in service at the horizon end at book, plus facility at book) is written
 * in the last period only.
 * Vendor consideration (a scenario's {@code consideration:} entries) is added once, in the cell where its
 * deployment's install ramp reaches the milestone: {@code consideration_usd}, and subtracted from cash.
 */
public final class MetricKernels {

    private MetricKernels() {
    }

    /**
     * Computes the cube values grouped by deployment.
     *
     * @param plan  the plan. Not modified.
     * @param state the fleet state. Not modified.
     * @param out   {@code Metric.COUNT * scenarioDeployments * periods} values, layout
     *              {@code out[(metric * scenarioDeployments + d) * periods + period]} (a refresh generation adds into
     *              its deployment's values), overwritten. Modified.
     */
    public static void cubeScalar(FleetPlan plan, FleetState state, double[] out) {
        CellGrid grid = plan.grid;
        int cells = grid.cells;
        int periods = plan.timeline().periods();
        int deployments = plan.deployments;
        // rows (a deployment and its refresh generations) add into their scenario deployment's values
        int outputs = plan.scenarioDeployments;
        java.util.Arrays.fill(out, 0);
        double[] periodHours = new double[periods];
        for (int p = 0; p < periods; p++) {
            periodHours[p] = plan.timeline().hours(p);
        }
        double[] elecFactor = new double[grid.years];
        double[] gridFactor = new double[grid.years];
        // e^(δ b) at every cell boundary, for the cost of capital δ of the deployments charged (usually one rate
        // for a whole scenario): recomputed only when δ changes, so a cell's capital charge costs no exponential
        // (measured: four exponentials per cell made the cube stage of the portfolio several times slower)
        double expDelta = Double.NaN;
        double[] expBounds = null;
        for (int d = 0; d < deployments; d++) {
            double ef = 1;
            double gf = 1;
            for (int y = 0; y < grid.years; y++) {
                elecFactor[y] = ef;
                gridFactor[y] = gf;
                ef *= 1 + plan.electricityEscalation[d];
                gf *= 1 + plan.gridChange[d];
            }
            int o = plan.outputOf[d];
            boolean owned = plan.owned[d];
            double watts = plan.wattsUp[d];
            double spareWatts = plan.spareWattsPerSlot[d];
            double idleWatts = plan.idleWatts[d];
            double price = plan.energyPaid[d] ? plan.electricityPrice[d] : 0;
            double intensity = plan.gridIntensity[d];
            double capex = plan.capexUsd[d];
            double facCapex = plan.facilityCapexUsd[d];
            double book = plan.bookLifeHours[d];
            double service = plan.slotLifeHours[d];
            double residual = plan.residualFraction[d];
            // the age below which a slot is depreciated: its depreciation life, or its service life if it retires first
            double bookAge = Math.min(service, book);
            double depPerBookHour = owned ? capex * (1 - residual) / book : 0;
            // at a retirement at the service life: the book value left above the residual (0 unless book > service)
            double retireRemaining = Math.max(0, 1 - service / book);
            boolean retires = owned && service < Double.POSITIVE_INFINITY;
            double facDepPerHour = plan.facility[d] ? facCapex / plan.facilityLifeHours[d] : 0;
            double repairPerFailure = plan.replacementCostUsd[d];
            double opexPerSlotHour = owned ? plan.opexFractionPerYear[d] * capex / Units.HOURS_PER_YEAR : 0;
            double eflopPerUpHour = plan.eflopPerUpHour[d];
            double embodiedT = plan.embodiedKg[d] / 1000.0;
            double embodiedPerSlotHour = embodiedT / book;
            // capital charge (owned, cost of capital above 0): closed-form cumulative charge per unit of capex at
            // each cell boundary, as ExpectedKernels does for slot-hours; it depends on install instants and
            // lives only, fixed by the plan, so both modes charge the same (simulate's stratified install jitter
            // has the uniform ramp as its mean)
            double delta = plan.capitalRatePerHour[d];
            boolean charged = owned && delta > 0;
            // the balance follows the depreciation life; a slot retired earlier (service life) stops being charged
            double kappa = charged ? CapitalCharge.kappa(delta, book) : 0;
            double eLife = Math.exp(-delta * book);
            double life = bookAge;
            double gLife = charged ? CapitalCharge.cumulative(life, delta, book, kappa, eLife) : 0;
            double iLife = charged ? CapitalCharge.integralAt(life, delta, kappa, eLife) : 0;
            double facLife = plan.facility[d] ? plan.facilityLifeHours[d] : 1;
            double facKappa = charged && plan.facility[d] ? CapitalCharge.kappa(delta, facLife) : 0;
            double eFac = Math.exp(-delta * facLife);
            double gFac = facKappa * facLife - 1;
            double iFac = facKappa > 0 ? CapitalCharge.integralAtLife(delta, facLife, facKappa) : 0;
            if (charged && delta != expDelta) {
                expDelta = delta;
                expBounds = expBounds == null ? new double[cells + 1] : expBounds;
                for (int k = 0; k <= cells; k++) {
                    expBounds[k] = Math.exp(delta * grid.bounds[k]);
                }
            }
            double idcPerInstall = charged ? facCapex * CapitalCharge.duringConstruction(delta, plan.buildTimeHours[d]) : 0;
            double s0 = plan.startHour[d];
            double ramp = plan.rampHours[d];
            double cap = plan.endCapHour[d];
            double n = plan.count[d];
            double density = ramp > 0 ? n / ramp : 0;
            double rampEnd = Math.min(s0 + ramp, cap);
            double eNegStart = charged ? Math.exp(-delta * s0) : 0;
            double eNegRamp = charged ? Math.exp(-delta * ramp) : 0;
            double eCapFromStart = charged ? Math.exp(delta * (cap - s0)) : 0;
            double eNegRampEnd = charged ? Math.exp(-delta * (rampEnd - s0)) : 0;
            double prevItCharge = 0;
            double prevFacCharge = 0;
            double prevBook = 0;
            double prevRetired = 0;
            double prevServiceHours = 0;
            double horizon = grid.bounds[cells];
            // an owned term end inside the horizon retires every slot still in service then, in its cell
            int termCell = plan.writeOff[d] ? grid.cellOf(plan.termEndHour[d]) : -1;
            double cutRemaining = termCell >= 0
                    ? BookValue.remainingAt(cap, s0, ramp, n, cap, service, book) : 0;
            double cutAlive = termCell >= 0 ? BookValue.aliveAt(cap, s0, ramp, n, cap, service) : 0;
            double leasePrice = plan.leasePrice[d];
            double leaseKeep = 1 - plan.leaseDecline[d];
            double[] ann = plan.anniversaries[d];
            int nextAnn = 0;
            double leaseNow = leasePrice;
            int pueBase = d * 12;
            int sOff = d * cells;
            for (int c = 0; c < cells; c++) {
                double cellStart = grid.bounds[c];
                while (nextAnn < ann.length && ann[nextAnn] <= cellStart) {
                    nextAnn++;
                    leaseNow *= leaseKeep;
                }
                int p = grid.period[c];
                int y = grid.scenarioYear[c];
                double installs = state.installs[sOff + c];
                double slotH = state.slotHours[sOff + c];
                double upH = state.upHours[sOff + c];
                double fails = state.failures[sOff + c];
                double warrantyFails = state.warrantyFailures[sOff + c];
                double facH = state.facilityHours[sOff + c];
                double interruptions = state.interruptions[sOff + c];
                double interruptedH = state.interruptedHours[sOff + c];

                double itMwh = (upH * watts + slotH * spareWatts + interruptedH * idleWatts) / Units.WATTS_PER_MW;
                double energy = itMwh * plan.pue[pueBase + grid.monthOfYear[c]];
                double energyCost = energy * price * elecFactor[y];
                // take-or-pay: the contracted count is paid from the start to the contract end, installed or not
                double lease = plan.takeOrPay[d]
                        ? plan.count[d] * Math.max(0, Math.min(grid.bounds[c + 1], plan.payEndHour[d])
                                - Math.max(cellStart, plan.startHour[d])) * leaseNow
                        : slotH * leaseNow;
                double capexC = installs * capex;
                double facCapexC = installs * facCapex;
                double bookH = 0;
                double retired = 0;
                double remaining = 0;
                double serviceH = 0;
                if (owned) {
                    double bp = Math.min(grid.bounds[c + 1], cap);
                    double bookCum = Math.max(prevBook, BookValue.hoursBelowAge(bp, s0, ramp, n, bookAge));
                    bookH = bookCum - prevBook;
                    prevBook = bookCum;
                    if (retires) {
                        double retiredCum = BookValue.installedBy(bp - service, s0, ramp, n);
                        retired = retiredCum - prevRetired;
                        prevRetired = retiredCum;
                        remaining = retireRemaining * retired;
                    }
                    if (c == termCell) {
                        retired += cutAlive;
                        remaining += cutRemaining;
                    }
                    if (residual > 0 && charged) {
                        double serviceCum = Math.max(prevServiceHours, BookValue.hoursBelowAge(bp, s0, ramp, n, service));
                        serviceH = serviceCum - prevServiceHours;
                        prevServiceHours = serviceCum;
                    }
                }
                double dep = depPerBookHour * bookH + capex * (1 - residual) * remaining + facDepPerHour * facH;
                double resale = capex * residual * retired;
                double repair = (fails - warrantyFails) * repairPerFailure;
                double opex = opexPerSlotHour * slotH;
                double capitalCharge = 0;
                if (charged) {
                    double b = grid.bounds[c + 1];
                    double bp = Math.min(b, cap);
                    // e^(δ(b - s)) from the boundary table; e^(δ(bp - s)) is the capped one past the term end
                    double eB = expBounds[c + 1] * eNegStart;
                    double eBp = b <= cap ? eB : eCapFromStart;
                    double itCum = ramp > 0
                            ? density * (CapitalCharge.cumulativeIntegralFromExp(bp - s0, eBp, delta, life, kappa, eLife, iLife, gLife)
                                    - CapitalCharge.cumulativeIntegralFromExp(bp - s0 - ramp, eBp * eNegRamp, delta, life, kappa,
                                            eLife, iLife, gLife))
                            : n * CapitalCharge.cumulativeFromExp(bp - s0, eBp, delta, life, kappa, eLife, gLife);
                    double facCum = 0;
                    if (facKappa > 0) {
                        facCum = ramp > 0
                                ? (rampEnd > s0 ? density * (CapitalCharge.cumulativeIntegralFromExp(b - s0, eB, delta, facLife,
                                        facKappa, eFac, iFac, gFac) - CapitalCharge.cumulativeIntegralFromExp(b - rampEnd,
                                        eB * eNegRampEnd, delta, facLife, facKappa, eFac, iFac, gFac)) : 0)
                                : (cap > s0 ? n * CapitalCharge.cumulativeFromExp(b - s0, eB, delta, facLife, facKappa, eFac, gFac) : 0);
                    }
                    // the residual value stays tied up until the device is sold: charged at δ per hour in service
                    capitalCharge = capex * (1 - residual) * (itCum - prevItCharge) + facCapex * (facCum - prevFacCharge)
                            + installs * idcPerInstall + capex * residual * delta * serviceH;
                    prevItCharge = itCum;
                    prevFacCharge = facCum;
                }
                double compute = upH * eflopPerUpHour;
                double co2op = energy * intensity * gridFactor[y] / 1000.0;
                double co2emb = owned ? embodiedPerSlotHour * bookH + embodiedT * remaining
                        : embodiedPerSlotHour * slotH;

                add(out, Metric.INSTALLED, outputs, o, periods, p, installs);
                add(out, Metric.SLOTS, outputs, o, periods, p, slotH);
                add(out, Metric.ACTIVE, outputs, o, periods, p, upH);
                add(out, Metric.FAILURES, outputs, o, periods, p, fails);
                add(out, Metric.IT_POWER_MW, outputs, o, periods, p, itMwh);
                add(out, Metric.FACILITY_POWER_MW, outputs, o, periods, p, energy);
                add(out, Metric.ENERGY_MWH, outputs, o, periods, p, energy);
                add(out, Metric.CAPEX_USD, outputs, o, periods, p, capexC);
                add(out, Metric.FACILITY_CAPEX_USD, outputs, o, periods, p, facCapexC);
                add(out, Metric.DEPRECIATION_USD, outputs, o, periods, p, dep);
                add(out, Metric.CAPITAL_CHARGE_USD, outputs, o, periods, p, capitalCharge);
                add(out, Metric.ENERGY_COST_USD, outputs, o, periods, p, energyCost);
                add(out, Metric.LEASE_COST_USD, outputs, o, periods, p, lease);
                add(out, Metric.REPAIR_COST_USD, outputs, o, periods, p, repair);
                add(out, Metric.OPEX_OTHER_USD, outputs, o, periods, p, opex);
                add(out, Metric.TCO_USD, outputs, o, periods, p, dep + capitalCharge + energyCost + lease + repair + opex);
                add(out, Metric.CASH_USD, outputs, o, periods, p, capexC + facCapexC + energyCost + lease + repair + opex - resale);
                add(out, Metric.RESALE_USD, outputs, o, periods, p, resale);
                add(out, Metric.COMPUTE_EFLOP, outputs, o, periods, p, compute);
                add(out, Metric.CO2_OPERATIONAL_T, outputs, o, periods, p, co2op);
                add(out, Metric.CO2_EMBODIED_T, outputs, o, periods, p, co2emb);
                add(out, Metric.INTERRUPTIONS, outputs, o, periods, p, interruptions);
                // down for repair: in service, not up and not interrupted (rounding can leave -1e-12)
                add(out, Metric.IN_REPAIR, outputs, o, periods, p, Math.max(0, slotH - upH - interruptedH));
            }
            if (owned) {
                // what the owner still holds at the horizon end: IT in service at book (a term end inside the horizon
                // retired it all), and the facility at book
                double it = cap >= horizon ? capex * (residual * BookValue.aliveAt(horizon, s0, ramp, n, horizon, service)
                        + (1 - residual) * BookValue.remainingAt(horizon, s0, ramp, n, horizon, service, book)) : 0;
                double fac = plan.facility[d] ? facCapex * BookValue.remainingAt(horizon, s0, ramp, n, cap,
                        Double.POSITIVE_INFINITY, plan.facilityLifeHours[d]) : 0;
                add(out, Metric.BOOK_VALUE_END_USD, outputs, o, periods, periods - 1, it + fac);
            }
            for (int k = 0; k < plan.considerationDeployment.length; k++) {
                double at = plan.considerationHour[k];
                if (plan.considerationDeployment[k] != d || !(at < grid.bounds[cells])) {
                    continue;                   // another deployment's, or after the horizon
                }
                int c = java.util.Arrays.binarySearch(grid.bounds, 0, cells + 1, at);
                c = c >= 0 ? Math.min(c, cells - 1) : -c - 2;
                int p = grid.period[c];
                add(out, Metric.CONSIDERATION_USD, outputs, o, periods, p, plan.considerationUsd[k]);
                add(out, Metric.CASH_USD, outputs, o, periods, p, -plan.considerationUsd[k]);
            }
        }
        // levels: hours (or MWh) summed over the period's cells, divided by its hours
        for (int o = 0; o < outputs; o++) {
            for (int l = 0; l < LEVELS.length; l++) {
                int base = (LEVELS[l].ordinal() * outputs + o) * periods;
                for (int p = 0; p < periods; p++) {
                    out[base + p] /= periodHours[p];
                }
            }
        }
    }

    /** The levels, from {@link Metric#isLevel()}: summed as hours per cell, divided by the period's hours. */
    private static final Metric[] LEVELS = levels();

    private static Metric[] levels() {
        Metric[] all = Metric.values();
        java.util.List<Metric> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (all[i].isLevel()) {
                out.add(all[i]);
            }
        }
        return out.toArray(new Metric[0]);
    }

    private static void add(double[] out, Metric m, int deployments, int d, int periods, int p, double v) {
        out[(m.ordinal() * deployments + d) * periods + p] += v;
    }
}
