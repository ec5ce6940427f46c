package io.fleetcast.plan;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Consideration;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.PowerCap;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Site;
import io.fleetcast.model.TermFrom;
import io.fleetcast.model.Timeline;
import io.fleetcast.model.Units;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scenario resolved for computation: every deployment's size resolved to a count, every figure the
 * kernels need in a primitive array indexed by deployment (structure of arrays), and the internal
 * {@link CellGrid}. "Resolve, then compute": kernels see only this.
 *
 * <p>All instants are hours from the scenario start. For deployment {@code d}:
 * slots are installed uniformly over {@code [startHour[d], startHour[d] + rampHours[d])} (all at the start
 * when the ramp is 0); an install at or after {@code endCapHour[d] = min(term end, horizon)} does not happen;
 * a slot installed at {@code t0} ends at {@code min(t0 + slotLifeHours[d], endCapHour[d])}. Per-site figures
 * are copied per deployment so kernels index one array. {@code pue[d * 12 + month]} holds the monthly PUE.
 *
 * <p>Immutable after construction; arrays are shared with kernels, which must not modify them.
 */
public final class FleetPlan {

    /**
     * Number of rows the kernels compute: the scenario's deployments (rows {@code 0 .. scenarioDeployments - 1}, in
     * scenario order), then the refresh generations of refreshed deployments (each a ramp of new devices into the
     * slots of the generation before, as their service life ends). Every per-deployment array is indexed by row.
     */
    public final int deployments;
    /** Number of the scenario's deployments: the deployment dimension of the cube. */
    public final int scenarioDeployments;
    /** The scenario deployment each row belongs to (itself for rows below {@link #scenarioDeployments}). */
    public final int[] outputOf;
    /** The refresh generation of each row: 0 for a scenario deployment's first devices, k for its k-th refresh. */
    public final int[] generation;
    /** The internal time grid. */
    public final CellGrid grid;
    /** Resolved slot count per deployment. */
    public final long[] count;
    /** First install instant, hours. */
    public final double[] startHour;
    /** Ramp, hours; 0 installs every slot at the start. */
    public final double[] rampHours;
    /** Term end, hours; +infinity when the deployment has no term. */
    public final double[] termEndHour;
    /** {@code min(termEndHour, horizon)}: no slot lives past it and no install happens at or after it. */
    public final double[] endCapHour;
    /**
     * Leased take-or-pay: the contracted count is paid from the start to {@link #payEndHour}, installed or not
     * (lease cost = count x those hours x price instead of slot-hours x price).
     */
    public final boolean[] takeOrPay;
    /** Take-or-pay: end of the paid contract, {@code min(start + term, horizon)}, hours; 0 otherwise. */
    public final double[] payEndHour;
    /**
     * Longest life of a slot: the useful life when owned; a leased slot's term when it counts from its install;
     * +infinity for other leased slots (they end at the term end or the horizon).
     */
    public final double[] slotLifeHours;
    /**
     * Depreciation (book) life, hours, positive: depreciation and embodied carbon are spread over it (owned: the
     * accelerator's depreciation-life, default its useful life; leased: the useful life).
     */
    public final double[] bookLifeHours;
    /** Fraction of IT capex recovered when an owned device retires (0 when leased). */
    public final double[] residualFraction;
    /** Warranty from a slot's install, hours (owned; 0 when leased or none): failures inside it cost nothing. */
    public final double[] warrantyHours;
    /** True when owned (capex, depreciation, repairs, other opex). */
    public final boolean[] owned;
    /** True when the electricity bill is paid: owned, or leased without energy included. */
    public final boolean[] energyPaid;
    /** True when an owned slot still has book value at an early term end inside the horizon (write-off). */
    public final boolean[] writeOff;
    /** Owned with facility capex: facility depreciation hours are tracked. */
    public final boolean[] facility;
    /** Facility depreciation life, hours (positive when {@code facility[d]}). */
    public final double[] facilityLifeHours;
    /** Failure rate per up-hour of the exponential lifetime, {@code -ln(1 - AFR) / 8766}. */
    public final double[] failureRate;
    /** Weibull shape of lifetimes; 1 is exponential. */
    public final double[] weibullShape;
    /** Weibull scale, hours, chosen so that a device fails within 8,766 h with probability AFR; +infinity when AFR is 0. */
    public final double[] weibullScale;
    /** Down time per failure, hours. */
    public final double[] repairHours;
    /** Deployments whose installs a site's power cap delayed, in scenario order; empty when none. */
    public final List<CapDelay> capDelays;

    /**
     * How a power cap moved a deployment's installs.
     *
     * @param deployment       the deployment id
     * @param site             the capped site
     * @param startDelayHours  hours the first install waited
     * @param endDelayHours    hours the last install waited
     */
    public record CapDelay(String deployment, String site, double startDelayHours, double endDelayHours) {
    }

    /** Deployment index of each vendor consideration entry, in scenario order. */
    public final int[] considerationDeployment;
    /** Hour from the scenario start at which each consideration entry's milestone is reached (may be past the horizon; +infinity: never). */
    public final double[] considerationHour;
    /** Value of each consideration entry, USD. */
    public final double[] considerationUsd;
    /** Interruptions per hour of up time (short outages, no hardware): interruption-rate / 8766. */
    public final double[] interruptionRatePerHour;
    /** Down time per interruption, hours. */
    public final double[] interruptionHours;
    /** IT watts of one accelerator at idle (all-in power x idle fraction): what an interrupted device draws. */
    public final double[] idleWatts;
    /** IT watts drawn by one up accelerator: linear model at the utilization, or the measured average. */
    public final double[] wattsUp;
    /**
     * Idle IT watts of the spares per slot in service: {@code spares x all-in power x idle fraction} (owned; 0
     * otherwise).
     */
    public final double[] spareWattsPerSlot;
    /** IT capex per slot: capex + network-capex + storage-capex, plus the spares' share of capex, USD (0 when leased). */
    public final double[] capexUsd;
    /** Facility capex per slot (design facility power of one accelerator x capex per MW), USD (0 when leased). */
    public final double[] facilityCapexUsd;
    /** Fraction of the accelerator's capex (without network and storage) expensed per failure (owned). */
    public final double[] replacementFraction;
    /** Cost of one replacement, USD: the accelerator's capex (not network or storage) x replacement fraction (0 when leased). */
    public final double[] replacementCostUsd;
    /** Fraction of peak counted as delivered compute: the deployment's mfu, else the accelerator's, else the utilization. */
    public final double[] computeFraction;
    /**
     * Cost of capital as a continuous rate per hour, {@code ln(1 + rate per year) / 8766} (owned; 0 when
     * leased or when the rate is 0): the capital charge accrues at it on the capital still tied up.
     */
    public final double[] capitalRatePerHour;
    /** Construction time before an install, over which its facility capex is paid evenly, hours (owned). */
    public final double[] buildTimeHours;
    /** Other opex per year as a fraction of capex (owned). */
    public final double[] opexFractionPerYear;
    /** Embodied kgCO2e per accelerator. */
    public final double[] embodiedKg;
    /** EFLOP delivered per up accelerator-hour: peak TFLOP/s x {@link #computeFraction} x 3600 / 1e6. */
    public final double[] eflopPerUpHour;
    /**
     * Price paid per contracted accelerator-hour in the deployment's first year, USD (0 when owned): the lease
     * price divided by {@code 1 - services-share}.
     */
    public final double[] leasePrice;
    /** Yearly relative decline of the lease price. */
    public final double[] leaseDecline;
    /** The deployment's anniversaries (start + k years, k >= 1) inside the horizon, hours, ascending. */
    public final double[][] anniversaries;
    /** Monthly PUE of the deployment's site, {@code pue[d * 12 + month]}, month 0 = January. */
    public final double[] pue;
    /** Electricity price at the scenario start, USD/MWh. */
    public final double[] electricityPrice;
    /** Yearly relative change of the electricity price. */
    public final double[] electricityEscalation;
    /** Grid intensity at the scenario start, g/kWh (= kg/MWh). */
    public final double[] gridIntensity;
    /** Yearly relative change of the grid intensity. */
    public final double[] gridChange;

    private final Scenario scenario;
    private final Timeline timeline;
    private final List<ResolvedDeployment> sizing;

    private FleetPlan(Scenario scenario) {
        this.scenario = scenario;
        this.timeline = Timeline.of(scenario);
        List<Deployment> ds = scenario.deployments();
        double horizon = timeline.totalHours();
        int scenarioRows = ds.size();
        // refresh generations (an upper bound: a power cap only delays a parent, leaving fewer generations)
        List<int[]> generations = generations(scenario, timeline);
        int n = scenarioRows + generations.size();
        this.deployments = n;
        this.scenarioDeployments = scenarioRows;
        outputOf = new int[n];
        generation = new int[n];
        count = new long[n];
        startHour = new double[n];
        rampHours = new double[n];
        termEndHour = new double[n];
        endCapHour = new double[n];
        slotLifeHours = new double[n];
        takeOrPay = new boolean[n];
        payEndHour = new double[n];
        bookLifeHours = new double[n];
        residualFraction = new double[n];
        warrantyHours = new double[n];
        owned = new boolean[n];
        energyPaid = new boolean[n];
        writeOff = new boolean[n];
        facility = new boolean[n];
        facilityLifeHours = new double[n];
        failureRate = new double[n];
        weibullShape = new double[n];
        weibullScale = new double[n];
        repairHours = new double[n];
        interruptionRatePerHour = new double[n];
        interruptionHours = new double[n];
        idleWatts = new double[n];
        wattsUp = new double[n];
        capexUsd = new double[n];
        facilityCapexUsd = new double[n];
        replacementFraction = new double[n];
        replacementCostUsd = new double[n];
        spareWattsPerSlot = new double[n];
        capitalRatePerHour = new double[n];
        buildTimeHours = new double[n];
        computeFraction = new double[n];
        opexFractionPerYear = new double[n];
        embodiedKg = new double[n];
        eflopPerUpHour = new double[n];
        leasePrice = new double[n];
        leaseDecline = new double[n];
        anniversaries = new double[n][];
        pue = new double[n * 12];
        electricityPrice = new double[n];
        electricityEscalation = new double[n];
        gridIntensity = new double[n];
        gridChange = new double[n];
        List<ResolvedDeployment> resolved = new ArrayList<>(scenarioRows);
        for (int d = 0; d < scenarioRows; d++) {
            outputOf[d] = d;
            resolveRow(scenario, d, ds.get(d), scenario.acceleratorOf(ds.get(d)), resolved);
        }
        this.capDelays = applyPowerCaps(scenario, timeline, resolved);
        this.sizing = List.copyOf(resolved);
        for (int g = 0; g < generations.size(); g++) {
            resolveGeneration(scenario, scenarioRows + g, generations.get(g)[0], generations.get(g)[1]);
        }
        double[] splits = new double[0];
        for (int d = 0; d < n; d++) {
            if (!owned[d] && leaseDecline[d] != 0) {
                int from = splits.length;
                splits = java.util.Arrays.copyOf(splits, from + anniversaries[d].length);
                System.arraycopy(anniversaries[d], 0, splits, from, anniversaries[d].length);
            }
        }
        this.grid = CellGrid.of(timeline, splits);
        List<Consideration> cs = scenario.consideration();
        considerationDeployment = new int[cs.size()];
        considerationHour = new double[cs.size()];
        considerationUsd = new double[cs.size()];
        for (int k = 0; k < cs.size(); k++) {
            Consideration c = cs.get(k);
            int d = deploymentIndex(ds, c.deployment());
            Deployment dep = ds.get(d);
            double designWatts = scenario.acceleratorOf(dep).allInW() * scenario.siteOf(dep).designPue();
            // the milestone in installed slots, reached on the uniform install ramp of the plan (both modes: simulate's
            // stratified install jitter has this ramp as its mean, as the capital charge assumes)
            double slots = c.milestoneKind() == Consideration.MilestoneKind.COUNT ? c.milestone() : c.milestone() / designWatts;
            // a milestone the deployment never reaches (a smaller size, a --set or solve that shrinks it) is never
            // received, as a warrant tranche does not vest; one slot of slack, because a size given as power rounds
            // down to whole accelerators, so "the whole GW" is a fraction of a slot above the count
            boolean reached = slots <= count[d] + 1;
            considerationDeployment[k] = d;
            considerationHour[k] = !reached ? Double.POSITIVE_INFINITY
                    : startHour[d] + (count[d] > 0 ? rampHours[d] * Math.min(1, slots / count[d]) : 0);
            considerationUsd[k] = c.amountUsd();
        }
    }

    /**
     * The refresh generations of the scenario's refreshed deployments, as {parent row, generation k >= 1}: generation
     * k starts when generation k - 1's devices reach their service life (the parent's useful life, then the
     * successor's), while that is before the deployment's end (term end or horizon).
     */
    /** Refresh generations a deployment may have: each is a row of the kernels' work. */
    static final int MAX_GENERATIONS = 100;

    private static List<int[]> generations(Scenario scenario, Timeline timeline) {
        List<int[]> out = new ArrayList<>();
        double horizon = timeline.totalHours();
        List<Deployment> ds = scenario.deployments();
        for (int d = 0; d < ds.size(); d++) {
            Deployment dep = ds.get(d);
            if (dep.ownership() != Ownership.OWNED || dep.refreshWith().isEmpty()) {
                continue;
            }
            Accelerator next = successor(scenario, dep);
            double start = timeline.hourOf(dep.start());
            double end = Math.min(horizon, dep.termHours().isPresent() ? start + dep.termHours().getAsDouble() : horizon);
            double at = start + scenario.acceleratorOf(dep).usefulLifeHours();
            for (int k = 1; at < end; k++) {
                if (k > MAX_GENERATIONS) {
                    throw new IllegalArgumentException("deployments." + dep.id() + ".refresh: the useful life of "
                            + next.id() + " (" + next.usefulLifeHours() + " h) would refresh the slots more than "
                            + MAX_GENERATIONS + " times inside the horizon; expected a longer useful life or no refresh");
                }
                out.add(new int[] {d, k});
                at += next.usefulLifeHours();
            }
        }
        return out;
    }

    private static Accelerator successor(Scenario scenario, Deployment dep) {
        String id = dep.refreshWith().orElseThrow();
        Accelerator a = scenario.accelerators().get(id);
        if (a == null) {
            throw new IllegalArgumentException("deployments." + dep.id() + ".successor: unknown accelerator '" + id + "'");
        }
        return a;
    }

    /**
     * Fills row {@code r}, the {@code k}-th refresh generation of scenario deployment {@code parent} (already
     * resolved, power caps applied): the successor's figures, installed over the parent's ramp shifted by the
     * service lives before it, as many devices as keep the parent's IT power (the same count for the same
     * accelerator), capex declining by price-performance from the deployment start, no facility capex (the
     * facility is the parent's).
     */
    private void resolveGeneration(Scenario scenario, int r, int parent, int k) {
        Deployment dep = scenario.deployments().get(parent);
        Accelerator first = scenario.acceleratorOf(dep);
        Accelerator next = successor(scenario, dep);
        resolveRow(scenario, r, dep, next, null);
        outputOf[r] = parent;
        generation[r] = k;
        double offset = first.usefulLifeHours() + (k - 1) * next.usefulLifeHours();
        startHour[r] = startHour[parent] + offset;
        rampHours[r] = rampHours[parent];
        termEndHour[r] = termEndHour[parent];
        endCapHour[r] = endCapHour[parent];
        writeOff[r] = writeOff[parent];
        count[r] = startHour[r] < endCapHour[r] ? (long) Math.floor(count[parent] * first.allInW() / next.allInW() + 1e-9) : 0;
        double decline = Math.pow(1 - check(dep.id(), ModelField.PRICE_PERFORMANCE, dep.pricePerformanceDeclinePerYear()),
                offset / Units.HOURS_PER_YEAR);
        capexUsd[r] *= decline;
        replacementCostUsd[r] *= decline;
        facility[r] = false;
        facilityCapexUsd[r] = 0;
        facilityLifeHours[r] = 0;
    }

    /**
     * Fills row {@code d} from a deployment and the accelerator its devices are; adds the deployment's sizing to
     * {@code resolved} unless it is null (a refresh generation).
     */
    private void resolveRow(Scenario scenario, int d, Deployment dep, Accelerator a, List<ResolvedDeployment> resolved) {
        double horizon = timeline.totalHours();
        {
            Site s = scenario.siteOf(dep);
            if (a == null) {
                throw new IllegalArgumentException("deployments." + dep.id() + ".accelerator: unknown accelerator '" + dep.acceleratorId() + "'");
            }
            if (s == null) {
                throw new IllegalArgumentException("deployments." + dep.id() + ".site: unknown site '" + dep.siteId() + "'");
            }
            boolean isOwned = dep.ownership() == Ownership.OWNED;
            owned[d] = isOwned;
            startHour[d] = check("deployments", dep.id(), "start", timeline.hourOf(dep.start()), 0, horizon);
            rampHours[d] = check(dep.id(), ModelField.RAMP, dep.rampHours());
            if (rampHours[d] <= Sizing.RAMP_EPSILON_HOURS) {
                rampHours[d] = 0;
            }
            double termLength = dep.termHours().isPresent()
                    ? check(dep.id(), ModelField.TERM, dep.termHours().getAsDouble()) : Double.POSITIVE_INFINITY;
            // a lease term counted from each slot's install is the slot's life; one counted from the deployment
            // start ends every slot at the same instant
            boolean perSlotTerm = !isOwned && dep.termFrom() == TermFrom.INSTALL && dep.termHours().isPresent();
            double term = perSlotTerm ? Double.POSITIVE_INFINITY : startHour[d] + termLength;
            termEndHour[d] = term;
            endCapHour[d] = Math.min(term, horizon);
            double serviceLife = check(a.id(), ModelField.USEFUL_LIFE, a.usefulLifeHours());
            bookLifeHours[d] = isOwned ? check(a.id(), ModelField.DEPRECIATION_LIFE, a.depreciationLifeHours()) : serviceLife;
            residualFraction[d] = isOwned ? check(a.id(), ModelField.RESIDUAL_VALUE, a.residualValueFraction()) : 0;
            warrantyHours[d] = isOwned ? check(a.id(), ModelField.WARRANTY, a.warrantyHours()) : 0;
            slotLifeHours[d] = isOwned ? serviceLife : perSlotTerm ? termLength : Double.POSITIVE_INFINITY;
            takeOrPay[d] = !isOwned && dep.takeOrPay();
            payEndHour[d] = takeOrPay[d] ? Math.min(startHour[d] + termLength, horizon) : 0;
            energyPaid[d] = isOwned || !dep.energyIncluded();
            writeOff[d] = isOwned && term < horizon;
            double fcPerMw = check(s.id(), ModelField.FACILITY_CAPEX, s.facilityCapexUsdPerMw());
            double allIn = check(a.id(), ModelField.ALL_IN_POWER, a.allInW());
            double designPue = check(s.id(), ModelField.DESIGN_PUE, s.designPue());
            facility[d] = isOwned && fcPerMw > 0 && allIn > 0;
            facilityLifeHours[d] = facility[d]
                    ? check(s.id(), ModelField.FACILITY_LIFE, s.facilityLifeHours()) : 0;
            facilityCapexUsd[d] = facility[d] ? allIn * designPue / Units.WATTS_PER_MW * fcPerMw : 0;
            double afr = check(a.id(), ModelField.AFR, a.afr());
            failureRate[d] = a.failureRatePerHour();
            double shape = check("accelerators", a.id(), "weibull-shape", a.weibullShape(), Double.MIN_NORMAL, 100);
            weibullShape[d] = shape;
            weibullScale[d] = afr > 0 ? Units.HOURS_PER_YEAR / Math.pow(-Math.log1p(-afr), 1 / shape) : Double.POSITIVE_INFINITY;
            repairHours[d] = check(a.id(), ModelField.REPAIR_TIME, a.repairHours());
            double util = check(dep.id(), ModelField.UTILIZATION, dep.utilization());
            double idle = check(a.id(), ModelField.IDLE_FRACTION, a.idleFraction());
            interruptionRatePerHour[d] = check(a.id(), ModelField.INTERRUPTION_RATE, a.interruptionRatePerYear())
                    / Units.HOURS_PER_YEAR;
            interruptionHours[d] = check(a.id(), ModelField.INTERRUPTION_TIME, a.interruptionHours());
            idleWatts[d] = allIn * idle;
            wattsUp[d] = dep.averagePowerW().isPresent()
                    ? check(dep.id(), ModelField.AVERAGE_POWER, dep.averagePowerW().getAsDouble())
                    : allIn * (idle + (1 - idle) * util);
            double acceleratorCapex = check(a.id(), ModelField.CAPEX, a.capexUsd());
            capexUsd[d] = isOwned ? acceleratorCapex + check(a.id(), ModelField.NETWORK_CAPEX, a.networkCapexUsd())
                    + check(a.id(), ModelField.STORAGE_CAPEX, a.storageCapexUsd()) : 0;
            double spares = isOwned ? check(dep.id(), ModelField.SPARES, dep.spares()) : 0;
            capexUsd[d] += acceleratorCapex * spares;
            replacementFraction[d] = check(a.id(), ModelField.REPLACEMENT_COST, a.replacementCostFraction());
            replacementCostUsd[d] = isOwned ? acceleratorCapex * replacementFraction[d] : 0;
            double mfu = !Double.isNaN(dep.mfu()) ? check(dep.id(), ModelField.DEPLOYMENT_MFU, dep.mfu())
                    : !Double.isNaN(a.mfu()) ? check(a.id(), ModelField.MFU, a.mfu()) : util;
            computeFraction[d] = mfu;
            opexFractionPerYear[d] = isOwned ? check(dep.id(), ModelField.OPEX, dep.opexFractionPerYear()) : 0;
            embodiedKg[d] = check(a.id(), ModelField.EMBODIED_CARBON, a.embodiedKgCo2e()) * (1 + spares);
            spareWattsPerSlot[d] = spares * allIn * idle;
            eflopPerUpHour[d] = check("accelerators", a.id(), dep.precision().name(),
                    a.peakTflops(dep.precision()), 0, Double.MAX_VALUE) * mfu * 3600.0 / 1e6;
            // the services share of a contract is paid with the accelerators: it scales the price of a contracted
            // accelerator-hour, so a budget buys accelerators with the rest
            leasePrice[d] = isOwned ? 0 : check(dep.id(), ModelField.LEASE_PRICE, dep.leasePriceUsdPerHour())
                    / (1 - check(dep.id(), ModelField.SERVICES_SHARE, dep.servicesShare()));
            leaseDecline[d] = isOwned ? 0 : check(dep.id(), ModelField.LEASE_PRICE_DECLINE, dep.leasePriceDeclinePerYear());
            if (isOwned) {
                double coc = Double.isNaN(dep.costOfCapitalPerYear()) ? scenario.costOfCapitalPerYear()
                        : check(dep.id(), ModelField.COST_OF_CAPITAL, dep.costOfCapitalPerYear());
                if (!(coc >= 0 && coc < 1)) {
                    throw new IllegalArgumentException("cost-of-capital: " + coc + " is outside [0, 1)");
                }
                capitalRatePerHour[d] = Math.log1p(coc) / Units.HOURS_PER_YEAR;
                buildTimeHours[d] = check(s.id(), ModelField.BUILD_TIME, s.buildTimeHours());
            }
            double[] ann = new double[0];
            for (int k = 1; ; k++) {
                double h = timeline.hourOf(dep.start().plusYears(k));
                if (h >= horizon) {
                    break;
                }
                ann = java.util.Arrays.copyOf(ann, ann.length + 1);
                ann[ann.length - 1] = h;
            }
            anniversaries[d] = ann;
            for (int m = 0; m < 12; m++) {
                pue[d * 12 + m] = check("sites", s.id(), "pue", s.pue(m + 1), 1, Double.MAX_VALUE);
            }
            electricityPrice[d] = check(s.id(), ModelField.ELECTRICITY_PRICE, s.electricityUsdPerMwh());
            electricityEscalation[d] = check(s.id(), ModelField.ELECTRICITY_ESCALATION, s.electricityEscalationPerYear());
            gridIntensity[d] = check(s.id(), ModelField.GRID_INTENSITY, s.gridGPerKwh());
            gridChange[d] = check(s.id(), ModelField.GRID_INTENSITY_CHANGE, s.gridChangePerYear());

            double leaseCostPerSlot = isOwned ? 0 : takeOrPay[d]
                    ? Sizing.expectedLeaseCostPerSlot(startHour[d], 0, payEndHour[d], Double.POSITIVE_INFINITY,
                            leasePrice[d], leaseDecline[d], ann)
                    : Sizing.expectedLeaseCostPerSlot(startHour[d], rampHours[d], endCapHour[d], slotLifeHours[d],
                            leasePrice[d], leaseDecline[d], ann);
            double exact = Sizing.exactCount(dep, a, s, leaseCostPerSlot);
            long c = Sizing.wholeCount(dep.size().kind(), exact);
            count[d] = c;
            LocalDateTime installEnd = dep.start().plusNanos(Math.round(rampHours[d] * 3.6e12));
            // a per-slot term: the end of the last slot's term
            Optional<LocalDateTime> termEnd = dep.termHours().isPresent()
                    ? Optional.of(dep.start().plusNanos(Math.round(((perSlotTerm ? rampHours[d] : 0)
                            + dep.termHours().getAsDouble()) * 3.6e12)))
                    : Optional.empty();
            double itMw = c * allIn / Units.WATTS_PER_MW;
            if (resolved == null) {
                return;
            }
            resolved.add(new ResolvedDeployment(dep.id(), dep.deal(), a.id(), a.vendor(), s.id(), dep.ownership(), c, exact,
                    dep.size(), itMw, itMw * designPue, dep.start(), installEnd, a.usefulLifeHours(), isOwned, termEnd,
                    scenario.end()));
        }
    }

    /**
     * Applies the scenario's power caps: per capped site, deployments in scenario order get the earliest install start
     * and the shortest ramp (never shorter than asked) that keep the site's installed design facility power (count x
     * all-in power x design PUE, linear over each ramp) under the cap at every instant. The cap and the linear install
     * curves are piecewise linear, so checking the breakpoints (and just before each step) checks every instant; the
     * ramp end is found by bisection, as feasibility grows with it.
     */
    private List<CapDelay> applyPowerCaps(Scenario scenario, Timeline timeline, List<ResolvedDeployment> resolved) {
        List<CapDelay> delays = new ArrayList<>();
        List<Deployment> ds = scenario.deployments();
        for (PowerCap cap : scenario.powerCaps()) {
            int k = cap.steps().size();
            double[] stepHour = new double[k];
            double[] stepW = new double[k];
            for (int i = 0; i < k; i++) {
                stepHour[i] = timeline.hourOf(cap.steps().get(i).from());
                stepW[i] = cap.steps().get(i).facilityWatts();
            }
            List<double[]> placed = new ArrayList<>();          // {start, end, watts} of the site's earlier deployments
            double placedWatts = 0;
            for (int d = 0; d < deployments; d++) {
                Deployment dep = ds.get(d);
                if (!dep.siteId().equals(cap.site())) {
                    continue;
                }
                double watts = count[d] * scenario.acceleratorOf(dep).allInW() * scenario.siteOf(dep).designPue();
                if (watts <= 0) {
                    continue;
                }
                if (placedWatts + watts > stepW[k - 1] * (1 + 1e-12)) {
                    throw new IllegalArgumentException("power-caps." + cap.site() + ": the deployments at " + cap.site()
                            + " up to " + dep.id() + " need " + mw(placedWatts + watts) + " MW of design facility power;"
                            + " expected at most the cap's last step, " + mw(stepW[k - 1]) + " MW");
                }
                double s0 = startHour[d];
                double ramp = rampHours[d];
                double tol = 1e-12 * watts;
                // installs wait for headroom: of the start times where the headroom can change (the deployment's own start,
                // the cap's steps, the earlier ramps' ends), the one whose shortest fitting ramp has the earliest mean
                // install time, (start + end) / 2, that is the most slot-hours installed by any later date; the earlier
                // start on a tie; a ramp is never shorter than asked
                double start = Double.NaN;
                double end = Double.POSITIVE_INFINITY;
                double[] candidates = breakpoints(stepHour, placed);
                for (int c = -1; c < candidates.length; c++) {
                    double from = c < 0 ? s0 : candidates[c];
                    if (from < s0 || !fits(from, from + ramp + 1e7, watts, stepHour, stepW, placed, tol)) {
                        continue;
                    }
                    double e = shortestEnd(from, from + ramp, watts, stepHour, stepW, placed, tol);
                    // mean install times within a second tie (bisection rounding): the earlier start wins
                    double mean = 0.5 * (from + e);
                    double best = 0.5 * (start + end);
                    if (Double.isNaN(start) || mean < best - 1.0 / 3600 || (Math.abs(mean - best) <= 1.0 / 3600 && from < start)) {
                        start = from;
                        end = e;
                    }
                }
                if (Double.isNaN(start)) {
                    throw new IllegalArgumentException("power-caps." + cap.site() + ": deployment " + dep.id() + " ("
                            + mw(watts) + " MW of design facility power) finds no time when the cap leaves room for it");
                }
                placed.add(new double[] {start, end, watts});
                placedWatts += watts;
                if (start > s0 || end > s0 + ramp) {
                    delays.add(new CapDelay(dep.id(), cap.site(), start - s0, end - (s0 + ramp)));
                    startHour[d] = start;
                    rampHours[d] = end - start;
                    ResolvedDeployment r = resolved.get(d);
                    LocalDateTime installStart = dep.start().plusNanos(Math.round((start - s0) * 3.6e12));
                    resolved.set(d, new ResolvedDeployment(r.id(), r.deal(), r.acceleratorId(), r.vendor(), r.siteId(),
                            r.ownership(), r.count(), r.exactCount(), r.size(), r.itMw(), r.facilityMw(), installStart,
                            installStart.plusNanos(Math.round((end - start) * 3.6e12)), r.usefulLifeHours(),
                            r.retiresAtUsefulLife(), r.termEnd(), r.horizonEnd()));
                }
            }
        }
        return List.copyOf(delays);
    }

    /** The earliest ramp end from {@code start}, at least {@code minEnd}, that fits under the cap (bisection). */
    private static double shortestEnd(double start, double minEnd, double watts, double[] stepHour, double[] stepW,
                                      List<double[]> placed, double tol) {
        if (fits(start, minEnd, watts, stepHour, stepW, placed, tol)) {
            return minEnd;
        }
        double lo = minEnd;
        double hi = minEnd + 1e7;
        for (int it = 0; it < 200 && hi - lo > 1e-13 * Math.max(1, hi); it++) {
            double mid = 0.5 * (lo + hi);
            if (fits(start, mid, watts, stepHour, stepW, placed, tol)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static String mw(double watts) {
        return String.format(java.util.Locale.ROOT, "%.1f", watts / Units.WATTS_PER_MW);
    }

    /** The times where the site's headroom changes slope or steps: cap steps and earlier ramps' ends. */
    private static double[] breakpoints(double[] stepHour, List<double[]> placed) {
        double[] t = new double[stepHour.length + 2 * placed.size()];
        System.arraycopy(stepHour, 0, t, 0, stepHour.length);
        for (int j = 0; j < placed.size(); j++) {
            t[stepHour.length + 2 * j] = placed.get(j)[0];
            t[stepHour.length + 2 * j + 1] = placed.get(j)[1];
        }
        return t;
    }

    /** Whether a ramp of {@code watts} from {@code start} to {@code end} stays under the cap minus the earlier ramps. */
    private static boolean fits(double start, double end, double watts, double[] stepHour, double[] stepW,
                                List<double[]> placed, double tol) {
        double[] points = breakpoints(stepHour, placed);
        for (int i = -1; i < points.length; i++) {
            double t = i < 0 ? end : points[i];
            if (t <= start) {
                continue;
            }
            // at a breakpoint and at its left limit (the cap of the step before), where the line meets a lower cap
            double line = watts * Math.min(1, (t - start) / (end - start));
            if (line > Math.min(headroom(t, stepHour, stepW, placed, false), headroom(t, stepHour, stepW, placed, true)) + tol) {
                return false;
            }
        }
        // after every breakpoint and the ramp's end the headroom and the line are constant: the last step decides
        return watts <= headroom(Double.MAX_VALUE, stepHour, stepW, placed, false) + tol;
    }

    /** The cap at {@code t} (or just before it: {@code leftLimit}) minus the earlier ramps' installed power at {@code t}. */
    private static double headroom(double t, double[] stepHour, double[] stepW, List<double[]> placed, boolean leftLimit) {
        double cap = 0;
        for (int i = 0; i < stepHour.length && (leftLimit ? stepHour[i] < t : stepHour[i] <= t); i++) {
            cap = stepW[i];
        }
        for (double[] p : placed) {
            double span = p[1] - p[0];
            cap -= p[2] * (span > 0 ? Math.max(0, Math.min(1, (t - p[0]) / span)) : (t >= p[0] ? 1 : 0));
        }
        return cap;
    }

    private static int deploymentIndex(List<Deployment> ds, String id) {
        for (int d = 0; d < ds.size(); d++) {
            if (ds.get(d).id().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("consideration: unknown deployment '" + id + "'");
    }

    /**
     * Resolves a scenario.
     *
     * @param scenario the scenario
     * @return its plan
     * @throws IllegalArgumentException naming the field when a figure is out of range for the model (NaN,
     *                                  negative, a zero useful life, a size the engine cannot count)
     */
    public static FleetPlan of(Scenario scenario) {
        return new FleetPlan(scenario);
    }

    /** The scenario resolved. */
    public Scenario scenario() {
        return scenario;
    }

    /** The periods. */
    public Timeline timeline() {
        return timeline;
    }

    /** The resolved deployments, in scenario order. */
    public List<ResolvedDeployment> sizing() {
        return sizing;
    }

    /** Deployment ids in scenario order. */
    public List<String> deploymentIds() {
        List<String> ids = new ArrayList<>(deployments);
        for (ResolvedDeployment r : sizing) {
            ids.add(r.id());
        }
        return ids;
    }

    /**
     * Returns {@code v} when the field table allows it ({@link ModelField#allows}); the message names
     * {@code <section>.<id>.<field>}, built only on failure.
     */
    private static double check(String id, ModelField f, double v) {
        if (!f.allows(v)) {
            throw new IllegalArgumentException(f.owner().segment() + "." + id + "." + f.yamlName() + ": " + v
                    + " is outside " + f.bounds().interval());
        }
        return v;
    }

    /**
     * Returns {@code v} when it lies in [min, max]. The field's path is passed in parts and joined only on
     * failure: building it eagerly cost about 6 % of a Monte Carlo run of the portfolio (profiled by the
     * analysis work), since every run re-plans the scenario.
     */
    private static double check(String section, String id, String field, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(section + "." + id + "." + field.toLowerCase(java.util.Locale.ROOT)
                    + ": " + v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }
}
