package io.fleetcast.calibrate;

import io.fleetcast.pipeline.Pipeline;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Problem;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Size;
import io.fleetcast.model.Timeline;
import io.fleetcast.model.Units;
import io.fleetcast.scenario.Anchor;
import io.fleetcast.scenario.Catalog;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * fleetcast's answers to the public anchors of {@code models/calibration/anchors.yaml}: each anchor names a
 * measure, and the measure is computed by projecting a scenario in expected mode, the same engine path as
 * {@code fleetcast run}, never by a separate formula. What {@code fleetcast calibrate} prints and the calibration
 * tests check.
 *
 * <p>The catalog measures (per facility GW, per accelerator-hour, share of peak, annual PUE) build an owned
 * one-deployment scenario on the given catalog (start 2026-01, no ramp, so every install falls in the first month);
 * the portfolio measures project a built-in scenario (or a file) once and reuse it for every anchor that names it.
 * That cache makes an instance not thread-safe.
 *
 * <p>Internal (the module does not export this package): its constructor and {@link Finding} use
 * {@code io.fleetcast.scenario} types ({@code Catalog}, {@code Anchor}); it serves {@code fleetcast calibrate} and
 * the calibration tests.
 */
public final class Calibration {
    /** The start of the one-deployment scenarios the per-GW and per-hour measures build. */
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final double ONE_GW_W = 1e9;
    private static final double FLEET_COUNT = 1000;

    /**
     * fleetcast's answer to one anchor.
     *
     * @param anchor the anchor
     * @param value  fleetcast's answer in the measure's base unit
     * @param detail how the answer is made up, e.g. {@code 273,672 x $70,000 = $19.2B IT + $14.3B facility}
     */
    public record Finding(Anchor anchor, double value, String detail) {
        /** {@return whether the answer lies in the band the anchor says fleetcast must stay inside} */
        public boolean holds() {
            return value >= anchor.holdLow() && value <= anchor.holdHigh();
        }

        /**
         * How far the answer is from the published range: 0 inside it, else the relative distance to the nearer
         * end ({@code +0.12} = 12 % above the high end, {@code -0.08} = 8 % below the low end).
         *
         * @return the relative distance; infinite when the nearer end is 0 and the answer is not
         */
        public double distance() {
            if (value > anchor.high()) {
                return anchor.high() == 0 ? Double.POSITIVE_INFINITY : value / anchor.high() - 1;
            }
            if (value < anchor.low()) {
                return anchor.low() == 0 ? Double.NEGATIVE_INFINITY : value / anchor.low() - 1;
            }
            return 0;
        }
    }

    /** Loads a scenario named by an anchor: a built-in name or a path. */
    @FunctionalInterface
    public interface ScenarioSource {
        /**
         * Loads the scenario an anchor names.
         *
         * @param nameOrPath as written in the anchor
         * @return the scenario
         * @throws ScenarioException when it cannot be read
         */
        Scenario load(String nameOrPath) throws ScenarioException;
    }

    private final Catalog catalog;
    private final ScenarioSource scenarios;
    private final String file;
    private final Map<String, Projection> projected = new HashMap<>();

    /**
     * A calibration against one anchors file; each scenario the anchors name is projected once, on first use.
     *
     * @param catalog   the accelerators and sites the per-GW and per-hour measures use
     * @param scenarios how scenario names are loaded (e.g. {@link io.fleetcast.Fleetcast#loadNamedOrPath})
     * @param file      the anchors file's name, for problems
     */
    public Calibration(Catalog catalog, ScenarioSource scenarios, String file) {
        this.catalog = catalog;
        this.scenarios = scenarios;
        this.file = file;
    }

    /**
     * Computes every anchor's answer.
     *
     * @param anchors the anchors, in file order
     * @return one finding per anchor, in the same order
     * @throws ScenarioException when an anchor names an accelerator, site, scenario or deal that does not exist
     *                           (one problem per such anchor, at its line)
     */
    public List<Finding> evaluate(List<Anchor> anchors) throws ScenarioException {
        List<Finding> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Anchor a : anchors) {
            try {
                out.add(evaluate(a));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, a.line(), 3, "anchors[" + a.id() + "].measure", null, e.getMessage()));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return out;
    }

    private Finding evaluate(Anchor a) throws ScenarioException {
        Anchor.Measure m = a.measure();
        return switch (m.kind()) {
            case OWNED_CAPEX_PER_FACILITY_GW -> ownedCapexPerGw(a);
            case ACCELERATORS_PER_FACILITY_GW -> {
                Projection p = single(m, Size.facilityPower(ONE_GW_W), 1, 1, 0, 0);
                ResolvedDeployment d = p.sizing().get(0);
                yield new Finding(a, d.exactCount(), String.format(Locale.ROOT, "1 GW / (%.0f W x design PUE %.3g)",
                        accelerator(m).allInW(), catalog.sites().get(m.site()).designPue()));
            }
            case OWNED_USD_PER_ACCELERATOR_HOUR -> ownedPerHour(a);
            case DELIVERED_SHARE_OF_PEAK -> shareOfPeak(a);
            case ANNUAL_PUE -> annualPue(a);
            case SIZED_FACILITY_POWER -> {
                Projection p = project(m.scenario());
                double mw = 0;
                int n = 0;
                for (ResolvedDeployment d : p.sizing()) {
                    if (!m.excludeDeals().contains(d.deal())) {
                        mw += d.facilityMw();
                        n++;
                    }
                }
                yield new Finding(a, mw * 1e6, n + " deployments of " + m.scenario() + excluded(m));
            }
            case INSTALLED_FACILITY_POWER -> installed(a);
            case METRIC_TOTAL -> metricTotal(a);
            case LEASE_PRICE, LEASE_USD_PER_FACILITY_GW_YEAR -> lease(a);
        };
    }

    private Finding ownedCapexPerGw(Anchor a) {
        Anchor.Measure m = a.measure();
        Projection p = single(m, Size.facilityPower(ONE_GW_W), 1, 1, 0, 0);
        MetricCube c = p.cube();
        double it = c.total(Metric.CAPEX_USD, 0);
        double facility = c.total(Metric.FACILITY_CAPEX_USD, 0);
        ResolvedDeployment d = p.sizing().get(0);
        Accelerator acc = accelerator(m);
        double extra = acc.networkCapexUsd() + acc.storageCapexUsd();
        String perAccelerator = extra == 0 ? String.format(Locale.ROOT, "$%,.0f", acc.capexUsd())
                : String.format(Locale.ROOT, "($%,.0f + $%,.0f network and storage)", acc.capexUsd(), extra);
        return new Finding(a, it + facility, String.format(Locale.ROOT, "%,d x %s = $%.1fB IT + $%.1fB facility",
                d.count(), perAccelerator, it / 1e9, facility / 1e9));
    }

    private Finding ownedPerHour(Anchor a) {
        Anchor.Measure m = a.measure();
        Accelerator acc = accelerator(m);
        int months = (int) Math.max(1, Math.round(acc.usefulLifeHours() / Units.HOURS_PER_MONTH));
        Projection p = single(m, Size.count(FLEET_COUNT), months, m.utilization(), m.opexPerYear(),
                m.costOfCapitalPerYear());
        double perHour = p.summary().usdPerAcceleratorHour();
        String capital = "";
        if (m.costOfCapitalPerYear() > 0) {
            double slotHours = p.summary().slotHours();
            double charge = p.summary().total(Metric.CAPITAL_CHARGE_USD);
            capital = String.format(Locale.ROOT, ", incl. a capital charge at %.0f %%/year of $%.2f/h (excl. it $%.2f/h)",
                    m.costOfCapitalPerYear() * 100, charge / slotHours, perHour - charge / slotHours);
        }
        return new Finding(a, perHour, String.format(Locale.ROOT,
                "tco / slot-hours over a %d-year life at %.0f %% utilization%s%s", Math.round(months / 12.0),
                m.utilization() * 100, m.opexPerYear() > 0 ? String.format(Locale.ROOT, ", opex %.0f %%/year",
                        m.opexPerYear() * 100) : "", capital));
    }

    private Finding shareOfPeak(Anchor a) {
        Anchor.Measure m = a.measure();
        Accelerator acc = accelerator(m);
        Projection p = single(m, Size.count(FLEET_COUNT), 12, m.utilization(), 0, 0);
        MetricCube c = p.cube();
        Timeline t = c.timeline();
        double upHours = 0;
        for (int i = 0; i < t.periods(); i++) {
            upHours += c.value(Metric.ACTIVE, 0, i) * t.hours(i);
        }
        // peak EFLOP over the up hours: TFLOP/s x 3600 s/h x 1e12 FLOP/TFLOP / 1e18 FLOP/EFLOP
        double peakEflop = upHours * acc.bf16Tflops() * 3600 * 1e-6;
        double delivered = c.total(Metric.COMPUTE_EFLOP, 0);
        return new Finding(a, peakEflop == 0 ? 0 : delivered / peakEflop, String.format(Locale.ROOT,
                "delivered / bf16 peak of up accelerators over 2026 at %.0f %% utilization; catalog mfu %s",
                m.utilization() * 100, Double.isNaN(acc.mfu()) ? "none" : String.format(Locale.ROOT, "%.2f", acc.mfu())));
    }

    private Finding annualPue(Anchor a) {
        Anchor.Measure m = a.measure();
        String accelerator = catalog.accelerators().keySet().iterator().next();
        // PUE does not depend on the accelerator: any catalog entry at full load gives the same ratio
        Anchor.Measure withAcc = new Anchor.Measure(m.kind(), accelerator, m.site(), 1, 0, 0, null, null, null,
                List.of(), List.of());
        Projection p = single(withAcc, Size.count(FLEET_COUNT), 12, 1, 0, 0);
        MetricCube c = p.cube();
        Timeline t = c.timeline();
        double itMwh = 0;
        for (int i = 0; i < t.periods(); i++) {
            itMwh += c.value(Metric.IT_POWER_MW, 0, i) * t.hours(i);
        }
        double facilityMwh = c.total(Metric.ENERGY_MWH, 0);
        return new Finding(a, itMwh == 0 ? 0 : facilityMwh / itMwh,
                "facility energy / IT energy over 2026 at full load");
    }

    private Finding installed(Anchor a) throws ScenarioException {
        Anchor.Measure m = a.measure();
        Projection p = project(m.scenario());
        Timeline t = p.timeline();
        if (m.month().isBefore(t.start()) || !m.month().isBefore(t.end())) {
            throw new IllegalArgumentException("month " + m.month().toLocalDate() + " is outside " + m.scenario()
                    + " (" + t.start().toLocalDate() + " to " + t.end().toLocalDate() + ")");
        }
        int period = t.periodOf(t.hourOf(m.month()));
        MetricCube c = p.cube();
        double mw = 0;
        for (ResolvedDeployment d : p.sizing()) {
            if (!m.excludeDeals().contains(d.deal()) && d.count() > 0) {
                mw += c.value(Metric.SLOTS, d.id(), period) / d.count() * d.facilityMw();
            }
        }
        return new Finding(a, mw * 1e6, "slots in service in " + m.month().toLocalDate().toString().substring(0, 7)
                + " x sized facility power per slot, " + m.scenario() + excluded(m));
    }

    private Finding metricTotal(Anchor a) throws ScenarioException {
        Anchor.Measure m = a.measure();
        Projection p = project(m.scenario());
        MetricCube c = p.cube();
        double sum = 0;
        for (ResolvedDeployment d : p.sizing()) {
            if (m.excludeDeals().contains(d.deal())) {
                continue;
            }
            for (String metric : m.metrics()) {
                sum += c.total(Metric.byId(metric), d.id());
            }
        }
        Timeline t = p.timeline();
        return new Finding(a, sum, String.join(" + ", m.metrics()) + ", " + t.start().getYear() + "-"
                + t.end().minusNanos(1).getYear() + ", " + m.scenario() + excluded(m));
    }

    private Finding lease(Anchor a) throws ScenarioException {
        Anchor.Measure m = a.measure();
        Projection p = project(m.scenario());
        MetricCube c = p.cube();
        Timeline t = p.timeline();
        double cost = 0;
        double slotHours = 0;
        double gwYears = 0;
        int n = 0;
        for (ResolvedDeployment d : p.sizing()) {
            if (!d.deal().equals(m.deal()) || d.ownership() != Ownership.LEASED || d.count() == 0) {
                continue;
            }
            n++;
            cost += c.total(Metric.LEASE_COST_USD, d.id());
            double h = 0;
            for (int i = 0; i < t.periods(); i++) {
                h += c.value(Metric.SLOTS, d.id(), i) * t.hours(i);
            }
            slotHours += h;
            gwYears += h * (d.facilityMw() / 1000.0 / d.count()) / Units.HOURS_PER_YEAR;
        }
        if (n == 0) {
            throw new IllegalArgumentException("scenario " + m.scenario() + " has no leased deployment of deal "
                    + m.deal());
        }
        if (m.kind() == Anchor.Kind.LEASE_PRICE) {
            return new Finding(a, slotHours == 0 ? 0 : cost / slotHours, String.format(Locale.ROOT,
                    "$%.1fB / %.3g accelerator-hours", cost / 1e9, slotHours));
        }
        return new Finding(a, gwYears == 0 ? 0 : cost / gwYears, String.format(Locale.ROOT,
                "$%.1fB / %.2f facility GW-years", cost / 1e9, gwYears));
    }

    private Projection project(String scenario) throws ScenarioException {
        Projection p = projected.get(scenario);
        if (p == null) {
            p = Pipeline.project(scenarios.load(scenario), io.fleetcast.model.Mode.EXPECTED, 0L);
            projected.put(scenario, p);
        }
        return p;
    }

    /** A one-deployment owned scenario on the catalog: the measure's accelerator at its site. */
    private Projection single(Anchor.Measure m, Size size, int months, double utilization, double opex,
                              double costOfCapital) {
        accelerator(m);
        if (!catalog.sites().containsKey(m.site())) {
            throw new IllegalArgumentException("unknown site '" + m.site() + "'; expected one of "
                    + String.join(", ", catalog.sites().keySet()));
        }
        Scenario s = ScenarioBuilder.scenario("calibration")
                .description("calibration: " + m.kind().key())
                .start(START)
                .horizonMonths(months)
                .costOfCapital(costOfCapital)
                .accelerators(catalog.accelerators())
                .sites(catalog.sites())
                .deployment(ScenarioBuilder.deployment("fleet", m.accelerator(), m.site())
                        .ownership(Ownership.OWNED)
                        .size(size)
                        .utilization(utilization)
                        .opexFractionPerYear(opex))
                .build();
        return Pipeline.project(s, io.fleetcast.model.Mode.EXPECTED, 0L);
    }

    private Accelerator accelerator(Anchor.Measure m) {
        Accelerator a = catalog.accelerators().get(m.accelerator());
        if (a == null) {
            throw new IllegalArgumentException("unknown accelerator '" + m.accelerator() + "'; expected one of "
                    + String.join(", ", catalog.accelerators().keySet()));
        }
        return a;
    }

    private static String excluded(Anchor.Measure m) {
        return m.excludeDeals().isEmpty() ? "" : " without " + String.join(", ", m.excludeDeals());
    }
}
