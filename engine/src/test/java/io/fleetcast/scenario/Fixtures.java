package io.fleetcast.scenario;

import io.fleetcast.model.Problem;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A small catalog and sites written to a folder, and helpers to read scenarios against them. */
final class Fixtures {
    private Fixtures() {
    }

    /** Two accelerators: chip-a (bf16 + fp8, lease price 2.5 USD/h) and chip-b (fp8 only, no lease price). */
    static final String ACCELERATORS = """
            accelerators:
              - id: chip-a
                name: Chip A
                vendor: ACME
                bf16: { value: 1000 TFLOPS, source: "datasheet (https://example.com/a)", confidence: official }
                fp8: 2 PFLOPS
                hbm: 0.192 TB
                tdp: 1 kW
                all-in-power: 2000 W
                idle-fraction: 30 %
                capex: 50000 USD
                useful-life: 6 years
                afr: 5 %/year
                repair-time: 3 d
                replacement-cost: 0.5
                embodied-carbon: 1.5 tCO2e
                lease-price: 2.5 USD/h
              - id: chip-b
                name: Chip B
                vendor: Other
                fp8: 500 TFLOPS
                hbm: 96 GB
                tdp: 500 W
                all-in-power: 750 W
                idle-fraction: 0.2
                capex: 15000 USD
                useful-life: 5 years
                afr: 0.08
                weibull-shape: 1.5
                repair-time: 48 h
                replacement-cost: 1
                embodied-carbon: 900 kgCO2e
            """;

    /** Two sites: hot (12 monthly PUE values, defaults elsewhere) and cold (every optional field given). */
    static final String SITES = """
            sites:
              - id: hot
                name: Hot place
                pue: [1.1, 1.1, 1.2, 1.2, 1.3, 1.4, 1.5, 1.5, 1.3, 1.2, 1.1, 1.1]
                electricity-price: 60 USD/MWh
                grid-intensity: 400 g/kWh
              - id: cold
                name: Cold place
                pue: { value: 1.1, source: "operator report (https://example.com/c)", confidence: reported, note: "annual" }
                design-pue: 1.15
                electricity-price: 0.04 USD/kWh
                electricity-escalation: 2 %/year
                grid-intensity: 30 g/kWh
                grid-intensity-change: -3 %/year
                facility-capex: 10000 USD/kW
                facility-life: 25 years
            """;

    /** The head of a valid scenario using the fixture files (lines 1-6), to which tests append deployments. */
    static final String HEAD = """
            scenario: test
            description: a test scenario
            start: 2026-07
            horizon: 96 months
            accelerators-file: accelerators.yaml
            sites-file: sites.yaml
            """;

    /** Writes the fixture catalog and sites into {@code dir}. */
    static void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("accelerators.yaml"), ACCELERATORS);
        Files.writeString(dir.resolve("sites.yaml"), SITES);
    }

    /** Reads {@code yaml} as a scenario named {@code x.yaml} whose files resolve in {@code dir}. */
    static Scenario read(Path dir, String yaml) throws ScenarioException {
        return new ScenarioReader().readString(yaml, "x.yaml", dir);
    }

    /** The problems reading {@code yaml} reports (fails when it reads without problems). */
    static List<Problem> problems(Path dir, String yaml) {
        return assertThrows(ScenarioException.class, () -> read(dir, yaml)).problems();
    }
}
