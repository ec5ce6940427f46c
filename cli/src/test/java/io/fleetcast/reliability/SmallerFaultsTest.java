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
    void validate_aliasOfAMappingWhereANumberBelongs_locatedAtTheAliasNotTheAnchor() throws Exception {
        // line 8 holds the anchor (&pair), line 16 the use: "    utilization: " is 17 characters, the alias column 18
        Path s = Cli.scenario(dir, "sites-file: sites.yaml", "sites-file: sites.yaml\nextra-anchor: &pair { a: 1 }",
                "utilization: 0.5", "utilization: *pair");
        Cli.Result r = Cli.run("validate", s.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("crash.yaml:16:18: deployments[0].utilization"), r.err());
    }

    @Test
    void run_runsWithoutAnUncertaintyBlock_warnsThatEveryRunIsTheSame() throws Exception {
        Path s = Cli.scenario(dir);
        Cli.Result r = Cli.run("run", s.toString(), "--runs", "5", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: crash has no uncertainty: block, so its 5 expected runs are identical"), r.out());
    }

    @Test
    void sensitivity_tooFewRuns_oneRuleOneMessage() throws Exception {
        // k uncertain inputs need k + 2 runs (more than the inputs + 1), whether 2 or k + 1 runs are asked for
        int k = io.fleetcast.analyse.UncertainInputs.of(io.fleetcast.Fleetcast.builtIn("amd-openai-6gw")).size();
        for (int runs : new int[] {2, k + 1}) {
            Cli.Result r = Cli.run("sensitivity", "amd-openai-6gw", "--metric", "tco_usd", "--runs", Integer.toString(runs), "--quiet");
            assertEquals(2, r.code(), r.err());
            assertEquals("fleetcast: --runs " + runs + ": the regression of " + k + " inputs needs at least " + (k + 2)
                    + " runs (more than the inputs + 1)", r.err().strip());
        }
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
