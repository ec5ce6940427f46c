package io.fleetcast;

import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Summary;
import io.fleetcast.model.Units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Two lives (service and depreciation), residual value, the book value held at the horizon end and the warranty:
 * hand-computed one-device cases in both modes, and a ramped fleet summed slot by slot.
 */
class BookLifeTest {

    /** ln(1.08) / 8766 per hour. */
    private static final double DELTA = Math.log1p(0.08) / Units.HOURS_PER_YEAR;

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-9, what);
    }

    /** One owned device installed 2026-01-01, capex 12,000 USD, no energy cost, no failures. */
    private static Scenario oneDevice(int horizonMonths, double serviceHours, double bookHours, double residual,
                                      double costOfCapital) {
        return ScenarioBuilder.scenario("book").start(2026, 1).horizonMonths(horizonMonths).costOfCapital(costOfCapital)
                .accelerator(TestFleets.accelerator().capexUsd(12_000).usefulLifeHours(serviceHours)
                        .set(ModelField.DEPRECIATION_LIFE, bookHours).set(ModelField.RESIDUAL_VALUE, residual).build())
                .site(TestFleets.site().electricityUsdPerMwh(0).build())
                .deployment(TestFleets.deployment("d").count(1)).build();
    }

    @Test
    void project_serviceLifeShorterThanBookLifeWithResidual_writesOffTheRestAndSellsAtRetirement() {
        // service 8,760 h (2026), book 17,520 h, residual 25 %, horizon 2026-2027 (17,520 h)
        // depreciable base 12,000 x 0.75 = 9,000 over 17,520 h; in service 8,760 h: 4,500 depreciated,
        // retired at age 8,760 with 1 - 8,760 / 17,520 = 1/2 of the base left: 4,500 written off (December 2026,
        // the cell that ends at the retirement); resale 12,000 x 0.25 = 3,000
        for (Mode mode : Mode.values()) {
            MetricCube c = Fleetcast.project(oneDevice(24, 8760, 17_520, 0.25, 0), mode, 1L).cube();
            assertRel(9_000, c.total(Metric.DEPRECIATION_USD, "d"), mode + " depreciation = capex - residual");
            assertRel(9_000.0 * 744 / 17_520 , c.value(Metric.DEPRECIATION_USD, "d", 0), mode + " January");
            assertRel(9_000.0 * 744 / 17_520 + 4_500, c.value(Metric.DEPRECIATION_USD, "d", 11), mode + " December");
            assertRel(3_000, c.value(Metric.RESALE_USD, "d", 11), mode + " resale in December");
            // cash: capex 12,000 in January, resale -3,000 in December
            assertRel(9_000, c.total(Metric.CASH_USD, "d"), mode + " cash");
            assertRel(9_000, c.total(Metric.TCO_USD, "d"), mode + " tco");
            assertRel(0, c.total(Metric.BOOK_VALUE_END_USD, "d"), mode + " nothing held at the end");
        }
    }

    @Test
    void project_horizonEndsMidBookLife_bookValueEndIsResidualPlusUndepreciatedRest() {
        // service 3 years, book 17,520 h, residual 25 %, horizon 2026 (8,760 h): depreciation 9,000 x 8,760 / 17,520
        // = 4,500; held at the end 12,000 x (0.25 + 0.75 x (1 - 8,760 / 17,520)) = 7,500; 4,500 + 7,500 = capex
        for (Mode mode : Mode.values()) {
            MetricCube c = Fleetcast.project(oneDevice(12, 3 * 8766, 17_520, 0.25, 0), mode, 1L).cube();
            assertRel(4_500, c.total(Metric.DEPRECIATION_USD, "d"), mode + " depreciation");
            assertRel(7_500, c.total(Metric.BOOK_VALUE_END_USD, "d"), mode + " book value at the end");
            assertRel(7_500, c.value(Metric.BOOK_VALUE_END_USD, "d", 11), mode + " written in the last period");
            assertRel(0, c.value(Metric.BOOK_VALUE_END_USD, "d", 10), mode + " not before");
            assertRel(0, c.total(Metric.RESALE_USD, "d"), mode + " nothing sold");
        }
    }

    @Test
    void project_bookLifeShorterThanServiceLife_fullyDepreciatedThenServesOnFree() {
        // book 8,760 h, service 17,520 h, no residual, horizon 2026-2027: all 12,000 depreciated in 2026, none in
        // 2027; the device serves to the horizon end and retires there with no book value left
        MetricCube c = Fleetcast.project(oneDevice(24, 17_520, 8760, 0, 0)).cube();
        assertRel(12_000, c.total(Metric.DEPRECIATION_USD, "d"), "depreciation");
        assertRel(12_000.0 * 744 / 8760, c.value(Metric.DEPRECIATION_USD, "d", 0), "January 2026");
        assertRel(0, c.value(Metric.DEPRECIATION_USD, "d", 12), "January 2027");
        assertRel(1, c.value(Metric.SLOTS, "d", 23), "still in service in December 2027");
        assertRel(0, c.total(Metric.BOOK_VALUE_END_USD, "d"), "nothing left on the book");
    }

    @Test
    void project_residualWithCostOfCapital_depreciationPlusChargeIsTheAnnuityWithSalvage() {
        // capex C = 12,000, salvage S = 0.25 C = 3,000 at L = 8,760 h, 8 %/year, horizon 2026-2027
        // level payment whose present value is C - S e^(-δL): PMT x L = κL (C - S e^(-δL)), κL = δL / (1 - e^(-δL))
        //   δL = 0.0769083, e^(-δL) = 0.925975, κL = 1.0389470: 1.0389470 x (12,000 - 2,777.92) = 9,581.25
        // the model: depreciation C - S = 9,000, charge (C - S)(κL - 1) + S δ L = 350.52 + 230.73 = 581.25
        double dl = DELTA * 8760;
        double kl = dl / -Math.expm1(-dl);
        double annuity = kl * (12_000 - 3_000 * Math.exp(-dl));
        assertEquals(9_581.25, annuity, 0.005, "closed form");
        for (Mode mode : Mode.values()) {
            Summary s = Fleetcast.project(oneDevice(24, 8760, 8760, 0.25, 0.08), mode, 1L).summary();
            assertRel(9_000, s.total(Metric.DEPRECIATION_USD), mode + " depreciation");
            assertRel(annuity, s.total(Metric.DEPRECIATION_USD) + s.total(Metric.CAPITAL_CHARGE_USD), mode + " annuity");
            assertRel(3_000, s.total(Metric.RESALE_USD), mode + " resale");
        }
    }

    @Test
    void project_rampedFleetBookLongerThanService_matchesASumOverSlots() {
        // 600 slots uniformly over 6 months (2026-01-01 + 4,344 h), service 2 years (17,532 h), book 3 years
        // (26,298 h), residual 10 %, horizon 36 months (2026-2028, 26,304 h): each slot's book summed by the midpoint rule
        Scenario s = ScenarioBuilder.scenario("ramp").start(2026, 1).horizonMonths(36)
                .accelerator(TestFleets.accelerator().usefulLifeYears(2).set(ModelField.DEPRECIATION_LIFE, 3 * 8766.0)
                        .set(ModelField.RESIDUAL_VALUE, 0.1).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("d").count(600).rampMonths(6)).build();
        double ramp = 4344;
        double horizon = 26_304;
        double service = 2 * 8766.0;
        double book = 3 * 8766.0;
        int steps = 600_000;
        double dep = 0;
        double resale = 0;
        double held = 0;
        for (int i = 0; i < steps; i++) {
            double t0 = (i + 0.5) * ramp / steps;
            double weight = 600.0 / steps;
            double end = Math.min(t0 + service, horizon);
            double age = end - t0;
            dep += weight * 25_000 * 0.9 * age / book;
            if (t0 + service <= horizon) {
                dep += weight * 25_000 * 0.9 * (1 - service / book);   // written off at retirement
                resale += weight * 25_000 * 0.1;
            } else {
                held += weight * 25_000 * (0.1 + 0.9 * (1 - age / book));
            }
        }
        for (Mode mode : Mode.values()) {
            MetricCube c = Fleetcast.project(s, mode, 9L).cube();
            assertEquals(dep, c.total(Metric.DEPRECIATION_USD, "d"), dep * 1e-6, mode + " depreciation");
            assertEquals(resale, c.total(Metric.RESALE_USD, "d"), resale * 1e-6, mode + " resale");
            assertEquals(held, c.total(Metric.BOOK_VALUE_END_USD, "d"), held * 1e-6, mode + " held");
            // every dollar of capex is depreciated, sold or held
            assertRel(600 * 25_000.0, c.total(Metric.DEPRECIATION_USD, "d") + c.total(Metric.RESALE_USD, "d")
                    + c.total(Metric.BOOK_VALUE_END_USD, "d"), mode + " capex accounted for");
        }
    }

    /** 10,000 devices at once from 2026-01-01, AFR 20 %, no repair time, replacement 50 % of 25,000, warranty 1 year. */
    private static Scenario warranted(double warrantyHours) {
        return ScenarioBuilder.scenario("warranty").start(2026, 1).horizonMonths(24)
                .accelerator(TestFleets.accelerator().afr(0.2).set(ModelField.WARRANTY, warrantyHours).build())
                .site(TestFleets.site().build())
                .deployment(TestFleets.deployment("d").count(10_000)).build();
    }

    @Test
    void project_warrantyOfOneYear_replacementsFreeInsideAndChargedAfter() {
        // expected: failure rate λ = -ln(0.8) / 8,766 per hour, no repair time, so failures = 10,000 λ t; 2026 has
        // 8,760 h, all inside the 8,760 h warranty: repair cost 0; 2027 (8,760 h): 10,000 x λ x 8,760 x 12,500
        double lambda = -Math.log(0.8) / Units.HOURS_PER_YEAR;
        MetricCube c = Fleetcast.project(warranted(8760)).cube();
        for (int p = 0; p < 12; p++) {
            assertEquals(0, c.value(Metric.REPAIR_COST_USD, "d", p), 1e-6, "2026 month " + p);
        }
        assertRel(10_000 * lambda * 8760 * 12_500, c.total(Metric.REPAIR_COST_USD, "d"), "2027");
        assertRel(10_000 * lambda * 17_520, c.total(Metric.FAILURES, "d"), "failures still counted");
        // simulate: every device installs at 0, so each failure in 2026 is inside the warranty and each in 2027 is not
        MetricCube sim = Fleetcast.project(warranted(8760), Mode.SIMULATE, 4L).cube();
        double failures2027 = 0;
        for (int p = 0; p < 12; p++) {
            assertEquals(0, sim.value(Metric.REPAIR_COST_USD, "d", p), 0, "simulated 2026 month " + p);
            failures2027 += sim.value(Metric.FAILURES, "d", 12 + p);
        }
        assertTrue(failures2027 > 1500, "about 1,800 failures in 2027: " + failures2027);
        assertRel(failures2027 * 12_500, sim.total(Metric.REPAIR_COST_USD, "d"), "simulated 2027");
    }
}
