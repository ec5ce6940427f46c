package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import io.fleetcast.model.Confidence;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Problem;
import io.fleetcast.model.ScenarioException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the calibration anchors ({@code models/calibration/anchors.yaml}): the one file the calibration page, the
 * {@code calibrate} command and the calibration tests share. Strict like the other model files: unknown keys, wrong
 * units, a band that is not a range and a measure without the fields its kind needs are errors with file, line,
 * column and field path.
 *
 * <pre>{@code
 * anchors:
 *   - id: capex-per-gw-gb300
 *     question: Owned capex per facility GW, GB300 NVL72 in Texas
 *     measure: { kind: owned-capex-per-facility-gw, accelerator: gb300, site: us-tx }
 *     figure: "$50-60B per GW (NVIDIA); over $40B (Altman)"
 *     range: [50e9 USD, 60e9 USD]       # the published range, in the unit of the measure
 *     must-hold: [40e9 USD, 60e9 USD]   # the band fleetcast must stay inside (tests enforce it)
 *     source: "NVIDIA Q2 FY2026 call via Livemint (https://...)"
 *     date: 2025-08
 *     confidence: reported
 *     explains: why fleetcast lands where it does
 * }</pre>
 */
public final class AnchorsReader {
    /** Classpath resource of the built-in anchors. */
    public static final String BUILTIN = "models/calibration/anchors.yaml";

    private static final List<String> ANCHOR_KEYS = List.of("id", "question", "measure", "figure", "range",
            "must-hold", "source", "date", "confidence", "explains");
    private static final List<String> MEASURE_KEYS = List.of("kind", "accelerator", "site", "utilization", "opex",
            "cost-of-capital",
            "scenario", "deal", "month", "metrics", "exclude-deals");

    private AnchorsReader() {
    }

    /**
     * The built-in anchors.
     *
     * @throws ScenarioException when the packaged file is missing or wrong (a data bug)
     */
    public static List<Anchor> readBuiltIn() throws ScenarioException {
        return read(new Source.Resource(BUILTIN));
    }

    /**
     * Anchors from a file.
     *
     * @param file a file with a top-level {@code anchors:} list
     * @throws ScenarioException with every problem of the file
     */
    public static List<Anchor> read(Path file) throws ScenarioException {
        return read(new Source.File(file));
    }

    private static List<Anchor> read(Source source) throws ScenarioException {
        List<Problem> sink = new ArrayList<>();
        Problems p = new Problems(source.name(), sink);
        YamlText.Parsed parsed = YamlText.read(source, p);
        List<Anchor> out = new ArrayList<>();
        if (parsed.root() != null) {
            Fields root = Fields.of(p, parsed.root(), "", "a mapping with the key anchors", List.of("anchors"));
            if (root != null) {
                Node list = root.get("anchors");
                if (list == null) {
                    p.missing(root.node(), "anchors", "a list of anchors");
                } else if (!(list instanceof SequenceNode seq)) {
                    p.at(list, "anchors", "expected a list of anchors, each starting with '- id: ...'");
                } else {
                    Map<String, Integer> seen = new HashMap<>();
                    List<Node> items = seq.getValue();
                    for (int i = 0; i < items.size(); i++) {
                        Anchor a = anchor(p, items.get(i), "anchors[" + i + "]");
                        if (a == null) {
                            continue;
                        }
                        Integer first = seen.putIfAbsent(a.id(), a.line());
                        if (first != null) {
                            p.add(items.get(i), "anchors[" + i + "].id", a.id(),
                                    "duplicate id (first given on line " + first + ")");
                            continue;
                        }
                        out.add(a);
                    }
                }
            }
        }
        if (!sink.isEmpty()) {
            throw new ScenarioException(sink);
        }
        return List.copyOf(out);
    }

    private static Anchor anchor(Problems p, Node node, String path) {
        int before = p.count();
        Fields f = Fields.of(p, node, path, "an anchor (id, question, measure, figure, range, must-hold, source, "
                + "date, confidence, explains)", ANCHOR_KEYS);
        if (f == null) {
            return null;
        }
        String id = Values.id(f, "id", true, "an anchor id");
        String question = Values.text(f, "question", true, "what is compared, in words");
        String figure = Values.text(f, "figure", true, "the published figure as its source states it");
        String source = Values.text(f, "source", true, "the title and address of the source");
        String explains = Values.text(f, "explains", true, "why fleetcast lands where it does");
        LocalDateTime date = Values.date(f, "date", true);
        Confidence confidence = Values.keyword(f, "confidence", Confidence.class, null);
        if (confidence == null && !f.has("confidence")) {
            p.missing(f.node(), f.path("confidence"), "official, reported or estimate");
        } else if (confidence == Confidence.UNSOURCED) {
            p.at(f.get("confidence"), f.path("confidence"), "expected official, reported or estimate");
        }
        Anchor.Measure measure = null;
        Node m = f.get("measure");
        if (m == null) {
            p.missing(f.node(), f.path("measure"), "a mapping with kind and the fields the kind needs");
        } else {
            measure = measure(p, m, f.path("measure"));
        }
        double[] range = null;
        double[] hold = null;
        if (measure != null) {
            Spec spec = Spec.required("range", measure.kind().dimension(), Range.ANY);
            range = band(f, "range", spec);
            hold = band(f, "must-hold", spec);
            if (range != null && hold != null && (hold[0] > range[0] && hold[1] < range[1])) {
                p.at(f.get("must-hold"), f.path("must-hold"),
                        "a must-hold band narrower than the published range on both sides; widen it to include the range");
            }
        }
        if (p.count() > before || id == null || measure == null || range == null || hold == null) {
            return null;
        }
        return new Anchor(id, question, measure, figure, range[0], range[1], hold[0], hold[1], source, date,
                confidence.name().toLowerCase(Locale.ROOT), explains, node.getStartMark().getLine() + 1);
    }

    /** A {@code [low, high]} pair of quantities in the spec's dimension, low <= high. */
    private static double[] band(Fields f, String key, Spec spec) {
        Node n = f.get(key);
        String path = f.path(key);
        String expected = "[low, high], each " + Unit.expectation(spec.dimension()) + ", low <= high";
        if (n == null) {
            f.problems().missing(f.node(), path, expected);
            return null;
        }
        if (!(n instanceof SequenceNode s) || s.getValue().size() != 2) {
            f.problems().at(n, path, "expected " + expected);
            return null;
        }
        Quantity lo = Values.quantity(f.problems(), s.getValue().get(0), path + "[0]", spec);
        Quantity hi = Values.quantity(f.problems(), s.getValue().get(1), path + "[1]", spec);
        if (lo == null || hi == null) {
            return null;
        }
        if (lo.base() > hi.base()) {
            f.problems().at(n, path, "low is above high; expected " + expected);
            return null;
        }
        return new double[] {lo.base(), hi.base()};
    }

    private static Anchor.Measure measure(Problems p, Node node, String path) {
        Fields f = Fields.of(p, node, path, "a measure: kind and the fields the kind needs", MEASURE_KEYS);
        if (f == null) {
            return null;
        }
        String kindText = Values.text(f, "kind", true, "one of " + String.join(", ", Anchor.Kind.keys()));
        if (kindText == null) {
            return null;
        }
        Anchor.Kind kind = Anchor.Kind.of(kindText);
        if (kind == null) {
            p.at(f.get("kind"), f.path("kind"), "expected one of " + String.join(", ", Anchor.Kind.keys()));
            return null;
        }
        int before = p.count();
        List<String> needs = switch (kind) {
            case OWNED_CAPEX_PER_FACILITY_GW, ACCELERATORS_PER_FACILITY_GW, OWNED_USD_PER_ACCELERATOR_HOUR,
                 DELIVERED_SHARE_OF_PEAK ->
                    List.of("accelerator", "site");
            case ANNUAL_PUE -> List.of("site");
            case SIZED_FACILITY_POWER -> List.of("scenario");
            case INSTALLED_FACILITY_POWER -> List.of("scenario", "month");
            case METRIC_TOTAL -> List.of("scenario", "metrics");
            case LEASE_PRICE, LEASE_USD_PER_FACILITY_GW_YEAR -> List.of("scenario", "deal");
        };
        List<String> allowed = new ArrayList<>(needs);
        allowed.add("kind");
        if (kind == Anchor.Kind.OWNED_USD_PER_ACCELERATOR_HOUR || kind == Anchor.Kind.DELIVERED_SHARE_OF_PEAK) {
            allowed.add("utilization");
        }
        if (kind == Anchor.Kind.OWNED_USD_PER_ACCELERATOR_HOUR) {
            allowed.add("opex");
            allowed.add("cost-of-capital");
        }
        if (kind == Anchor.Kind.SIZED_FACILITY_POWER || kind == Anchor.Kind.INSTALLED_FACILITY_POWER
                || kind == Anchor.Kind.METRIC_TOTAL) {
            allowed.add("exclude-deals");
        }
        for (String k : f.keys()) {
            if (!allowed.contains(k)) {
                p.at(f.keyNode(k), f.path(k), "not used by kind " + kind.key() + " (it takes " + String.join(", ", allowed) + ")");
            }
        }
        for (String k : needs) {
            if (!f.has(k)) {
                p.missing(f.node(), f.path(k), "a value: kind " + kind.key() + " needs " + String.join(", ", needs));
            }
        }
        String accelerator = f.has("accelerator") ? Values.id(f, "accelerator", false, "a catalog id") : null;
        String site = f.has("site") ? Values.id(f, "site", false, "a site id") : null;
        String scenario = f.has("scenario") ? Values.text(f, "scenario", false, "a built-in scenario name or a path") : null;
        String deal = f.has("deal") ? Values.id(f, "deal", false, "a deal id") : null;
        LocalDateTime month = Values.date(f, "month", false);
        double utilization = number(f, Spec.optional("utilization", Dimension.FRACTION, Range.UNIT, 1));
        double opex = number(f, Spec.optional("opex", Dimension.YEARLY_RATE, Range.NON_NEGATIVE, 0));
        double costOfCapital = number(f, Spec.optional("cost-of-capital", Dimension.YEARLY_RATE, Range.DISCOUNT, 0));
        List<String> metrics = idList(f, "metrics", true);
        List<String> exclude = idList(f, "exclude-deals", false);
        if (p.count() > before) {
            return null;
        }
        return new Anchor.Measure(kind, accelerator, site, utilization, opex, costOfCapital, scenario, deal, month,
                metrics, exclude);
    }

    private static double number(Fields f, Spec spec) {
        Node n = f.get(spec.key());
        if (n == null) {
            return spec.defaultValue();
        }
        Quantity q = Values.quantity(f.problems(), n, f.path(spec.key()), spec);
        if (q == null || !Values.inRange(f.problems(), n, f.path(spec.key()), spec, q)) {
            return Double.NaN;
        }
        return q.base();
    }

    /** A list of ids; for {@code metrics}, each must be a money metric ({@code *_usd}). */
    private static List<String> idList(Fields f, String key, boolean moneyMetrics) {
        Node n = f.get(key);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode s)) {
            f.problems().at(n, f.path(key), "expected a list, e.g. [a, b]");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            Node item = s.getValue().get(i);
            String path = f.path(key) + "[" + i + "]";
            String v = Values.scalar(f.problems(), item, path, moneyMetrics ? "a metric name" : "a deal id");
            if (v == null) {
                continue;
            }
            if (moneyMetrics) {
                Metric metric;
                try {
                    metric = Metric.byId(v);
                } catch (IllegalArgumentException e) {
                    f.problems().at(item, path, e.getMessage());
                    continue;
                }
                if (!metric.id().endsWith("_usd")) {
                    f.problems().at(item, path, "expected a money metric (a name ending in _usd)");
                    continue;
                }
            }
            out.add(v);
        }
        return out;
    }
}
