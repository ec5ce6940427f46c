package io.fleetcast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.simulate.AgeTable;
import io.fleetcast.simulate.AgeTables;
import io.fleetcast.write.HumanUnits;
import io.fleetcast.write.Numbers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability class 3, "crashes with raw Java text" (issue #9): each of the seven cases ends with a message
 * for people (the range that works, or what overflowed), never a Java exception name or a stack trace.
 */
class RawJavaCrashesTest {

    @TempDir
    Path dir;

    private static void assertClean(Cli.Result r, int code, String contains) {
        assertEquals(code, r.code(), r.err());
        assertFalse(r.rawJava(), r.err());
        assertTrue(r.err().contains(contains), r.err());
    }

    @Test
    void run_repairTimeOfOneHundredBillionHours_rejectedAtValidationWithTheRange() throws Exception {
        Path s = Cli.scenario(dir, "repair-time: 72 h", "repair-time: 1e11 h");
        assertClean(Cli.run("run", s.toString(), "--quiet"), 2, "accelerators[0].repair-time: out of range; expected a duration"
                + " (s, min, h, d, w, months, month, years, year, y) >= 0 and at most 1000 years (got: 1e11 h)");
    }

    @Test
    void ageTable_repairLongerThanTheTable_finiteAndEveryFailedDeviceStaysDown() {
        // the source of the ArrayIndexOutOfBoundsException: a lag of 1e11 h overflowed an int and read outside the
        // table; the YAML and the engine now bound repair-time to 1000 years, but the table itself must cope
        double rate = -Math.log(0.5) / 8766; // AFR 50 %/year
        AgeTable t = AgeTables.exponential(rate, 1e11, 2 * 8766);
        // no repair ends within two years: up-hours are those of a device that fails once for good,
        // integral of exp(-rate a) over [0, 2 years) = (1 - 0.25) / rate
        assertEquals((1 - 0.25) / rate, t.up(2 * 8766), 1e-6 * 8766);
        assertTrue(Double.isFinite(t.upIntegralCapped(2 * 8766, Double.POSITIVE_INFINITY)));
    }

    @Test
    void run_electricityEscalationOf1e300PercentPerYear_rejectedAtValidationWithTheRange() throws Exception {
        Path s = Cli.scenario(dir, "electricity-escalation: 0 %/year", "electricity-escalation: 1e300 %/year");
        assertClean(Cli.run("run", s.toString(), "--quiet"), 2, "sites[0].electricity-escalation: out of range; expected a"
                + " yearly rate (%/year, 1/year) in (-100 %/year, 1000 %/year] (got: 1e300 %/year)");
    }

    @Test
    void run_escalationAtTheTopOfItsRangeOver200Years_projectsFinite() throws Exception {
        Path s = Cli.scenario(dir, "electricity-escalation: 0 %/year", "electricity-escalation: 1000 %/year",
                "horizon: 36 months", "horizon: 200 years", "step: month", "step: year");
        Cli.Result r = Cli.run("run", s.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void run_utilizationOf1e320_cleanOverflowMessageNamingTheFigure() throws Exception {
        Path s = Cli.scenario(dir, "utilization: 0.5", "utilization: 1e-320");
        Cli.Result r = Cli.run("run", s.toString(), "--quiet", "--out", dir.resolve("out").toString());
        assertClean(r, 2, "the projection is beyond what a double holds: $/EFLOP is Infinity");
        assertFalse(r.out().contains("Infinity"), r.out());
        assertFalse(java.nio.file.Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void run_thousandYearHourlyHorizonWithOut_rejectedAtValidationAtOnce() throws Exception {
        Path s = Cli.scenario(dir, "horizon: 36 months", "horizon: 1000 years", "step: month", "step: hour");
        Cli.Result r = Cli.run("run", s.toString(), "--quiet", "--out", dir.resolve("out").toString());
        assertClean(r, 2, "horizon: out of range; expected a duration (s, min, h, d, w, months, month, years, year, y)"
                + " > 0 and at most 200 years (got: 1000 years)");
        assertTrue(r.millis() < 10_000, r.millis() + " ms");
    }

    @Test
    void run_tenMillionRuns_refusedBeforeAnyWorkWithTheEstimate() {
        Cli.Result r = Cli.run("run", "amd-openai-6gw", "--runs", "10000000", "--quiet");
        assertClean(r, 2, "10000000 runs need about ");
        assertTrue(r.err().contains("use at most about"), r.err());
        assertTrue(r.millis() < 10_000, r.millis() + " ms");
    }

    @Test
    void run_aBillionRuns_refusedWithTheEstimateNotAnOverflow() {
        Cli.Result r = Cli.run("run", "amd-openai-6gw", "--runs", "1000000000", "--quiet");
        assertClean(r, 2, "1000000000 runs need about ");
        assertFalse(r.err().contains("overflow"), r.err());
    }

    @Test
    void run_hundredThousandThreads_refusedWithTheRangeOfThisMachine() {
        int max = 8 * Runtime.getRuntime().availableProcessors();
        Cli.Result r = Cli.run("run", "amd-openai-6gw", "--runs", "10", "--threads", "100000", "--quiet");
        assertClean(r, 2, "--threads 100000: expected 1 to " + max);
        assertEquals("", r.out());
    }

    @Test
    void format_extremeMagnitudes_engineeringNotationNotHundredsOfDigits() {
        assertEquals("1.00e300", HumanUnits.significant(1e300));
        assertEquals("908e-315", HumanUnits.significant(9.0762220585E-313)); // 907.6e-315: exponent a multiple of 3
        assertEquals("-123e18", HumanUnits.significant(-1.23e20));
        assertEquals("1E+300", Numbers.exact(1e300));
        assertEquals(1e300, Double.parseDouble(Numbers.exact(1e300)));
        assertEquals(9.0762220585E-313, Double.parseDouble(Numbers.exact(9.0762220585E-313)));
        assertEquals("6000", Numbers.exact(6000));
        assertEquals("0.1", Numbers.exact(0.1));
    }
}
