package io.fleetcast.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a report was made on: numbers without the machine they came from mean nothing.
 * Read from {@code /proc} on Linux; elsewhere the fields say "unknown".
 *
 * @param cpuModel the CPU model name ("AMD EPYC 7B13")
 * @param cpuDetail family, model, stepping, clock and whether it is a virtual machine
 * @param vectorIsa the widest SIMD instruction set the CPU reports (what the Vector API can use)
 * @param caches per-core data cache sizes by level ("L1d 32K, L2 1024K, L3 32768K")
 * @param logicalCores logical cores the JVM sees
 * @param memory total memory ("23.5 GiB")
 * @param os operating system, version and architecture
 * @param loadAverage 1, 5 and 15 minute load averages when the report was written (they include
 *     the benchmark run itself; a quiet machine shows about 1 with one benchmark thread)
 */
public record MachineContext(String cpuModel, String cpuDetail, String vectorIsa, String caches, int logicalCores,
                             String memory, String os, String loadAverage) {

    /**
     * Reads the context of the machine this JVM runs on.
     *
     * @return the context
     */
    public static MachineContext current() {
        String cpuinfo = readOrEmpty(Path.of("/proc/cpuinfo"));
        return new MachineContext(
                cpuModel(cpuinfo),
                cpuDetail(cpuinfo),
                vectorIsa(cpuinfo),
                caches(Path.of("/sys/devices/system/cpu/cpu0/cache")),
                Runtime.getRuntime().availableProcessors(),
                memory(readOrEmpty(Path.of("/proc/meminfo"))),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                loadAverage(readOrEmpty(Path.of("/proc/loadavg"))));
    }

    /**
     * The first {@code model name} in a {@code /proc/cpuinfo} text.
     *
     * @param cpuinfo the file's content
     * @return the model, or "unknown"
     */
    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("model name")) {
                int colon = line.indexOf(':');
                if (colon >= 0) {
                    String model = line.substring(colon + 1).trim();
                    if (!model.isEmpty()) {
                        return model;
                    }
                }
            }
        }
        return "unknown";
    }

    /**
     * Family, model, stepping and clock of the first CPU in a {@code /proc/cpuinfo} text, and
     * "virtual machine" when the {@code hypervisor} flag is set.
     *
     * @param cpuinfo the file's content
     * @return for example "family 25 model 17 stepping 1, 2596 MHz, virtual machine"
     */
    static String cpuDetail(String cpuinfo) {
        String family = field(cpuinfo, "cpu family");
        String model = field(cpuinfo, "model");
        String stepping = field(cpuinfo, "stepping");
        String mhz = field(cpuinfo, "cpu MHz");
        StringBuilder text = new StringBuilder();
        if (family != null) {
            text.append("family ").append(family);
        }
        if (model != null) {
            text.append(text.isEmpty() ? "" : " ").append("model ").append(model);
        }
        if (stepping != null) {
            text.append(text.isEmpty() ? "" : " ").append("stepping ").append(stepping);
        }
        if (mhz != null) {
            int dot = mhz.indexOf('.');
            text.append(text.isEmpty() ? "" : ", ").append(dot > 0 ? mhz.substring(0, dot) : mhz).append(" MHz");
        }
        String flags = field(cpuinfo, "flags");
        if (flags != null && (" " + flags + " ").contains(" hypervisor ")) {
            text.append(text.isEmpty() ? "" : ", ").append("virtual machine");
        }
        return text.isEmpty() ? "unknown" : text.toString();
    }

    /**
     * The widest SIMD extension among the first CPU's flags.
     *
     * @param cpuinfo the {@code /proc/cpuinfo} content
     * @return "AVX-512", "AVX2", "SSE4.2", "NEON/ASIMD" or "unknown"
     */
    static String vectorIsa(String cpuinfo) {
        String flags = field(cpuinfo, "flags");
        if (flags == null) {
            flags = field(cpuinfo, "Features");
        }
        if (flags == null) {
            return "unknown";
        }
        String padded = " " + flags + " ";
        if (padded.contains(" avx512f ")) {
            return "AVX-512 (512-bit vectors)";
        }
        if (padded.contains(" avx2 ")) {
            return "AVX2 (256-bit vectors)";
        }
        if (padded.contains(" sse4_2 ")) {
            return "SSE4.2 (128-bit vectors)";
        }
        if (padded.contains(" asimd ")) {
            return "NEON/ASIMD (128-bit vectors)";
        }
        return "unknown";
    }

    /**
     * The data and unified caches of one CPU from sysfs ({@code index*&#47;level}, {@code type},
     * {@code size}).
     *
     * @param cacheDir {@code /sys/devices/system/cpu/cpu0/cache}
     * @return for example "L1d 32K, L2 1024K, L3 32768K", or "unknown"
     */
    static String caches(Path cacheDir) {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < 8; index++) {
            Path dir = cacheDir.resolve("index" + index);
            String level = readOrEmpty(dir.resolve("level")).trim();
            String type = readOrEmpty(dir.resolve("type")).trim();
            String size = readOrEmpty(dir.resolve("size")).trim();
            if (level.isEmpty() || size.isEmpty() || "Instruction".equals(type)) {
                continue;
            }
            text.append(text.isEmpty() ? "" : ", ").append('L').append(level).append("Data".equals(type) ? "d" : "")
                    .append(' ').append(size);
        }
        return text.isEmpty() ? "unknown" : text.toString();
    }

    /** The value of the first "name : value" line whose name is exactly {@code name}. */
    private static String field(String cpuinfo, String name) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /**
     * {@code MemTotal} of a {@code /proc/meminfo} text in GiB.
     *
     * @param meminfo the file's content
     * @return for example "23.5 GiB", or "unknown"
     */
    static String memory(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                try {
                    double kib = Double.parseDouble(parts[0]);
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / (1024.0 * 1024.0));
                } catch (NumberFormatException e) {
                    return "unknown";
                }
            }
        }
        return "unknown";
    }

    /**
     * The first three fields of {@code /proc/loadavg}.
     *
     * @param loadavg the file's content
     * @return for example "1.02 0.85 0.60", or "unknown"
     */
    static String loadAverage(String loadavg) {
        String[] parts = loadavg.trim().split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
