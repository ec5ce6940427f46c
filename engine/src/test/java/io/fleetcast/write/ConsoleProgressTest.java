package io.fleetcast.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;
    private final ConsoleProgress progress = new ConsoleProgress(out, () -> now);

    @Test
    void advance_withinTheFirstSecond_drawsNothing() {
        progress.begin("runs", 10);
        now = 900_000_000L;
        progress.advance(9);
        progress.end();
        assertEquals("", text());
    }

    @Test
    void advance_afterOneSecond_drawsBarWithPercent() {
        progress.begin("runs", 4);
        now = 1_500_000_000L;
        progress.advance(1);
        // 1 of 4 = 25 %: round(0.25 * 30) = 8 of 30 cells filled, 1.5 s elapsed
        assertEquals("\rruns [########......................]  25%  1.5 s", text());
    }

    @Test
    void advance_manyCallsWithinTenthOfSecond_drawsOnce() {
        progress.begin("runs", 100);
        now = 2_000_000_000L;
        progress.advance(1);
        now += 50_000_000L;
        progress.advance(1);
        progress.advance(1);
        assertEquals(1, text().chars().filter(c -> c == '\r').count());
    }

    @Test
    void end_afterDrawing_clearsTheLine() {
        progress.begin("x", 2);
        now = 1_200_000_000L;
        progress.advance(1);
        int drawn = text().length() - 1;
        progress.end();
        assertTrue(text().endsWith("\r" + " ".repeat(drawn) + "\r"));
    }

    @Test
    void isCi_ciVariable_trueUnlessFalse() {
        assertTrue(ConsoleProgress.isCi(Map.of("CI", "true")));
        assertFalse(ConsoleProgress.isCi(Map.of("CI", "false")));
        assertFalse(ConsoleProgress.isCi(Map.of()));
    }

    @Test
    void forStandardError_quiet_isSilent() {
        assertSame(ProgressListener.NONE, ConsoleProgress.forStandardError(true));
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
