package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A power cap that delays installs is said by {@code run} (after the sizing) and {@code validate} (a warning). */
class CapNotesTest {

    private static final String SCENARIO = """
            scenario: capped
            description: two GW behind a 1 GW connection until 2028
            start: 2026-07
            horizon: 48 months
            deployments:
              - { id: a, accelerator: mi450, site: us-tx, size: { facility-power: 1 GW }, start: 2026-07, ramp: 6 months }
              - { id: b, accelerator: mi450, site: us-tx, size: { facility-power: 1 GW }, start: 2026-07, ramp: 6 months }
            power-caps:
              us-tx: [ { from: 2026-07, facility-power: %s }, { from: 2028-01, facility-power: 2 GW } ]
            """;

    @Test
    void runAndValidate_capDelaysTheSecondDeployment_saidOnceEach(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("capped.yaml");
        // 1 GW until 2028-01: b (1 GW) cannot start before the step; it starts then with its 6-month ramp,
        // 18 months (2026-07 to 2028-01) late
        Files.writeString(f, SCENARIO.formatted("1 GW"));
        CliResult run = CliResult.run("run", f.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("power cap at us-tx: b first install +18.0 months, last install +18.0 months"), run.out());
        CliResult validate = CliResult.run("validate", f.toString());
        assertEquals(0, validate.code(), validate.err());
        assertTrue(validate.err().contains("warning: " + f + ": power cap at us-tx: b first install +18.0 months"), validate.err());
    }

    @Test
    void validate_sizesAboveTheLastStep_exitTwoNamingTheSite(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("over.yaml");
        Files.writeString(f, SCENARIO.formatted("1 GW").replace("facility-power: 2 GW", "facility-power: 1.5 GW"));
        CliResult validate = CliResult.run("validate", f.toString());
        assertEquals(2, validate.code());
        assertTrue(validate.err().contains("power-caps.us-tx: the deployments at us-tx up to b need 2000.0 MW"), validate.err());
    }
}
