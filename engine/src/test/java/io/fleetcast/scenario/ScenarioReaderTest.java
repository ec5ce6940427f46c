package io.fleetcast.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Confidence;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.DistributionKind;
import io.fleetcast.model.InputDistribution;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Precision;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Site;
import io.fleetcast.model.SizeKind;
import io.fleetcast.model.Step;
import io.fleetcast.model.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeFixtures() throws Exception {
        Fixtures.write(dir);
    }

    private static final String MINIMAL = Fixtures.HEAD + """
            deployments:
              - id: first
                accelerator: chip-a
                site: hot
                size: { facility-power: 1 GW }
                start: 2026-07
            """;

    @Test
    void read_minimalScenario_defaultsFilledIn() throws Exception {
        Scenario s = Fixtures.read(dir, MINIMAL);
        assertEquals("test", s.name());
        assertEquals(LocalDateTime.of(2026, 7, 1, 0, 0), s.start());
        // 96 calendar months from 2026-07
        assertEquals(LocalDateTime.of(2034, 7, 1, 0, 0), s.end());
        assertEquals(Step.MONTH, s.step());
        assertEquals(0.0, s.discountRatePerYear(), 0);
        assertEquals(MonteCarloSettings.DEFAULT, s.monteCarlo());
        assertTrue(s.uncertainty().isEmpty());
        assertTrue(s.origin().isEmpty());
        Deployment d = s.deployments().get(0);
        assertEquals("first", d.deal());
        assertEquals(Ownership.OWNED, d.ownership());
        assertEquals(SizeKind.FACILITY_POWER, d.size().kind());
        assertEquals(1e9, d.size().value(), 0);
        assertEquals(0.0, d.rampHours(), 0);
        assertTrue(d.termHours().isEmpty());
        assertEquals(1.0, d.utilization(), 0);
        assertEquals(Precision.BF16, d.precision());
        assertEquals(0.0, d.leasePriceUsdPerHour(), 0);
        assertTrue(d.energyIncluded());
        assertEquals(0.0, d.opexFractionPerYear(), 0);
        assertTrue(d.averagePowerW().isEmpty());
    }

    @Test
    void read_catalogFigures_convertedToBaseUnitsWithProvenance() throws Exception {
        Accelerator a = Fixtures.read(dir, MINIMAL).accelerators().get("chip-a");
        assertEquals(1000.0, a.bf16Tflops(), 0);
        // 2 PFLOPS = 2,000 TFLOPS; 0.192 TB = 192 GB; 1 kW = 1,000 W
        assertEquals(2000.0, a.fp8Tflops(), 0);
        assertEquals(0.0, a.fp4Tflops(), 0);
        assertEquals(192.0, a.hbmGb(), 0);
        assertEquals(1000.0, a.tdpW(), 0);
        assertEquals(0.3, a.idleFraction(), 0);
        // 6 years without anchor = 6 x 8,766 h
        assertEquals(6 * Units.HOURS_PER_YEAR, a.usefulLifeHours(), 0);
        assertEquals(0.05, a.afr(), 0);
        assertEquals(1.0, a.weibullShape(), 0);
        // 3 d = 72 h; 1.5 tCO2e = 1,500 kgCO2e
        assertEquals(72.0, a.repairHours(), 0);
        assertEquals(1500.0, a.embodiedKgCo2e(), 0);
        assertEquals(2.5, a.leasePriceUsdPerHour(), 0);
        assertEquals(new Provenance("datasheet (https://example.com/a)", Confidence.OFFICIAL, ""), a.provenance().get("bf16"));
        assertEquals(Provenance.UNSOURCED, a.provenance().get("capex"));
        assertFalse(a.provenance().containsKey("weibull-shape"));
    }

    @Test
    void read_sites_designPueDefaultsToHighestMonth() throws Exception {
        Scenario s = Fixtures.read(dir, MINIMAL);
        Site hot = s.sites().get("hot");
        assertEquals(1.5, hot.designPue(), 0);
        assertEquals(1.1, hot.pue(1), 0);
        assertEquals(1.5, hot.pue(7), 0);
        assertEquals(0.0, hot.electricityEscalationPerYear(), 0);
        assertEquals(0.0, hot.facilityCapexUsdPerMw(), 0);
        // default facility life: 20 years x 8,766 h
        assertEquals(20 * Units.HOURS_PER_YEAR, hot.facilityLifeHours(), 0);
        Site cold = s.sites().get("cold");
        assertArrayEquals(new double[] {1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1}, cold.monthlyPue(), 0);
        assertEquals(1.15, cold.designPue(), 0);
        // 0.04 USD/kWh = 40 USD/MWh; 10,000 USD/kW = 1e7 USD/MW
        assertEquals(40.0, cold.electricityUsdPerMwh(), 0);
        assertEquals(0.02, cold.electricityEscalationPerYear(), 0);
        assertEquals(-0.03, cold.gridChangePerYear(), 0);
        assertEquals(1e7, cold.facilityCapexUsdPerMw(), 0);
        assertEquals(25 * Units.HOURS_PER_YEAR, cold.facilityLifeHours(), 0);
        assertEquals(Confidence.REPORTED, cold.provenance().get("pue").confidence());
        assertEquals("annual", cold.provenance().get("pue").note());
    }

    @Test
    void read_everyDeploymentField_resolvedWithCalendarAnchors() throws Exception {
        Scenario s = Fixtures.read(dir, Fixtures.HEAD + """
                step: quarter
                discount-rate: 8 %/year
                deployments:
                  - id: leased-b
                    deal: big-deal
                    accelerator: chip-b
                    site: cold
                    ownership: leased
                    size: { budget: 1e9 USD }
                    start: 2026-07-15
                    ramp: 6 months
                    term: 2 years
                    utilization: 70 %
                    precision: fp8
                    lease-price: { value: 2.1 USD/h, source: "press", confidence: reported }
                    lease-price-decline: 5 %/year
                    energy-included: false
                    average-power: 600 W
                """);
        assertEquals(Step.QUARTER, s.step());
        assertEquals(0.08, s.discountRatePerYear(), 0);
        Deployment d = s.deployments().get(0);
        assertEquals("big-deal", d.deal());
        assertEquals(Ownership.LEASED, d.ownership());
        assertEquals(LocalDateTime.of(2026, 7, 15, 0, 0), d.start());
        // 2026-07-15 to 2027-01-15: 184 d = 4,416 h
        assertEquals(4416.0, d.rampHours(), 0);
        // 2026-07-15 to 2028-07-15: 365 + 366 d = 731 d = 17,544 h
        assertEquals(17_544.0, d.termHours().getAsDouble(), 0);
        assertEquals(0.7, d.utilization(), 1e-15);
        assertEquals(Precision.FP8, d.precision());
        assertEquals(2.1, d.leasePriceUsdPerHour(), 0);
        assertEquals(0.05, d.leasePriceDeclinePerYear(), 0);
        assertFalse(d.energyIncluded());
        assertEquals(600.0, d.averagePowerW().getAsDouble(), 0);
    }

    @Test
    void read_leasedWithoutPrice_takesCatalogLeasePrice() throws Exception {
        Scenario s = Fixtures.read(dir, Fixtures.HEAD + """
                deployments:
                  - id: l
                    accelerator: chip-a
                    site: hot
                    ownership: leased
                    size: { count: 1000 }
                    start: 2026-07
                """);
        assertEquals(2.5, s.deployments().get(0).leasePriceUsdPerHour(), 0);
    }

    @Test
    void read_inlineOverrides_replaceFieldsAndAddEntries() throws Exception {
        Scenario s = Fixtures.read(dir, Fixtures.HEAD + """
                accelerators:
                  chip-a: { capex: 60000 USD }
                  chip-new:
                    name: New
                    vendor: Lab
                    bf16: 10 TFLOPS
                    hbm: 16 GB
                    tdp: 100 W
                    all-in-power: 200 W
                    idle-fraction: 0.1
                    capex: 1000 USD
                    useful-life: 3 years
                    afr: 0.02
                    repair-time: 24 h
                    replacement-cost: 1
                    embodied-carbon: 100 kgCO2e
                sites:
                  hot: { electricity-price: 50 USD/MWh }
                deployments:
                  - id: d
                    accelerator: chip-new
                    site: hot
                    size: { count: 10 }
                    start: 2026-07
                """);
        Accelerator a = s.accelerators().get("chip-a");
        assertEquals(60_000.0, a.capexUsd(), 0);
        assertEquals(Provenance.UNSOURCED, a.provenance().get("capex"));
        // the fields not overridden keep the catalog's values and sources
        assertEquals(Confidence.OFFICIAL, a.provenance().get("bf16").confidence());
        assertEquals(2000.0, a.allInW(), 0);
        assertEquals(10.0, s.accelerators().get("chip-new").bf16Tflops(), 0);
        assertEquals(50.0, s.sites().get("hot").electricityUsdPerMwh(), 0);
        assertEquals(400.0, s.sites().get("hot").gridGPerKwh(), 0);
    }

    @Test
    void read_uncertainty_parametersInBaseUnits() throws Exception {
        Scenario s = Fixtures.read(dir, Fixtures.HEAD + """
                deployments:
                  - id: d
                    accelerator: chip-a
                    site: hot
                    size: { count: 10 }
                    start: 2027-07
                    utilization: 0.7
                uncertainty:
                  accelerators.chip-a.capex: { pert: [45000 USD, 55000 USD, 70000 USD] }
                  sites.hot.electricity-price: { triangular: [0.045 USD/kWh, 60 USD/MWh, 90 USD/MWh] }
                  sites.hot.pue: { normal: [1.25, 0.03], min: 1.1, max: 1.5 }
                  accelerators.chip-a.afr: { lognormal: [0.05, 0.3] }
                  deployments.d.start: { uniform: [0 months, 12 months], shift: true }
                  deployments.d.utilization: { choice: [0.6, 0.7, 0.8], weights: [1, 2, 1] }
                monte-carlo: { runs: 500, seed: 7, quantiles: [0.1, 0.5, 0.9] }
                """);
        assertEquals(6, s.uncertainty().size());
        assertEquals("accelerators.chip-a.capex", s.uncertainty().get(0).path());
        InputDistribution capex = s.uncertainty().get(0).distribution();
        assertEquals(DistributionKind.PERT, capex.kind());
        assertArrayEquals(new double[] {45000, 55000, 70000}, capex.parameters(), 0);
        // 0.045 USD/kWh = 45 USD/MWh
        assertArrayEquals(new double[] {45, 60, 90}, s.uncertainty().get(1).distribution().parameters(), 0);
        InputDistribution pue = s.uncertainty().get(2).distribution();
        assertEquals(1.1, pue.min(), 0);
        assertEquals(1.5, pue.max(), 0);
        // an unbounded lognormal on a field valid in [0, 1) is truncated to that range
        InputDistribution afr = s.uncertainty().get(3).distribution();
        assertEquals(0.0, afr.min(), 0);
        assertEquals(1.0, afr.max(), 0);
        InputDistribution start = s.uncertainty().get(4).distribution();
        assertTrue(start.shift());
        // 12 months from the nominal start 2027-07-01: to 2028-07-01, 366 d = 8,784 h
        assertArrayEquals(new double[] {0, 8784}, start.parameters(), 0);
        InputDistribution util = s.uncertainty().get(5).distribution();
        assertArrayEquals(new double[] {1, 2, 1}, util.weights(), 0);
        assertEquals(new MonteCarloSettings(500, 7, new double[] {0.1, 0.5, 0.9}), s.monteCarlo());
    }

    @Test
    void read_file_originHasPathAndSha256() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, MINIMAL);
        Scenario s = new ScenarioReader().read(file);
        assertEquals(file.toString(), s.origin().get().location());
        assertEquals(ScenarioReader.sha256(Files.readAllBytes(file)), s.origin().get().sha256());
        assertEquals(64, s.origin().get().sha256().length());
    }

    @Test
    void readNamedOrPath_existingFile_winsOverBuiltInNames() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, MINIMAL);
        assertEquals("test", new ScenarioReader().readNamedOrPath(file.toString()).name());
    }

    @Test
    void readBuiltIn_unknownName_listsBuiltInNames() {
        io.fleetcast.model.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.fleetcast.model.ScenarioException.class, () -> new ScenarioReader().readNamedOrPath("no-such-scenario"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).expected().startsWith("no such file, and no built-in scenario of that name (built-in: "),
                e.getMessage());
    }
}
