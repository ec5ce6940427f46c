package io.fleetcast.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhResultReaderTest {

    static List<JmhResult> sample() {
        InputStream in = JmhResultReaderTest.class.getResourceAsStream("result-sample.json");
        return JmhResultReader.read(in, "result-sample.json");
    }

    @Test
    void read_sampleFile_givesEveryResultWithScoreErrorAndUnit() {
        List<JmhResult> results = sample();

        assertEquals(3, results.size());
        JmhResult simulate = results.get(0);
        assertEquals("io.fleetcast.bench.report.AnnotatedSample.simulate", simulate.benchmark());
        assertEquals("thrpt", simulate.mode());
        assertEquals(Map.of("devices", "10000000"), simulate.params());
        assertEquals(4.2e7, simulate.primary().score());
        assertEquals(1.1e6, simulate.primary().error());
        assertEquals("ops/s", simulate.primary().unit());
        assertEquals(List.of("--add-modules", "jdk.incubator.vector", "-Xmx256m"), simulate.settings().jvmArgs());
        assertEquals("25+36-LTS", simulate.jvm().vmVersion());
        assertEquals(3, simulate.settings().measurementIterations());
    }

    @Test
    void read_secondaryMetrics_keptByNameInFileOrder() {
        JmhResult simulate = sample().get(0);

        assertEquals(List.of("gc.alloc.rate", "gc.alloc.rate.norm"), List.copyOf(simulate.secondary().keySet()));
        assertEquals(0.0125, simulate.secondary().get("gc.alloc.rate.norm").score());
        assertEquals("B/op", simulate.secondary().get("gc.alloc.rate.norm").unit());
    }

    @Test
    void read_singleIteration_errorWrittenAsNaNStringIsNaN() {
        JmhResult single = sample().get(2);

        assertTrue(Double.isNaN(single.primary().error()));
        assertEquals(250.0, single.primary().score());
    }

    @Test
    void key_paramsInAnyFileOrder_sortedByName() {
        // The file lists size before layout; the key sorts them so a reordered baseline still matches.
        JmhResult single = sample().get(2);

        assertEquals("io.fleetcast.bench.report.AnnotatedSample.unannotated{layout=dense,size=4096}", single.key());
        assertEquals("report.AnnotatedSample.unannotated", single.shortName());
    }

    @Test
    void read_truncatedJson_namesFileAndLine() {
        String text = "[\n  { \"benchmark\" : \"x\",\n";
        ReportInputException e = assertThrows(ReportInputException.class,
                () -> JmhResultReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "broken.json"));

        assertTrue(e.getMessage().startsWith("broken.json: not valid JSON at line"), e.getMessage());
    }

    @Test
    void read_objectInsteadOfArray_saysWhatWasExpected() {
        String text = "{\"benchmark\": \"x\"}";
        ReportInputException e = assertThrows(ReportInputException.class,
                () -> JmhResultReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "odd.json"));

        assertEquals("odd.json: expected a JSON array of JMH results, found OBJECT", e.getMessage());
    }

    @Test
    void read_entryWithoutPrimaryMetric_namesTheEntry() {
        String text = "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\"}]";
        ReportInputException e = assertThrows(ReportInputException.class,
                () -> JmhResultReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "r.json"));

        assertEquals("r.json[0].primaryMetric: missing (is this a JMH result file?)", e.getMessage());
    }

    @Test
    void read_missingFile_namesIt() {
        ReportInputException e = assertThrows(ReportInputException.class,
                () -> JmhResultReader.read(Path.of("no/such/jmh-result.json")));

        assertTrue(e.getMessage().startsWith("no/such/jmh-result.json: no such file"), e.getMessage());
    }
}
