package io.fleetcast;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Summary;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenarios shipped in models/ project cleanly, and the published measured run is reproduced. */
class ShippedScenariosTest {

    @Test
    void project_everyShippedScenarioInBothModes_noNaNOrInfinityInAnyCube() throws Exception {
        assertFalse(Fleetcast.builtInNames().isEmpty(), "no built-in scenarios found");
        for (String name : Fleetcast.builtInNames()) {
            Scenario s = Fleetcast.builtIn(name);
            for (Mode mode : Mode.values()) {
                Projection p = Fleetcast.project(s, mode, 2026);
                for (Grouping g : Grouping.values()) {
                    double[] values = p.cube(g).toArray();
                    for (int i = 0; i < values.length; i++) {
                        assertTrue(Double.isFinite(values[i]), name + " " + mode.id() + " " + g.id() + " value " + i);
                    }
                }
                Summary sum = p.summary();
                assertTrue(Double.isFinite(sum.npvCashUsd()) && Double.isFinite(sum.usdPerAcceleratorHour())
                        && Double.isFinite(sum.usdPerEflop()), name + " summary");
                assertTrue(sum.resolvedAccelerators() > 0, name + " resolves to no accelerator");
            }
        }
    }

    @Test
    void project_gpt3Patterson2021_reproducesPublishedEnergyAndCarbonWithinOnePercent() throws Exception {
        // Patterson et al. 2021, Table 4: 10,000 V100 x 330 W x 14.8 d x 24 h x PUE 1.10 = 1,289.4 MWh
        // (published: 1,287 MWh); x 429 g/kWh = 553.1 t (published: 552 tCO2e)
        Scenario s = Fleetcast.load(Path.of("../models/validation/gpt3-patterson-2021.yaml"));
        for (Mode mode : Mode.values()) {
            Summary sum = Fleetcast.project(s, mode, 1).summary();
            double mwh = sum.total(Metric.ENERGY_MWH);
            double t = sum.total(Metric.CO2_OPERATIONAL_T);
            assertEquals(1287, mwh, 1287 * 0.01, mode.id() + " energy");
            assertEquals(552, t, 552 * 0.01, mode.id() + " carbon");
            assertEquals(10_000 * 330.0 * 14.8 * 24 * 1.10 / 1e6, mwh, 1e-6, mode.id() + " exact energy");
        }
    }
}
