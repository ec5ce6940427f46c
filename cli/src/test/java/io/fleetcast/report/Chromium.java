package io.fleetcast.report;

import io.fleetcast.write.ConsoleProgress;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for tests: opens a local HTML file with networking, GPU, sync and updates off, in
 * a fresh profile, and returns its screenshot, its console output, and the position of every chart
 * image on the page.
 *
 * <p>Positions come from a probe: a copy of the page with a small script that, once loaded, writes each
 * {@code img.chart}'s box and natural size into attributes that {@code --dump-dom} then prints. The
 * report itself has no script; the screenshot is taken of the original page, at the same window width
 * and a height that fits the whole page, so the boxes match.
 *
 * <p>Availability: the binary named by {@code FLEETCAST_CHROMIUM}, else {@code /usr/bin/chromium}
 * (Debian's package), else {@code chromium} or {@code chromium-browser} on the {@code PATH}. Without one the calling test is skipped, except on CI ({@code CI=true}),
 * where it fails: CI installs chromium (see {@code .ci/run}) and must not pass by skipping.
 */
final class Chromium {

    /** Where Debian's chromium package puts the browser. */
    static final String DEFAULT_BINARY = "/usr/bin/chromium";
    static final int WIDTH = 1280;
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern RECT = Pattern.compile(
            "<img[^>]*class=\"chart\"[^>]*data-rect=\"([-0-9.]+),([-0-9.]+),([-0-9.]+),([-0-9.]+),([0-9]+)\"[^>]*>");
    private static final Pattern HEIGHT = Pattern.compile("data-page-height=\"([0-9.]+)\"");

    /** A chart image's box on the page, CSS pixels (device scale 1), and its decoded width (0: broken). */
    record Box(double x, double y, double width, double height, int naturalWidth) {
    }

    /** What a page load produced. */
    record Page(BufferedImage screenshot, List<Box> charts, String console) {
    }

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /**
     * The browser, or a skipped test when there is none outside CI.
     *
     * @return the browser
     */
    static Chromium requireOrSkip() {
        String configured = System.getenv("FLEETCAST_CHROMIUM");
        Path binary = Path.of(configured != null && !configured.isBlank() ? configured : DEFAULT_BINARY);
        if (!Files.isExecutable(binary) && (configured == null || configured.isBlank())) {
            binary = onPath("chromium").orElse(onPath("chromium-browser").orElse(binary));
        }
        boolean present = Files.isExecutable(binary);
        if (!present) {
            if (ConsoleProgress.isCi(System.getenv())) {
                fail("chromium is not installed at " + binary + " but CI is set: the browser check must run on CI "
                        + "(.ci/run installs it with: apt-get install -y chromium)");
            }
            Assumptions.assumeTrue(false, "chromium not installed at " + binary + " (and not on CI): browser check skipped");
        }
        return new Chromium(binary);
    }

    /**
     * Loads a page, finds its charts and takes a screenshot of all of it.
     *
     * @param html the page (a local file)
     * @param work a scratch folder for the probe copy, profiles and the screenshot
     * @return screenshot, chart boxes and console output of the original page
     * @throws IOException          when the browser cannot be started or its output read
     * @throws InterruptedException when interrupted while waiting
     */
    Page open(Path html, Path work) throws IOException, InterruptedException {
        Path probe = work.resolve("probe-" + html.getFileName());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        String script = "<script>window.addEventListener('load', function () {"
                + "document.querySelectorAll('img.chart').forEach(function (i) {"
                + "var r = i.getBoundingClientRect();"
                + "i.setAttribute('data-rect', [r.left, r.top + window.scrollY, r.width, r.height, i.naturalWidth].join(','));});"
                + "document.body.setAttribute('data-page-height', document.documentElement.scrollHeight);});</script>";
        Files.writeString(probe, page.replace("</body>", script + "</body>"), StandardCharsets.UTF_8);
        Result dom = run(work, List.of("--window-size=" + WIDTH + ",2000", "--dump-dom", probe.toUri().toString()));
        List<Box> boxes = new ArrayList<>();
        Matcher m = RECT.matcher(dom.stdout);
        while (m.find()) {
            boxes.add(new Box(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)), Integer.parseInt(m.group(5))));
        }
        Matcher h = HEIGHT.matcher(dom.stdout);
        assertTrue(h.find(), "the probe did not run: " + dom.stderr);
        int height = (int) Math.ceil(Double.parseDouble(h.group(1)));
        // the layout at 2000 px and at the full height is the same: the page has no viewport-height units
        Path png = work.resolve("screenshot.png");
        Result shot = run(work, List.of("--window-size=" + WIDTH + "," + height, "--screenshot=" + png,
                html.toUri().toString()));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, "no screenshot was written: " + shot.stderr);
        return new Page(image, boxes, shot.stderr);
    }

    private record Result(String stdout, String stderr) {
    }

    private Result run(Path work, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile-");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path out = work.resolve("stdout-" + System.nanoTime() + ".txt");
        Path err = work.resolve("stderr-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
            }
        } finally {
            p.destroyForcibly();
            deleteTree(profile);
        }
        return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The console messages in chromium's log. Chromium logs every console message (errors, warnings,
     * uncaught exceptions) as {@code INFO:CONSOLE}, without its level, and the report runs no script
     * of its own, so any console line at all is a fault. (A failed image load is not logged; the
     * probe's natural widths catch it.)
     *
     * @param log chromium's stderr with {@code --enable-logging=stderr}
     * @return the console lines
     */
    static List<String> consoleMessages(String log) {
        List<String> bad = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.contains(":CONSOLE") || line.contains("Uncaught")) {
                bad.add(line);
            }
        }
        return bad;
    }

    /**
     * Share of the pixels inside a box that are not near-white: a rendered chart is well above a few
     * percent (axes, labels, filled areas); a broken or empty image is 0.
     */
    static double inkFraction(BufferedImage image, Box box) {
        int x0 = (int) Math.round(box.x());
        int y0 = (int) Math.round(box.y());
        int x1 = Math.min(image.getWidth(), (int) Math.round(box.x() + box.width()));
        int y1 = Math.min(image.getHeight(), (int) Math.round(box.y() + box.height()));
        long ink = 0;
        long all = 0;
        for (int y = Math.max(0, y0); y < y1; y++) {
            for (int x = Math.max(0, x0); x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int min = Math.min((rgb >> 16) & 0xFF, Math.min((rgb >> 8) & 0xFF, rgb & 0xFF));
                if (min < 235) {
                    ink++;
                }
                all++;
            }
        }
        return all == 0 ? 0 : (double) ink / all;
    }

    private static java.util.Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return java.util.Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // chromium may still be removing its own files; the JUnit temp folder is cleaned later anyway
        }
    }
}
