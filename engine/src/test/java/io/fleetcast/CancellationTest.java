package io.fleetcast;

import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.analyse.MonteCarlo;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An interrupt of the calling thread stops a simulation and a Monte Carlo (a server's time budget, issue #13): the
 * engine checks it between windows of simulate tasks and between runs. The interrupt is set before the call, so the
 * first check sees it whatever the machine's speed.
 */
class CancellationTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static Scenario fleet() {
        return TestFleets.scenario(2026, 1, 12).deployment(TestFleets.deployment("fleet").count(1_000_000)).build();
    }

    @Test
    void project_simulateWithTheCallerInterrupted_cancelled() {
        Thread.currentThread().interrupt();
        CancellationException e = assertThrows(CancellationException.class, () -> Fleetcast.project(fleet(), Mode.SIMULATE, 1));
        assertTrue(e.getMessage().contains("simulation interrupted"), e.getMessage());
    }

    @Test
    void monteCarlo_withTheCallerInterrupted_cancelled() {
        Thread.currentThread().interrupt();
        RuntimeException e = assertThrows(RuntimeException.class, () -> MonteCarlo.run(fleet(), Mode.EXPECTED,
                new MonteCarloSettings(1000, 1, MonteCarloSettings.DEFAULT_QUANTILES), 2));
        // the worker's CancellationException, possibly wrapped by the worker pool
        Throwable t = e;
        while (!(t instanceof CancellationException) && t.getCause() != null) {
            t = t.getCause();
        }
        assertTrue(t instanceof CancellationException, String.valueOf(e));
    }
}
