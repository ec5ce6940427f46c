package io.fleetcast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reliability class 5, "smaller ones" (issue #9): locations, warnings and messages in words. */
class SmallerFaultsTest {

    @TempDir
    Path dir;

    @Test
    void validate_unclosedQuote_locatedAtTheOpeningQuoteNotTheEndOfFile() throws Exception {
        Path s = Cli.scenario(dir, "description: reliability test", "description: \"never closed");
        Cli.Result r = Cli.run("validate", s.toString());
        assertEquals(2, r.code(), r.err());
        // line 2, "description: " is 13 characters: the quote is column 14
        assertTrue(r.err().contains("crash.yaml:2:14: malformed YAML"), r.err());
    }

    @Test
    void validate_nestedTooDeep_errorHasALine() throws Exception {
        Path s = Cli.scenario(dir, "description: reliability test", "description: " + "[".repeat(40) + "]".repeat(40));
        Cli.Result r = Cli.run("validate", s.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("crash.yaml:2:"), r.err());
        assertTrue(r.err().contains("nested more than 30 levels deep"), r.err());
    }

    @Test
    void run_runsWithoutAnUncertaintyBlock_warnsThatEveryRunIsTheSame() throws Exception {
        Path s = Cli.scenario(dir);
        Cli.Result r = Cli.run("run", s.toString(), "--runs", "5", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: crash has no uncertainty: block, so its 5 expected runs are identical"), r.out());
    }

    @Test
    void sensitivity_tooFewRuns_oneRuleOneMessage() {
        // amd-openai-6gw has 7 uncertain inputs: at least 9 runs
        Cli.Result two = Cli.run("sensitivity", "amd-openai-6gw", "--metric", "tco_usd", "--runs", "2", "--quiet");
        Cli.Result eight = Cli.run("sensitivity", "amd-openai-6gw", "--metric", "tco_usd", "--runs", "8", "--quiet");
        assertEquals(2, two.code(), two.err());
        assertEquals(2, eight.code(), eight.err());
        assertEquals("fleetcast: --runs 2: the regression of 7 inputs needs at least 9 runs (more than the inputs + 1)",
                two.err().strip());
        assertEquals("fleetcast: --runs 8: the regression of 7 inputs needs at least 9 runs (more than the inputs + 1)",
                eight.err().strip());
    }

    @Test
    void run_selfReferencingSymlink_saysSoInsteadOfNoSuchBuiltIn() throws Exception {
        Path link = dir.resolve("loop.yaml");
        Files.createSymbolicLink(link, link.getFileName());
        Cli.Result r = Cli.run("run", link.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("a symbolic link to loop.yaml that loops or leads nowhere"), r.err());
    }

    @Test
    void validate_unreadableFile_permissionDeniedInWords() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads everything");
        Path s = Cli.scenario(dir);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("-w-------"));
        Cli.Result r = Cli.run("validate", s.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cannot read the file: permission denied"), r.err());
        assertFalse(r.rawJava(), r.err());
    }
}
