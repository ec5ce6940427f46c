package io.fleetcast.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ScenarioException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CSV and JSON of a small scenario ({@code src/test/resources/golden/small-fleet.yaml}: 1,000 owned
 * and 100 leased round-number GPUs over three months) against files checked in beside it, byte for byte.
 * A change to a writer or to the model shows up here as a diff to review; to accept it, regenerate with
 * {@code ./mvnw -pl engine test -Dtest=GoldenFilesTest -Dfc.updateGolden=true} and commit the files.
 *
 * <p>Hand checks of the owned deployment in January (744 h, utilization 0.5, 1,000 W all-in, idle
 * fraction 0.5, PUE 1.5, 100 USD/MWh, 500 g/kWh, capex 10,000 USD over 5 years = 43,830 h):
 * <ul>
 * <li>IT power = 1,000 x 1,000 W x (0.5 + 0.5 x 0.5) = 0.75 MW; facility = 0.75 x 1.5 = 1.125 MW</li>
 * <li>energy = 1.125 MW x 744 h = 837 MWh; its cost = 837 x 100 = 83,700 USD</li>
 * <li>operational CO2 = 837 MWh x 500 kg/MWh = 418.5 t</li>
 * <li>capex = 1,000 x 10,000 = 10,000,000 USD; facility capex = 1,000 x 1 kW x design PUE 1.5 x 10e6 USD/MW
 *     = 15,000,000 USD</li>
 * <li>embodied CO2 = 1,000 x 876.6 kg x 744 / 43,830 = 14.88 t</li>
 * <li>compute = 1,000 x 1e15 FLOP/s x 0.5 x 744 x 3,600 s = 1.3392e24 FLOP = 1,339,200 EFLOP</li>
 * </ul>
 * and of the leased one in February (672 h, utilization 1, energy not included, 2 USD/h): lease = 100 x
 * 672 x 2 = 134,400 USD; facility power = 100 x 1 kW x 1.5 = 0.15 MW; energy = 100.8 MWh, cost 10,080 USD.
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static Projection projection;

    @BeforeAll
    static void project() throws ScenarioException {
        // a relative path, so the scenario_file written into the JSON is the same on every machine
        projection = Fleetcast.project(Fleetcast.load(GOLDEN.resolve("small-fleet.yaml")), Mode.EXPECTED, 0L);
    }

    @Test
    void handChecks_ownedInJanuaryLeasedInFebruary_asComputedInTheClassComment() {
        MetricCube c = projection.cube();
        int owned = c.groupIndex("owned-1k");
        int leased = c.groupIndex("leased-100");
        assertEquals(0.75, c.value(Metric.IT_POWER_MW, owned, 0), 1e-12);
        assertEquals(1.125, c.value(Metric.FACILITY_POWER_MW, owned, 0), 1e-12);
        assertEquals(837, c.value(Metric.ENERGY_MWH, owned, 0), 1e-9);
        assertEquals(83_700, c.value(Metric.ENERGY_COST_USD, owned, 0), 1e-6);
        assertEquals(418.5, c.value(Metric.CO2_OPERATIONAL_T, owned, 0), 1e-9);
        assertEquals(10_000_000, c.value(Metric.CAPEX_USD, owned, 0), 1e-6);
        assertEquals(15_000_000, c.value(Metric.FACILITY_CAPEX_USD, owned, 0), 1e-6);
        assertEquals(14.88, c.value(Metric.CO2_EMBODIED_T, owned, 0), 1e-9);
        assertEquals(1_339_200, c.value(Metric.COMPUTE_EFLOP, owned, 0), 1e-6);
        assertEquals(134_400, c.value(Metric.LEASE_COST_USD, leased, 1), 1e-6);
        assertEquals(0.15, c.value(Metric.FACILITY_POWER_MW, leased, 1), 1e-12);
        assertEquals(10_080, c.value(Metric.ENERGY_COST_USD, leased, 1), 1e-6);
    }

    @Test
    void writeLong_smallFleet_matchesGoldenFile() throws IOException {
        check("results-long.csv", text(w -> CsvWriter.writeLong(ScenarioResult.of(projection), OutputWriter.DEFAULT_GROUPINGS, w)));
    }

    @Test
    void writeWide_smallFleet_matchesGoldenFile() throws IOException {
        check("results-wide.csv", text(w -> CsvWriter.writeWide(ScenarioResult.of(projection), OutputWriter.DEFAULT_GROUPINGS, w)));
    }

    @Test
    void writeJson_smallFleet_matchesGoldenFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonWriter.write(ScenarioResult.of(projection), WriteFixtures.RUN, out);
        check("results.json", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void readCube_goldenJson_equalsTheProjectedCube() throws IOException {
        byte[] golden = Files.readAllBytes(GOLDEN.resolve("small-fleet/results.json"));
        assertEquals(projection.cube(), JsonWriter.readCube(new ByteArrayInputStream(golden)));
        assertEquals(projection.cube(Grouping.DEPLOYMENT).groups(), JsonWriter.readCube(new ByteArrayInputStream(golden)).groups());
    }

    private static void check(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve("small-fleet").resolve(name);
        if (Boolean.getBoolean("fc.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                name + " differs from " + file + "; if the change is intended, regenerate with -Dfc.updateGolden=true");
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static String text(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
