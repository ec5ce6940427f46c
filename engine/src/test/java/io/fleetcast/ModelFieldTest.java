package io.fleetcast;

import io.fleetcast.model.ModelField;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioBuilder;
import io.fleetcast.model.ScenarioException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.analyse.InputField;
import io.fleetcast.analyse.InputPath;
import io.fleetcast.analyse.ScenarioEditor;
import io.fleetcast.model.Dimension;
import io.fleetcast.scenario.FieldTableDoc;
import io.fleetcast.scenario.ScenarioReader;
import io.fleetcast.scenario.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The field table {@link ModelField} reaches every place a field must be: YAML (inline overrides and
 * deployments), {@code ScenarioBuilder}, {@code uncertainty:}, input paths ({@code solve}, {@code --set},
 * sensitivity) and the format doc. A field added to the table is covered here without a new test.
 */
class ModelFieldTest {

    static final Path FORMAT_DOC = Path.of("../docs/scenario-format.md");

    /** A valid value, in the base unit, inside the field's bounds and unlike any default. */
    static double sample(ModelField f) {
        return switch (f.bounds()) {
            case UNIT, UNIT_HALF_OPEN, ABOVE_MINUS_ONE, DECLINE, RATE, YEARLY_UP_TO_TENFOLD, INTERRUPTIONS -> 0.37;
            case AT_LEAST_ONE, PUE, WEIBULL_SHAPE -> 1.37;
            case ANY, NON_NEGATIVE, POSITIVE, FIGURE, MONEY, DEVICE_POWER, DEVICE_POWER_POSITIVE, DURATION_NON_NEGATIVE,
                 DURATION_POSITIVE -> 123;
        };
    }

    /** The value written in the field's base unit, e.g. {@code 123 W}; a plain number where no unit is taken. */
    static String written(ModelField f, double v) {
        if (f.dimension() == Dimension.FRACTION || f.dimension() == Dimension.NUMBER) {
            return Double.toString(v);
        }
        for (Unit u : Unit.values()) {
            if (u.dimension() == f.dimension() && u.factor() == 1 && !u.isCalendar()) {
                return v + " " + u.symbol();
            }
        }
        throw new AssertionError("no base unit symbol for " + f.dimension());
    }

    private static String deployment(ModelField f, String extra) {
        boolean leased = f.only() == Ownership.LEASED;
        return """
                scenario: fields
                description: one field set
                start: 2026-07
                horizon: 24 months
                %s
                deployments:
                  - id: d
                    accelerator: h100
                    site: us-tx
                    ownership: %s
                    size: { count: 100 }
                    start: 2026-07
                    %s
                """.formatted(extra, leased ? "leased" : "owned", leased ? "lease-price: 2 USD/h" : "");
    }

    @Test
    void read_everyAcceleratorAndSiteFieldAsInlineOverride_takesTheValue() throws ScenarioException {
        for (ModelField f : ModelField.values()) {
            if (f.owner() == ModelField.Owner.DEPLOYMENT) {
                continue;
            }
            double v = sample(f);
            String section = f.owner() == ModelField.Owner.ACCELERATOR ? "accelerators:\n  h100: { " : "sites:\n  us-tx: { ";
            Scenario s = new ScenarioReader().readString(deployment(f, section + f.yamlName() + ": " + written(f, v) + " }"));
            double got = f.owner() == ModelField.Owner.ACCELERATOR ? s.accelerators().get("h100").get(f)
                    : s.sites().get("us-tx").get(f);
            assertEquals(v, got, 1e-12, f.yamlName());
        }
    }

    @Test
    void read_everyDeploymentField_takesTheValue() throws ScenarioException {
        for (ModelField f : ModelField.of(ModelField.Owner.DEPLOYMENT)) {
            double v = sample(f);
            String yaml = deployment(f, "").replace("    start: 2026-07\n    ",
                    "    start: 2026-07\n    " + f.yamlName() + ": " + written(f, v) + "\n    ");
            if (f == ModelField.LEASE_PRICE) {
                yaml = yaml.replace("lease-price: 2 USD/h", "");
            }
            Scenario s = new ScenarioReader().readString(yaml);
            assertEquals(v, s.deployments().get(0).get(f), 1e-9, f.yamlName());
        }
    }

    @Test
    void uncertainty_everyField_readsAndVariesThroughAnInputPath() throws ScenarioException {
        for (ModelField f : ModelField.values()) {
            double lo = sample(f);
            double hi = lo * 1.1;
            if (f.bounds() == ModelField.Bounds.UNIT || f.bounds() == ModelField.Bounds.UNIT_HALF_OPEN) {
                hi = 0.5;
            }
            String id = switch (f.owner()) {
                case ACCELERATOR -> "h100";
                case SITE -> "us-tx";
                case DEPLOYMENT -> "d";
                case CONSIDERATION -> throw new IllegalStateException("no table field belongs to a consideration entry");
            };
            String path = f.owner().segment() + "." + id + "." + f.yamlName();
            String yaml = deployment(f, "uncertainty:\n  " + path + ": { uniform: [" + written(f, lo) + ", "
                    + written(f, hi) + "] }");
            if (f.owner() == ModelField.Owner.DEPLOYMENT) {
                // a deployment field must have a nominal value to vary (an absent term cannot): give it one
                yaml = yaml.replace("    start: 2026-07\n    ", "    start: 2026-07\n    " + f.yamlName() + ": "
                        + written(f, lo) + "\n    ");
                if (f == ModelField.LEASE_PRICE) {
                    yaml = yaml.replace("lease-price: 2 USD/h", "");
                }
            }
            Scenario s = new ScenarioReader().readString(yaml);
            assertEquals(1, s.uncertainty().size(), path);
            InputPath p = InputPath.parse(path, s);
            assertEquals(f, p.field().modelField(), path);
            ScenarioEditor e = ScenarioEditor.compile(s, List.of(p), List.of(ScenarioEditor.Mode.SET));
            assertEquals(null, e.check(0, hi), path);
            Scenario edited = e.apply(new double[] {hi});
            double got = switch (f.owner()) {
                case ACCELERATOR -> edited.accelerators().get("h100").get(f);
                case SITE -> edited.sites().get("us-tx").get(f);
                case DEPLOYMENT -> edited.deployments().get(0).get(f);
                case CONSIDERATION -> throw new IllegalStateException(f.name());
            };
            assertEquals(hi, got, 0, path);
        }
    }

    @Test
    void builder_everyField_setsTheValue() {
        for (ModelField f : ModelField.values()) {
            double v = sample(f);
            double got = switch (f.owner()) {
                case ACCELERATOR -> ScenarioBuilder.accelerator("a").set(f, v).build().get(f);
                case SITE -> ScenarioBuilder.site("s").set(f, v).build().get(f);
                case DEPLOYMENT -> ScenarioBuilder.scenario("x").start(2026, 1).horizonMonths(12)
                        .accelerator(ScenarioBuilder.accelerator("a").allInPowerW(1000).leasePriceUsdPerHour(1).build())
                        .site(ScenarioBuilder.site("s").build())
                        .deployment(ScenarioBuilder.deployment("d", "a", "s").count(1)
                                .ownership(f.only() == null ? Ownership.OWNED : f.only()).set(f, v))
                        .build().deployments().get(0).get(f);
                case CONSIDERATION -> throw new IllegalStateException(f.name());
            };
            assertEquals(v, got, 0, f.name());
        }
    }

    @Test
    void set_fieldOfAnotherOwner_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioBuilder.site("s").set(ModelField.CAPEX, 1));
    }

    @Test
    void inputField_everyTableField_isAddressableWithTheTableRange() {
        for (ModelField f : ModelField.values()) {
            InputField i = InputField.of(f.owner(), f.yamlName());
            assertNotNull(i, f.name());
            assertEquals(f, i.modelField());
            assertEquals(f.bounds().interval(), i.rangeText(), f.name());
        }
    }

    /**
     * The field tables of the format doc are the table's ({@link FieldTableDoc}); regenerate them with
     * {@code ./mvnw -B -q -o -pl engine test -Dtest=ModelFieldTest -Dfc.updateDocs=true}.
     */
    @Test
    void formatDoc_fieldTables_matchTheFieldTable() throws IOException {
        String doc = Files.readString(FORMAT_DOC, StandardCharsets.UTF_8);
        String updated = doc;
        List<String> missing = new ArrayList<>();
        for (ModelField.Owner o : ModelField.Owner.values()) {
            if (ModelField.of(o).isEmpty()) {
                continue;                       // consideration entries: their fields are documented with the section
            }
            String begin = FieldTableDoc.BEGIN + o.segment() + " -->\n";
            int a = updated.indexOf(begin);
            if (a < 0) {
                missing.add(o.segment());
                continue;
            }
            int b = updated.indexOf(FieldTableDoc.END, a);
            updated = updated.substring(0, a + begin.length()) + FieldTableDoc.markdown(o) + updated.substring(b);
        }
        assertTrue(missing.isEmpty(), "docs/scenario-format.md has no generated table for " + missing);
        if (Boolean.getBoolean("fc.updateDocs")) {
            Files.writeString(FORMAT_DOC, updated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(updated, doc, "docs/scenario-format.md field tables differ from ModelField; regenerate with "
                + "-Dfc.updateDocs=true");
    }
}
