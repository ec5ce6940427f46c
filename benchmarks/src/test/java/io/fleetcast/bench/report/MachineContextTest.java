package io.fleetcast.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineContextTest {

    @Test
    void cpuModel_procCpuinfo_firstModelName() {
        String cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n";

        assertEquals("AMD EPYC 7B13", MachineContext.cpuModel(cpuinfo));
    }

    @Test
    void cpuModel_noModelLine_unknown() {
        assertEquals("unknown", MachineContext.cpuModel("processor : 0\n"));
    }

    @Test
    void cpuDetail_zen4Guest_familyModelClockAndVm() {
        String cpuinfo = "cpu family\t: 25\nmodel\t\t: 17\nmodel name\t: AMD EPYC\nstepping\t: 1\n"
                + "cpu MHz\t\t: 2596.138\nflags\t\t: fpu avx2 avx512f hypervisor\n";

        assertEquals("family 25 model 17 stepping 1, 2596 MHz, virtual machine", MachineContext.cpuDetail(cpuinfo));
        assertEquals("AVX-512 (512-bit vectors)", MachineContext.vectorIsa(cpuinfo));
    }

    @Test
    void vectorIsa_avx2Only_avx2() {
        assertEquals("AVX2 (256-bit vectors)", MachineContext.vectorIsa("flags\t: sse4_2 avx avx2 fma\n"));
        assertEquals("unknown", MachineContext.vectorIsa("processor : 0\n"));
    }

    @Test
    void caches_sysfsLayout_dataAndUnifiedLevels(@TempDir Path dir) throws IOException {
        cache(dir, 0, "1", "Data", "32K");
        cache(dir, 1, "1", "Instruction", "32K");
        cache(dir, 2, "2", "Unified", "1024K");
        cache(dir, 3, "3", "Unified", "32768K");

        assertEquals("L1d 32K, L2 1024K, L3 32768K", MachineContext.caches(dir));
        assertEquals("unknown", MachineContext.caches(dir.resolve("absent")));
    }

    private static void cache(Path dir, int index, String level, String type, String size) throws IOException {
        Path d = Files.createDirectories(dir.resolve("index" + index));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
    }

    @Test
    void memory_memTotalInKiB_givenInGiB() {
        // 24,684,544 kB / 1,048,576 = 23.54 GiB
        assertEquals("23.5 GiB", MachineContext.memory("MemTotal:       24684544 kB\nMemFree: 1 kB\n"));
    }

    @Test
    void loadAverage_procLoadavg_firstThreeFields() {
        assertEquals("1.12 0.35 0.13", MachineContext.loadAverage("1.12 0.35 0.13 2/321 4567\n"));
        assertEquals("unknown", MachineContext.loadAverage(""));
    }
}
