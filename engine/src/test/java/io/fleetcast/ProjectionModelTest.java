package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Summary;
import io.fleetcast.model.Timeline;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The model of DESIGN.md pinned down by hand-computed cases (expected mode unless said otherwise). The
 * test accelerator draws 1 kW whenever up, delivers 1,000 TFLOPS x 3,600 s = 3.6 EFLOP per hour, costs
 * 25,000 USD over 43,830 h; the site has PUE 1.20 in June, 1.25 in July, 1.30 in February, 50 USD/MWh,
 * 400 g/kWh (see {@link TestFleets}).
 */
class ProjectionModelTest {

    private static final double EPS = 1e-9;

    private static Projection oneAccelerator(int year, int month) {
        Scenario s = TestFleets.scenario(year, month, 1).deployment(TestFleets.deployment("one").count(1)).build();
        return Fleetcast.project(s);
    }

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * EPS + 1e-12, what);
    }

    @Test
    void project_oneAcceleratorThirtyDayMonth_energyCostComputeCarbonExact() {
        Projection p = oneAccelerator(2026, 6);
        MetricCube c = p.cube();
        // June 2026: 30 d = 720 h. IT energy 1 kW x 720 h = 0.72 MWh; x PUE 1.20 = 0.864 MWh
        assertRel(720, p.timeline().hours(0), "hours");
        assertRel(0.864, c.value(Metric.ENERGY_MWH, "one", 0), "energy");
        // 0.864 MWh x 50 USD/MWh = 43.2 USD
        assertRel(43.2, c.value(Metric.ENERGY_COST_USD, "one", 0), "energy cost");
        // 720 h x 1000 TFLOPS x 3600 s / 1e6 = 2,592 EFLOP
        assertRel(2592, c.value(Metric.COMPUTE_EFLOP, "one", 0), "compute");
        // 0.864 MWh x 400 kg/MWh = 345.6 kg = 0.3456 t
        assertRel(0.3456, c.value(Metric.CO2_OPERATIONAL_T, "one", 0), "co2");
        // levels: 1 accelerator, 1 kW IT, 1.2 kW facility
        assertRel(1, c.value(Metric.ACTIVE, "one", 0), "active");
        assertRel(0.001, c.value(Metric.IT_POWER_MW, "one", 0), "it power");
        assertRel(0.0012, c.value(Metric.FACILITY_POWER_MW, "one", 0), "facility power");
    }

    @Test
    void project_oneAcceleratorThirtyOneDayMonth_energyCostComputeCarbonExact() {
        Projection p = oneAccelerator(2026, 7);
        MetricCube c = p.cube();
        // July 2026: 31 d = 744 h; 0.744 MWh IT x PUE 1.25 = 0.93 MWh
        assertRel(744, p.timeline().hours(0), "hours");
        assertRel(0.93, c.value(Metric.ENERGY_MWH, "one", 0), "energy");
        // 0.93 x 50 = 46.5 USD
        assertRel(46.5, c.value(Metric.ENERGY_COST_USD, "one", 0), "energy cost");
        // 744 x 3.6 = 2,678.4 EFLOP
        assertRel(2678.4, c.value(Metric.COMPUTE_EFLOP, "one", 0), "compute");
        // 0.93 x 400 / 1000 = 0.372 t
        assertRel(0.372, c.value(Metric.CO2_OPERATIONAL_T, "one", 0), "co2");
    }

    @Test
    void project_oneAcceleratorLeapFebruary_energyCostComputeCarbonExact() {
        Projection p = oneAccelerator(2028, 2);
        MetricCube c = p.cube();
        // February 2028: 29 d = 696 h; 0.696 MWh IT x PUE 1.30 = 0.9048 MWh
        assertRel(696, p.timeline().hours(0), "hours");
        assertRel(0.9048, c.value(Metric.ENERGY_MWH, "one", 0), "energy");
        // 0.9048 x 50 = 45.24 USD
        assertRel(45.24, c.value(Metric.ENERGY_COST_USD, "one", 0), "energy cost");
        // 696 x 3.6 = 2,505.6 EFLOP
        assertRel(2505.6, c.value(Metric.COMPUTE_EFLOP, "one", 0), "compute");
        // 0.9048 x 0.4 = 0.36192 t
        assertRel(0.36192, c.value(Metric.CO2_OPERATIONAL_T, "one", 0), "co2");
    }

    @Test
    void project_oneOwnedAcceleratorOneMonth_moneyExact() {
        Projection p = oneAccelerator(2026, 6);
        MetricCube c = p.cube();
        // capex 25,000 at install; depreciation 25,000 / 43,830 h x 720 h = 410.6776180698152
        assertRel(25_000, c.value(Metric.CAPEX_USD, "one", 0), "capex");
        assertRel(25_000.0 / 43_830 * 720, c.value(Metric.DEPRECIATION_USD, "one", 0), "depreciation");
        // embodied 1 t / 43,830 h x 720 h
        assertRel(1.0 / 43_830 * 720, c.value(Metric.CO2_EMBODIED_T, "one", 0), "embodied");
        // tco = depreciation + energy; cash = capex + energy
        assertRel(25_000.0 / 43_830 * 720 + 43.2, c.value(Metric.TCO_USD, "one", 0), "tco");
        assertRel(25_000 + 43.2, c.value(Metric.CASH_USD, "one", 0), "cash");
        assertRel(1, c.value(Metric.INSTALLED, "one", 0), "installed");
    }

    @Test
    void project_deploymentStartsMidMonthAndHorizonEndsMidMonth_partialPeriodsProRata() {
        // scenario 2026-06-01 + 45 d: June (720 h) and a partial July (15 d = 360 h); the deployment starts
        // 2026-06-16, so it runs 15 d = 360 h in June and 360 h in July
        Scenario s = TestFleets.scenario(2026, 6, 1).horizonHours(45 * 24)
                .deployment(TestFleets.deployment("late").count(1).start(LocalDateTime.of(2026, 6, 16, 0, 0))).build();
        Projection p = Fleetcast.project(s);
        assertEquals(2, p.timeline().periods());
        assertRel(360, p.timeline().hours(1), "partial last period");
        MetricCube c = p.cube();
        // June: 360 up-hours of 720: active 0.5; energy 0.36 MWh x 1.20 = 0.432
        assertRel(0.5, c.value(Metric.ACTIVE, "late", 0), "active June");
        assertRel(0.432, c.value(Metric.ENERGY_MWH, "late", 0), "energy June");
        // July: 360 of 360 h: active 1; energy 0.36 x 1.25 = 0.45
        assertRel(1, c.value(Metric.ACTIVE, "late", 1), "active July");
        assertRel(0.45, c.value(Metric.ENERGY_MWH, "late", 1), "energy July");
        // horizon average of active: (0.5 x 720 + 1 x 360) / 1080 = 2/3
        assertRel(2.0 / 3, c.total(Metric.ACTIVE, "late"), "average active");
    }

    @Test
    void project_rampOverTwoMonths_installsAndSlotHoursIntegrateTheRamp() {
        // 1,464 slots over June + July 2026 (720 + 744 = 1,464 h): one install per hour
        Scenario s = TestFleets.scenario(2026, 6, 3)
                .deployment(TestFleets.deployment("ramp").count(1464).rampMonths(2)).build();
        MetricCube c = Fleetcast.project(s).cube();
        assertRel(720, c.value(Metric.INSTALLED, "ramp", 0), "installs June");
        assertRel(744, c.value(Metric.INSTALLED, "ramp", 1), "installs July");
        assertRel(0, c.value(Metric.INSTALLED, "ramp", 2), "installs August");
        // June slot-hours: integral over t0 in [0, 720) of (720 - t0) = 720^2 / 2 = 259,200; / 720 h = 360 average
        assertRel(259_200.0 / 720, c.value(Metric.SLOTS, "ramp", 0), "slots June");
        // July: 720 June slots x 744 h + 744^2 / 2 = 535,680 + 276,768 = 812,448; / 744 h
        assertRel(812_448.0 / 744, c.value(Metric.SLOTS, "ramp", 1), "slots July");
        // August: all 1,464 slots all month
        assertRel(1464, c.value(Metric.SLOTS, "ramp", 2), "slots August");
    }

    @Test
    void project_rampSimulated_installsPerPeriodExactByStratification() {
        // slot i is installed at hour (i + u), u in [0, 1): the 720 first in June whatever u
        Scenario s = TestFleets.scenario(2026, 6, 3)
                .deployment(TestFleets.deployment("ramp").count(1464).rampMonths(2)).build();
        MetricCube c = Fleetcast.project(s, Mode.SIMULATE, 7).cube();
        assertEquals(720, c.value(Metric.INSTALLED, "ramp", 0));
        assertEquals(744, c.value(Metric.INSTALLED, "ramp", 1));
        // August: every slot in service all month, exactly
        assertEquals(1464, c.value(Metric.SLOTS, "ramp", 2), 1e-9);
    }

    @Test
    void project_termOf45Days_slotsEndAndBookValueIsWrittenOff() {
        // count 1 from 2026-06-01, term 45 d = 1,080 h: 720 h in June, 360 h in July, nothing in August
        Scenario s = TestFleets.scenario(2026, 6, 3)
                .deployment(TestFleets.deployment("term").count(1).termHours(1080)).build();
        MetricCube c = Fleetcast.project(s).cube();
        assertRel(1, c.value(Metric.SLOTS, "term", 0), "June");
        assertRel(360.0 / 744, c.value(Metric.SLOTS, "term", 1), "July");
        assertRel(0, c.value(Metric.SLOTS, "term", 2), "August");
        // depreciation July: 25,000 / 43,830 x 360 + write-off 25,000 x (43,830 - 1,080) / 43,830
        double perHour = 25_000.0 / 43_830;
        assertRel(perHour * 360 + 25_000.0 * (43_830 - 1080) / 43_830, c.value(Metric.DEPRECIATION_USD, "term", 1), "write-off");
        // so depreciation over the horizon sums to capex
        assertRel(25_000, c.total(Metric.DEPRECIATION_USD, "term"), "sum of depreciation");
        // embodied carbon follows the book: 1 t in total
        assertRel(1, c.total(Metric.CO2_EMBODIED_T, "term"), "embodied");
    }

    @Test
    void project_usefulLifeOfOneYearInsideHorizon_slotRetiresAndDepreciationSumsToCapex() {
        // life 8,766 h from 2026-01-01: 2026 has 8,760 h, so the slot ends 2027-01-01T06:00
        Scenario s = ScenarioBuilder.scenario("life").start(2026, 1).horizonMonths(24)
                .accelerator(TestFleets.accelerator().usefulLifeYears(1).build()).site(TestFleets.site().build())
                .deployment(TestFleets.deployment("life").count(10)).build();
        MetricCube c = Fleetcast.project(s).cube();
        assertRel(10, c.value(Metric.SLOTS, "life", 11), "December 2026");
        // January 2027: 10 slots x 6 h / 744 h
        assertRel(60.0 / 744, c.value(Metric.SLOTS, "life", 12), "January 2027");
        assertRel(0, c.value(Metric.SLOTS, "life", 13), "February 2027");
        // 10 x 25,000 capex, depreciated entirely inside the horizon
        assertRel(250_000, c.total(Metric.DEPRECIATION_USD, "life"), "depreciation = capex");
        assertRel(250_000, c.total(Metric.CAPEX_USD, "life"), "capex");
    }

    @Test
    void project_leasedVersusOwned_leaseReplacesCapexAndEnergyFollowsTheContract() {
        // 10 accelerators, June 2026 (720 h), 2.5 USD/h
        Scenario s = TestFleets.scenario(2026, 6, 1)
                .deployment(TestFleets.deployment("owned").count(10).opexFractionPerYear(0.05))
                .deployment(TestFleets.deployment("leased-in").count(10).ownership(Ownership.LEASED))
                .deployment(TestFleets.deployment("leased-ex").count(10).ownership(Ownership.LEASED).energyIncluded(false))
                .build();
        MetricCube c = Fleetcast.project(s).cube();
        // energy is drawn by all three: 10 kW x 720 h x 1.2 = 8.64 MWh
        for (String g : new String[] {"owned", "leased-in", "leased-ex"}) {
            assertRel(8.64, c.value(Metric.ENERGY_MWH, g, 0), g + " energy");
        }
        // owned pays energy (8.64 x 50 = 432), capex 250,000, opex 5 % x 250,000 x 720 / 8,766
        assertRel(432, c.value(Metric.ENERGY_COST_USD, "owned", 0), "owned energy cost");
        assertRel(250_000, c.value(Metric.CAPEX_USD, "owned", 0), "owned capex");
        assertRel(0.05 * 250_000 * 720 / 8766, c.value(Metric.OPEX_OTHER_USD, "owned", 0), "owned opex");
        assertRel(0, c.value(Metric.LEASE_COST_USD, "owned", 0), "owned lease");
        // leased: 10 x 720 h x 2.5 = 18,000 USD of rent, no capex, no depreciation
        assertRel(18_000, c.value(Metric.LEASE_COST_USD, "leased-in", 0), "lease");
        assertRel(0, c.value(Metric.CAPEX_USD, "leased-in", 0), "leased capex");
        assertRel(0, c.value(Metric.DEPRECIATION_USD, "leased-in", 0), "leased depreciation");
        assertRel(0, c.value(Metric.ENERGY_COST_USD, "leased-in", 0), "energy included");
        assertRel(432, c.value(Metric.ENERGY_COST_USD, "leased-ex", 0), "energy excluded");
        assertRel(18_000 + 432, c.value(Metric.TCO_USD, "leased-ex", 0), "leased tco");
        assertRel(18_000 + 432, c.value(Metric.CASH_USD, "leased-ex", 0), "leased cash");
    }

    @Test
    void project_leaseDeclineAndElectricityEscalation_changeAtAnniversaries() {
        // leased from 2026-03-15 at 2.5 USD/h, -10 %/year; the anniversary 2027-03-15 splits March 2027:
        // 14 d x 24 = 336 h at 2.5 and 17 d x 24 = 408 h at 2.25: 840 + 918 = 1,758 USD
        // electricity +10 %/year from the scenario start 2026-01-01: 2027 at 55 USD/MWh
        Scenario s = ScenarioBuilder.scenario("decline").start(2026, 1).horizonMonths(24)
                .accelerator(TestFleets.accelerator().build())
                .site(TestFleets.site().electricityEscalationPerYear(0.10).build())
                .deployment(TestFleets.deployment("lease").count(1).ownership(Ownership.LEASED).energyIncluded(false)
                        .start(LocalDateTime.of(2026, 3, 15, 0, 0)).leasePriceDeclinePerYear(0.10))
                .build();
        MetricCube c = Fleetcast.project(s).cube();
        assertRel(336 * 2.5 + 408 * 2.25, c.value(Metric.LEASE_COST_USD, "lease", 14), "March 2027 rent");
        // January 2027: 744 h x 1 kW x PUE 1.10 = 0.8184 MWh x 55 USD/MWh = 45.012 USD
        assertRel(0.8184 * 55, c.value(Metric.ENERGY_COST_USD, "lease", 12), "escalated price");
        // January 2026 for comparison is not yet leased (starts in March): 0
        assertRel(0, c.value(Metric.ENERGY_COST_USD, "lease", 0), "before the start");
    }

    @Test
    void project_facilityCapex_chargedPerDesignMwAndDepreciatedOverFacilityLife() {
        // 10 MUSD/MW x 1 kW x design PUE 1.30 = 13,000 USD per accelerator; 20-year life = 175,320 h
        Scenario s = ScenarioBuilder.scenario("facility").start(2026, 6).horizonMonths(1)
                .accelerator(TestFleets.accelerator().build())
                .site(TestFleets.site().facilityCapexUsdPerMw(10e6).build())
                .deployment(TestFleets.deployment("f").count(2)).build();
        MetricCube c = Fleetcast.project(s).cube();
        assertRel(26_000, c.value(Metric.FACILITY_CAPEX_USD, "f", 0), "facility capex");
        double it = 2 * 25_000.0 / 43_830 * 720;
        double facility = 26_000.0 / 175_320 * 720;
        assertRel(it + facility, c.value(Metric.DEPRECIATION_USD, "f", 0), "depreciation of both");
        assertRel(50_000 + 26_000 + 2 * 0.72 * 1.2 * 50, c.value(Metric.CASH_USD, "f", 0), "cash");
    }

    @Test
    void project_failuresWithinRepairTime_matchClosedForm() {
        // AFR 1 - e^-1: rate 1/8,766 per up-hour. Repair 1,000 h > 720 h, so in June no device is back yet:
        // U(a) = (1 - e^(-λa)) / λ up-hours per slot, F = λU failures; repair cost = F x 25,000 x 0.5
        double lambda = 1 / 8766.0;
        Scenario s = ScenarioBuilder.scenario("fail").start(2026, 6).horizonMonths(1)
                .accelerator(TestFleets.accelerator().afr(1 - Math.exp(-1)).repairHours(1000).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("f").count(1000)).build();
        MetricCube c = Fleetcast.project(s).cube();
        double up = 1000 * -Math.expm1(-lambda * 720) / lambda;
        assertEquals(up / 720, c.value(Metric.ACTIVE, "f", 0), up / 720 * 1e-10, "active");
        assertEquals(lambda * up, c.value(Metric.FAILURES, "f", 0), lambda * up * 1e-10, "failures");
        assertEquals(lambda * up * 12_500, c.value(Metric.REPAIR_COST_USD, "f", 0), lambda * up * 12_500 * 1e-10, "repair cost");
    }

    @Test
    void project_repairTimeZero_failuresAreRateTimesSlotHours() {
        // R = 0: always up; failures = 1,000 x 720 h / 8,766 h = 82.1355...
        Scenario s = ScenarioBuilder.scenario("fail0").start(2026, 6).horizonMonths(1)
                .accelerator(TestFleets.accelerator().afr(1 - Math.exp(-1)).repairHours(0).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("f").count(1000)).build();
        MetricCube c = Fleetcast.project(s).cube();
        assertRel(1000 * 720 / 8766.0, c.value(Metric.FAILURES, "f", 0), "failures");
        assertRel(1000, c.value(Metric.ACTIVE, "f", 0), "active");
    }

    @Test
    void summary_oneYear_npvAndUnitCosts() {
        // 1 accelerator, 2026 (8,760 h), discount 8 %/year
        Scenario s = TestFleets.scenario(2026, 1, 12).discountRate(0.08)
                .deployment(TestFleets.deployment("one").count(1)).build();
        Projection p = Fleetcast.project(s);
        Summary sum = p.summary();
        Timeline t = p.timeline();
        double npv = 0;
        for (int i = 0; i < t.periods(); i++) {
            npv += p.cube().value(Metric.CASH_USD, 0, i) / Math.pow(1.08, t.midHour(i) / 8766);
        }
        assertRel(npv, sum.npvCashUsd(), "npv at period midpoints");
        // slot-hours 8,760; tco = depreciation 25,000 x 8,760 / 43,830 + energy
        assertRel(8760, sum.slotHours(), "slot-hours");
        assertRel(sum.total(Metric.TCO_USD) / 8760, sum.usdPerAcceleratorHour(), "$/accelerator-hour");
        // compute 8,760 x 3.6 = 31,536 EFLOP
        assertRel(31_536, sum.total(Metric.COMPUTE_EFLOP), "compute");
        assertRel(sum.total(Metric.TCO_USD) / 31_536, sum.usdPerEflop(), "$/EFLOP");
        assertEquals(1, sum.resolvedAccelerators());
    }
}
