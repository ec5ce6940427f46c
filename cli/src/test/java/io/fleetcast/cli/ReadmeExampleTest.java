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
 * After a deliberate change of output, regenerate the blocks with
 * {@code ./mvnw -pl cli test -Dtest=ReadmeExampleTest -Dfc.updateReadme=true} and review the diff.
 */
class ReadmeExampleTest {

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- readme-(example|excerpt): (.+?) \\(checked by ReadmeExampleTest\\) -->\\s*```\\n(.*?)```\\s*<!-- /readme-\\1 -->",
            Pattern.DOTALL);

    @TestFactory
    List<DynamicTest> readmeBlocks_eachCommand_matchesWhatTheProgramPrints() throws IOException {
        Path file = Path.of("..", "README.md");
        String readme = Files.readString(file, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("fc.updateReadme")) {
            Files.writeString(file, regenerate(readme), StandardCharsets.UTF_8);
            readme = Files.readString(file, StandardCharsets.UTF_8);
        }
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

    /** The README with every block replaced by what its command prints now (an excerpt keeps its line count). */
    private static String regenerate(String readme) {
        Matcher m = BLOCK.matcher(readme);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String printed = print(m.group(2).trim().split("\\s+"));
            String body = printed;
            if (m.group(1).equals("excerpt")) {
                int lines = (int) m.group(3).chars().filter(c -> c == '\n').count();
                int from = printed.length();
                for (int i = 0; i < lines && from > 0; i++) {
                    from = printed.lastIndexOf('\n', from - 2) + 1;
                }
                body = printed.substring(from);
            }
            String block = m.group().replace("```\n" + m.group(3) + "```", "```\n" + body + "```");
            m.appendReplacement(b, Matcher.quoteReplacement(block));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String print(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString().replace("\r\n", "\n");
    }

    private static void check(String[] args, String expected, boolean exact) {
        String printed = print(args);
        String hint = "README block is stale: regenerate it with ./fleetcast " + String.join(" ", args);
        if (exact) {
            assertEquals(expected, printed, hint);
        } else {
            assertTrue(printed.endsWith(expected), hint + "\nprinted:\n" + printed);
        }
    }
}
