package io.fleetcast.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainInfoTest {

    @Test
    void of_annotatedMethod_unitAndTarget() {
        DomainInfo info = DomainInfo.of("io.fleetcast.bench.report.AnnotatedSample.simulate");

        assertEquals("devices", info.unit());
        assertEquals(100e6, info.target().minPerSecond());
    }

    @Test
    void of_unannotatedOrUnknownMethod_plainOpsNoTarget() {
        assertEquals("ops", DomainInfo.of("io.fleetcast.bench.report.AnnotatedSample.unannotated").unit());
        assertNull(DomainInfo.of("io.fleetcast.bench.report.AnnotatedSample.unannotated").target());
        assertEquals("ops", DomainInfo.of("io.fleetcast.bench.Gone.method").unit());
    }

    @Test
    void rate_auxCounter_countedUnitsPerSecondAndBytesPerUnit() {
        // 4 invocations/s, each of 2.5 M devices: the counter reads 10 M devices/s; the GC profiler's
        // 80 B per invocation is 80 / 2.5e6 = 3.2e-5 B per device.
        JmhResult.RunSettings settings = new JmhResult.RunSettings("1.37", 1, 1, 1, "1 s", 1, "1 s", List.of());
        JmhResult result = new JmhResult("io.fleetcast.bench.report.AnnotatedSample.simulateCounted", "thrpt", Map.of(),
                new JmhResult.Metric(4, 0.1, "ops/s"),
                Map.of("devices", new JmhResult.Metric(10e6, 1e5, "ops/s"),
                        "gc.alloc.rate.norm", new JmhResult.Metric(80, 1, "B/op")),
                settings, new JmhResult.JvmInfo("java", "25", "vm", "25"));
        DomainInfo info = DomainInfo.of(result.benchmark());

        assertEquals(10e6, info.rate(result), 1e-6);
        assertEquals(3.2e-5, info.bytesPerUnit(result), 1e-12);
        assertEquals("device", info.singular());
    }

    @Test
    void rate_counterMissingFromResult_fallsBackToPrimary() {
        JmhResult.RunSettings settings = new JmhResult.RunSettings("1.37", 1, 1, 1, "1 s", 1, "1 s", List.of());
        JmhResult result = new JmhResult("io.fleetcast.bench.report.AnnotatedSample.simulateCounted", "thrpt", Map.of(),
                new JmhResult.Metric(4, 0.1, "ops/s"), Map.of(), settings, new JmhResult.JvmInfo("java", "25", "vm", "25"));

        assertEquals(4.0, DomainInfo.of(result.benchmark()).rate(result), 1e-12);
    }

    @Test
    void matches_filterPairs_allMustBePresent() {
        Map<String, String> params = Map.of("devices", "10000000", "kernel", "vector");

        assertTrue(DomainInfo.matches("", params));
        assertTrue(DomainInfo.matches("devices=10000000", params));
        assertTrue(DomainInfo.matches("devices=10000000, kernel=vector", params));
        assertFalse(DomainInfo.matches("devices=1000000", params));
        assertFalse(DomainInfo.matches("periods=120", params));
    }
}
