package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code fleetcast serve}'s options: bad limits are bad usage (exit 2, no stack trace); the help lists the limits. */
class ServeCommandTest {

    @Test
    void call_zeroConcurrentJobs_exit2NamingTheLimit() {
        CliResult r = CliResult.run("serve", "--port", "0", "--max-jobs", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("concurrent jobs must be positive"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void help_listsEveryLimit() {
        CliResult r = CliResult.run("serve", "--help");
        assertEquals(ExitCodes.OK, r.code());
        for (String option : new String[] {"--port", "--bind", "--token", "--max-body-bytes", "--max-devices", "--max-runs",
            "--max-jobs", "--max-queued-jobs", "--time-budget", "--job-retention", "--max-kept-jobs"}) {
            assertTrue(r.out().contains(option), option + " missing from\n" + r.out());
        }
    }
}
