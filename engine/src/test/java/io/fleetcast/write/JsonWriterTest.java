package io.fleetcast.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Projection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private final Projection projection = WriteFixtures.projection("two-deployments");

    @Test
    void readCube_writtenDocument_equalsTheCubeBitForBit() throws IOException {
        byte[] json = write(ScenarioResult.of(projection));
        MetricCube back = JsonWriter.readCube(new ByteArrayInputStream(json));
        assertEquals(projection.cube(), back);
    }

    @Test
    void write_provenance_versionModeRunsAndTime() throws IOException {
        JsonNode p = tree(ScenarioResult.of(projection)).get("provenance");
        assertEquals("test", p.get("fleetcast_version").asText());
        assertEquals("expected", p.get("mode").asText());
        assertEquals(1, p.get("runs").asInt());
        assertEquals("value", p.get("statistic").asText());
        assertEquals("2026-01-02T03:04:05Z", p.get("generated_at").asText());
        assertTrue(p.get("scenario_sha256").isNull(), "a scenario built in code has no file");
    }

    @Test
    void write_inputs_everyFigureWithSourceAndConfidence() throws IOException {
        JsonNode mi450 = tree(ScenarioResult.of(projection)).at("/inputs/accelerators/mi450");
        assertEquals("AMD", mi450.get("vendor").asText());
        JsonNode capex = mi450.at("/figures/capex");
        assertEquals(55000, capex.get("value").asDouble());
        assertEquals("USD", capex.get("unit").asText());
        assertEquals("estimate", capex.get("confidence").asText());
        assertEquals("AMD press (https://ir.amd.com/x?a=1&b=2)", capex.get("source").asText());
        // a figure the catalog gave without a source
        assertEquals("unsourced", mi450.at("/figures/hbm/confidence").asText());
        // 6 years of 8,766 h
        assertEquals(52596, mi450.at("/figures/useful-life/value").asDouble());
        JsonNode tx = tree(ScenarioResult.of(projection)).at("/inputs/sites/us-tx/figures");
        assertEquals(1.2, tx.at("/pue/value").asDouble());
        assertEquals(66, tx.at("/electricity-price/value").asDouble());
    }

    @Test
    void write_uncertaintyWithoutUpperBound_maxIsNull() throws IOException {
        JsonNode u = tree(ScenarioResult.of(projection)).at("/inputs/uncertainty/0");
        assertEquals("sites.us-tx.pue", u.get("path").asText());
        assertEquals("normal", u.get("distribution").asText());
        assertEquals(1.0, u.get("min").asDouble());
        assertTrue(u.get("max").isNull());
    }

    @Test
    void write_sizing_resolvedCountsAndPowers() throws IOException {
        JsonNode first = tree(ScenarioResult.of(projection)).at("/sizing/0");
        assertEquals("first", first.get("id").asText());
        assertEquals(1000, first.get("count").asLong());
        // 1000 x 2,900 W = 2.9 MW IT; x design PUE 1.25 = 3.625 MW
        assertEquals(2.9, first.get("it_mw").asDouble());
        assertEquals(3.625, first.get("facility_mw").asDouble());
        assertEquals("count", first.at("/size/kind").asText());
    }

    @Test
    void write_bandsAndTornado_blocksPresent() throws IOException {
        MetricCube total = projection.cube(Grouping.TOTAL);
        QuantileBands bands = QuantileBands.ofCubes(new double[] {0.1, 0.9}, List.of(total.scaled(0.5), total.scaled(2)), 200);
        Tornado tornado = new Tornado("total.tco_usd", 100, "P10", "P90", List.of(
                new Tornado.Bar("sites.us-tx.pue", "", 1.1, 1.3, 95, 106),
                new Tornado.Bar("accelerators.mi450.capex", "USD", 45000, 70000, 80, 130)));
        JsonNode root = tree(ScenarioResult.of(projection).withBands(bands).withTornado(tornado));
        assertEquals(200, root.at("/provenance/runs").asInt());
        assertEquals("mean", root.at("/provenance/statistic").asText());
        // installed (metric 0), total, period 0: 2 x (1 + 4/3)
        assertEquals(2 * (1.0 + (1 + 1 / 3.0)), root.at("/bands/quantiles/p90/installed/total/0").asDouble());
        // bars sorted by swing: capex (50) before pue (11)
        assertEquals("accelerators.mi450.capex", root.at("/tornado/bars/0/input").asText());
    }

    @Test
    void write_estimatedBands_exactFalseAndFollowsSchema() throws IOException {
        MetricCube total = projection.cube(Grouping.TOTAL);
        QuantileBands bands = QuantileBands.of(total.grouping(), total.groups(), total.timeline(), 100, false,
                new double[] {0.5}, (q, metric, group, period) -> total.value(metric, group, period), null);
        byte[] json = write(ScenarioResult.of(projection).withBands(bands));
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(false, root.at("/bands/exact").asBoolean(true));
        assertEquals("p2-estimate", root.at("/bands/method").asText());
        io.fleetcast.Schemas.assertValid("results.schema.json", new String(json, java.nio.charset.StandardCharsets.UTF_8),
                "results.json with estimated bands");
    }

    @Test
    void write_compact_sameJsonValueAsIndentedWithoutWhitespace() throws IOException {
        ScenarioResult r = ScenarioResult.of(WriteFixtures.projection("two-deployments"));
        ByteArrayOutputStream compact = new ByteArrayOutputStream();
        JsonWriter.write(r, WriteFixtures.RUN, Grouping.DEPLOYMENT, false, compact);
        byte[] indented = write(r);
        // the same value (numbers compared as the exact texts: both go through Numbers.exact)
        assertEquals(new ObjectMapper().readTree(indented), new ObjectMapper().readTree(compact.toByteArray()));
        String text = compact.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!text.strip().contains("\n"), "no line breaks but the last");
        assertTrue(compact.size() < indented.length, compact.size() + " < " + indented.length);
        // the same scenario again reuses its inputs text: the same bytes
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        JsonWriter.write(r, WriteFixtures.RUN, Grouping.DEPLOYMENT, false, again);
        assertEquals(compact.toString(java.nio.charset.StandardCharsets.UTF_8), again.toString(java.nio.charset.StandardCharsets.UTF_8));
        // another scenario is not answered with the first one's inputs
        ScenarioResult other;
        try {
            other = ScenarioResult.of(io.fleetcast.Fleetcast.project(io.fleetcast.Fleetcast.builtIn("amd-openai-6gw")));
        } catch (io.fleetcast.model.ScenarioException e) {
            throw new AssertionError(e);
        }
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        JsonWriter.write(other, WriteFixtures.RUN, Grouping.DEPLOYMENT, false, third);
        assertEquals(new ObjectMapper().readTree(write(other)), new ObjectMapper().readTree(third.toByteArray()));
    }

    private byte[] write(ScenarioResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonWriter.write(r, WriteFixtures.RUN, out);
        return out.toByteArray();
    }

    private JsonNode tree(ScenarioResult r) throws IOException {
        return new ObjectMapper().readTree(write(r));
    }
}
