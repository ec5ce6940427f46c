package io.fleetcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the README true: its worked example must be what the program prints today. */
class ReadmeExampleTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- readme-example: (.+?) \\(checked by ReadmeExampleTest\\) -->\\s*```\\n(.*?)```\\s*<!-- /readme-example -->",
            Pattern.DOTALL);

    @Test
    void readmeExample_runAmdScenario_matchesWhatTheProgramPrints() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = EXAMPLE.matcher(readme);
        assertTrue(m.find(), "README.md has no checked example block");
        String[] args = m.group(1).trim().split("\\s+");
        String expected = m.group(2);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(0, code, err.toString());
        assertEquals(expected, out.toString().replace("\r\n", "\n"),
                "README example is stale: regenerate it with ./fleetcast " + String.join(" ", args));
    }
}
