package io.fleetcast.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void matches_filterPairs_allMustBePresent() {
        Map<String, String> params = Map.of("devices", "10000000", "kernel", "vector");

        assertTrue(DomainInfo.matches("", params));
        assertTrue(DomainInfo.matches("devices=10000000", params));
        assertTrue(DomainInfo.matches("devices=10000000, kernel=vector", params));
        assertFalse(DomainInfo.matches("devices=1000000", params));
        assertFalse(DomainInfo.matches("periods=120", params));
    }
}
