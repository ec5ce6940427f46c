package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Deployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.Site;
import io.fleetcast.model.Size;
import io.fleetcast.model.SizeKind;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioEditorTest {

    static Scenario scenario() {
        return ScenarioBuilder.scenario("edit").start(2026, 1).horizonMonths(24)
                .accelerator(ScenarioBuilder.accelerator("gpu").allInPowerW(1000).capexUsd(50_000).afr(0.05).build())
                .site(ScenarioBuilder.site("tx").monthlyPue(1.1, 1.1, 1.1, 1.2, 1.2, 1.2, 1.3, 1.3, 1.3, 1.2, 1.2, 1.1)
                        .electricityUsdPerMwh(60).build())
                .deployment(ScenarioBuilder.deployment("a", "gpu", "tx").count(100).start(2026, 3))
                .deployment(ScenarioBuilder.deployment("b", "gpu", "tx").size(Size.facilityPower(1e6)))
                .build();
    }

    private static ScenarioEditor editor(Scenario s, ScenarioEditor.Mode mode, String... paths) {
        List<InputPath> p = new java.util.ArrayList<>();
        List<ScenarioEditor.Mode> m = new java.util.ArrayList<>();
        for (String path : paths) {
            p.add(InputPath.parse(path, s));
            m.add(mode);
        }
        return ScenarioEditor.compile(s, p, m);
    }

    @Test
    void apply_capexAndPrice_changesOnlyThoseFields() {
        Scenario s = scenario();
        ScenarioEditor e = editor(s, ScenarioEditor.Mode.SET, "accelerators.gpu.capex", "sites.tx.electricity-price");
        Scenario t = e.apply(new double[] {60_000, 45});
        assertEquals(60_000, t.accelerators().get("gpu").capexUsd());
        assertEquals(1000, t.accelerators().get("gpu").allInW());
        assertEquals(45, t.sites().get("tx").electricityUsdPerMwh());
        assertEquals(50_000, s.accelerators().get("gpu").capexUsd(), "the base scenario is not modified");
        assertSame(s.deployments(), t.deployments(), "untouched parts are shared, not copied");
    }

    @Test
    void apply_pueMean_scalesOverheadKeepingShape() {
        Scenario s = scenario();
        ScenarioEditor e = editor(s, ScenarioEditor.Mode.SET, "sites.tx.pue");
        // mean of the monthly values: (1.1*4 + 1.2*5 + 1.3*3) / 12 = (4.4 + 6.0 + 3.9) / 12 = 1.191667
        assertEquals(14.3 / 12, e.nominal(0), 1e-12);
        Site t = e.apply(new double[] {1.4}).sites().get("tx");
        // overhead factor (1.4 - 1) / (1.191667 - 1) = 0.4 / 0.191667 = 2.086957; January 1 + 0.1 * 2.086957 = 1.208696
        assertEquals(1 + 0.1 * 0.4 / (14.3 / 12 - 1), t.pue(1), 1e-12);
        double mean = 0;
        for (double v : t.monthlyPue()) {
            mean += v / 12;
        }
        assertEquals(1.4, mean, 1e-12);
        assertEquals(s.sites().get("tx").designPue(), t.designPue(), "design PUE is its own field");
    }

    @Test
    void apply_startDelay_shiftsByHours() {
        Scenario s = scenario();
        ScenarioEditor e = editor(s, ScenarioEditor.Mode.SET, "deployments.a.start");
        Deployment d = e.apply(new double[] {48}).deployments().get(0);
        assertEquals(LocalDateTime.of(2026, 3, 3, 0, 0), d.start());
    }

    @Test
    void apply_countOnPowerSizedDeployment_switchesSizeKind() {
        Scenario s = scenario();
        ScenarioEditor e = editor(s, ScenarioEditor.Mode.SET, "deployments.b.count");
        assertTrue(Double.isNaN(e.nominal(0)), "a power-sized deployment has no count of its own");
        Deployment d = e.apply(new double[] {250}).deployments().get(1);
        assertEquals(SizeKind.COUNT, d.size().kind());
        assertEquals(250, d.size().value());
    }

    @Test
    void apply_shift_addsToNominal() {
        Scenario s = scenario();
        ScenarioEditor e = editor(s, ScenarioEditor.Mode.SHIFT, "accelerators.gpu.capex");
        assertEquals(55_000, e.apply(new double[] {5_000}).accelerators().get("gpu").capexUsd());
    }

    @Test
    void check_outOfRange_namesPathAndRange() {
        Scenario s = scenario();
        ScenarioEditor e = editor(s, ScenarioEditor.Mode.SET, "accelerators.gpu.afr", "deployments.a.start");
        assertNull(e.check(0, 0.5));
        String afr = e.check(0, 1.0);
        assertNotNull(afr);
        assertTrue(afr.contains("accelerators.gpu.afr") && afr.contains("[0, 1)"), afr);
        // 24 months from 2026-03 is past the 2028-01 horizon end
        assertNotNull(e.check(1, 24 * 730.5));
    }

    @Test
    void parse_unknownIdOrField_listsWhatExists() {
        Scenario s = scenario();
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> InputPath.parse("sites.no.pue", s));
        assertTrue(id.getMessage().contains("known: tx"), id.getMessage());
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                () -> InputPath.parse("accelerators.gpu.price", s));
        assertTrue(field.getMessage().contains("capex"), field.getMessage());
    }

    @Test
    void compile_samePathTwice_isAnError() {
        Scenario s = scenario();
        assertThrows(IllegalArgumentException.class,
                () -> editor(s, ScenarioEditor.Mode.SET, "accelerators.gpu.capex", "accelerators.gpu.capex"));
    }
}
