package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the README true: each block marked {@code readme-example} must be exactly what the program prints
 * today for the command in its marker, and each {@code readme-excerpt} must be the end of what it prints.
 */
class ReadmeExampleTest {

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- readme-(example|excerpt): (.+?) \\(checked by ReadmeExampleTest\\) -->\\s*```\\n(.*?)```\\s*<!-- /readme-\\1 -->",
            Pattern.DOTALL);

    @TestFactory
    List<DynamicTest> readmeBlocks_eachCommand_matchesWhatTheProgramPrints() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(readme);
        List<DynamicTest> tests = new ArrayList<>();
        while (m.find()) {
            boolean exact = m.group(1).equals("example");
            String[] args = m.group(2).trim().split("\\s+");
            String expected = m.group(3);
            tests.add(DynamicTest.dynamicTest(m.group(2), () -> check(args, expected, exact)));
        }
        assertFalse(tests.isEmpty(), "README.md has no checked example block");
        return tests;
    }

    private static void check(String[] args, String expected, boolean exact) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        String printed = out.toString().replace("\r\n", "\n");
        String hint = "README block is stale: regenerate it with ./fleetcast " + String.join(" ", args);
        if (exact) {
            assertEquals(expected, printed, hint);
        } else {
            assertTrue(printed.endsWith(expected), hint + "\nprinted:\n" + printed);
        }
    }
}
