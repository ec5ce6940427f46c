package io.fleetcast.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Accelerator;
import io.fleetcast.Fleetcast;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Site;
import io.fleetcast.scenario.Anchor;
import io.fleetcast.scenario.AnchorsReader;
import io.fleetcast.scenario.Catalog;
import io.fleetcast.scenario.CatalogReader;
import io.fleetcast.write.CalibrationTable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped catalog and deals against the public anchors of {@code models/calibration/anchors.yaml}: one test per
 * anchor, failing with the anchor, its source and date, and the value found when a catalog or scenario edit moves
 * fleetcast's answer out of the anchor's must-hold band. Plus the arithmetic of the measures on a hand-checkable
 * catalog.
 */
class CalibrationTest {

    @TestFactory
    List<DynamicTest> shippedAnchors_eachAnswer_insideItsMustHoldBand() throws ScenarioException {
        List<Anchor> anchors = AnchorsReader.readBuiltIn();
        List<Calibration.Finding> findings = new Calibration(CatalogReader.readBuiltIn(), Fleetcast::loadNamedOrPath,
                AnchorsReader.BUILTIN).evaluate(anchors);
        assertEquals(anchors.size(), findings.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Calibration.Finding f : findings) {
            Anchor a = f.anchor();
            tests.add(DynamicTest.dynamicTest(a.id(), () -> assertTrue(f.holds(),
                    "calibration anchor " + a.id() + " (" + a.question() + ") broken: fleetcast gives "
                            + CalibrationTable.value(a, f.value()) + " (" + f.detail() + "), outside the must-hold band "
                            + CalibrationTable.value(a, a.holdLow()) + " to " + CalibrationTable.value(a, a.holdHigh())
                            + "; published: " + a.figure() + "; source: " + a.source() + ", "
                            + a.date().toLocalDate() + " (" + a.confidence() + "); models/calibration/anchors.yaml line "
                            + a.line())));
        }
        return tests;
    }

    @Test
    void evaluate_ownedCapexPerFacilityGw_isCountTimesCapexPlusFacilityCapex() throws ScenarioException {
        // 1 GW / (1,000 W x design PUE 1.25) = 800,000 accelerators; 800,000 x 10,000 USD = 8.0e9 USD IT capex;
        // facility capex 8e6 USD per MW of design facility power x 1,000 MW = 8.0e9 USD; total 16.0e9 USD
        Calibration.Finding f = evaluate(anchor(Anchor.Kind.OWNED_CAPEX_PER_FACILITY_GW, 10e9, 20e9));
        assertEquals(16.0e9, f.value(), 1.0);
        assertTrue(f.holds());
        assertEquals(0, f.distance());
    }

    @Test
    void evaluate_acceleratorsPerFacilityGw_isOneGwOverAllInTimesDesignPue() throws ScenarioException {
        // 1e9 W / (1,000 W x 1.25) = 800,000
        Calibration.Finding f = evaluate(anchor(Anchor.Kind.ACCELERATORS_PER_FACILITY_GW, 1e6, 2e6));
        assertEquals(800_000, f.value(), 1e-6);
        assertFalse(f.holds());
        // below the low end: 800,000 / 1,000,000 - 1 = -0.2
        assertEquals(-0.2, f.distance(), 1e-12);
        assertEquals("-20 % below", CalibrationTable.distance(f));
    }

    @Test
    void evaluate_annualPue_isFacilityOverItEnergy() throws ScenarioException {
        // a flat PUE of 1.25 all year: facility energy / IT energy = 1.25 exactly
        Calibration.Finding f = evaluate(anchor(Anchor.Kind.ANNUAL_PUE, 1.0, 1.3));
        assertEquals(1.25, f.value(), 1e-12);
    }

    @Test
    void evaluate_unknownAccelerator_isAProblemAtTheAnchorLine() {
        Anchor a = new Anchor("bad", "q", new Anchor.Measure(Anchor.Kind.OWNED_CAPEX_PER_FACILITY_GW, "nope", "site",
                1, 0, 0, null, null, null, List.of(), List.of()), "f", 1, 2, 1, 2, "s", LocalDateTime.of(2025, 1, 1, 0, 0),
                "reported", "e", 7);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new Calibration(catalog(), Fleetcast::loadNamedOrPath, "anchors.yaml").evaluate(List.of(a)));
        String message = e.problems().get(0).message();
        assertTrue(message.startsWith("anchors.yaml:7:3: anchors[bad].measure"), message);
        assertTrue(message.contains("unknown accelerator 'nope'; expected one of acc"), message);
    }

    @Test
    void distance_aboveTheHighEnd_isRelativeToTheHighEnd() {
        // 66 / 60 - 1 = +0.10
        Anchor a = anchor(Anchor.Kind.OWNED_CAPEX_PER_FACILITY_GW, 40, 60);
        Calibration.Finding f = new Calibration.Finding(a, 66, "");
        assertEquals(0.1, f.distance(), 1e-12);
        assertEquals("+10 % above", CalibrationTable.distance(f));
        assertEquals("+2.5 % above", CalibrationTable.distance(new Calibration.Finding(a, 61.5, "")));
    }

    /** An anchor of the given kind on accelerator "acc" at site "site", with range = must-hold = [low, high]. */
    private static Anchor anchor(Anchor.Kind kind, double low, double high) {
        return new Anchor("t", "q", new Anchor.Measure(kind, "acc", "site", 1, 0, 0, null, null, null, List.of(), List.of()),
                "f", low, high, low, high, "s", LocalDateTime.of(2025, 1, 1, 0, 0), "reported", "e", 1);
    }

    private static Calibration.Finding evaluate(Anchor a) throws ScenarioException {
        return new Calibration(catalog(), Fleetcast::loadNamedOrPath, "test").evaluate(List.of(a)).get(0);
    }

    /** 1,000 W all-in, 10,000 USD capex, 5-year life, no failures; a site at a flat PUE 1.25 with 8e6 USD/MW. */
    private static Catalog catalog() {
        Accelerator acc = ScenarioBuilder.accelerator("acc").vendor("Acme").allInPowerW(1000).idleFraction(0)
                .bf16Tflops(1000).capexUsd(10_000).usefulLifeYears(5).afr(0).replacementCostFraction(0.5)
                .embodiedKgCo2e(1000).build();
        Site site = ScenarioBuilder.site("site").pue(1.25).electricityUsdPerMwh(50).gridGPerKwh(400)
                .facilityCapexUsdPerMw(8e6).build();
        return new Catalog(Map.of("acc", acc), Map.of("site", site));
    }
}
