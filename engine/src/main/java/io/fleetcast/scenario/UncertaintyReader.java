package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import io.fleetcast.model.DistributionKind;
import io.fleetcast.model.InputDistribution;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.UncertainInput;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code uncertainty:} section: each key is a path to a numeric field of an accelerator, site
 * or deployment of the scenario, each value a distribution whose parameters are written in that field's
 * units. Checks that the path exists, that the parameters are consistent (min <= mode <= max, sd > 0,
 * ...) and that every value the distribution can take is valid for the field.
 */
final class UncertaintyReader {
    private static final List<String> KINDS = List.of("uniform", "triangular", "pert", "normal", "lognormal", "choice");
    static final List<String> KEYS = List.of("uniform", "triangular", "pert", "normal", "lognormal", "choice",
            "weights", "min", "max", "shift");
    private static final List<String> SECTIONS = List.of("accelerators", "sites", "deployments", "consideration");
    private static final Spec SIGMA = Spec.required("sigma", Dimension.NUMBER, Range.POSITIVE);
    private static final Spec WEIGHT = Spec.required("weight", Dimension.NUMBER, Range.NON_NEGATIVE);

    private final Problems problems;
    private final LocalDateTime scenarioStart;
    private final LocalDateTime scenarioEnd;
    private final Map<String, Draft> accelerators;
    private final Map<String, Draft> sites;
    private final Map<String, DeploymentDraft> deployments = new java.util.LinkedHashMap<>();
    private final Map<String, io.fleetcast.model.Consideration> consideration = new java.util.LinkedHashMap<>();

    UncertaintyReader(Problems problems, LocalDateTime scenarioStart, LocalDateTime scenarioEnd,
                      Map<String, Draft> accelerators, Map<String, Draft> sites, List<DeploymentDraft> deployments,
                      List<io.fleetcast.model.Consideration> consideration) {
        for (io.fleetcast.model.Consideration c : consideration) {
            this.consideration.put(c.id(), c);
        }
        this.problems = problems;
        this.scenarioStart = scenarioStart;
        this.scenarioEnd = scenarioEnd;
        this.accelerators = accelerators;
        this.sites = sites;
        for (DeploymentDraft d : deployments) {
            if (d.id != null) {
                this.deployments.put(d.id, d);
            }
        }
    }

    /**
     * The field a path names: the spec for its units and range, its nominal value(s) in base units
     * ({@code NaN} when unknown because of an earlier problem), and the anchor of calendar durations.
     */
    private record Target(Spec spec, double nominalLo, double nominalHi, LocalDateTime anchor, boolean date) {
    }

    List<UncertainInput> read(Node node, String path) {
        List<UncertainInput> out = new ArrayList<>();
        Fields f = Fields.of(problems, node, path, "a mapping from input path (e.g. accelerators.mi450.capex) to distribution", null);
        if (f == null) {
            return out;
        }
        for (String key : f.keys()) {
            String itemPath = path + "[" + key + "]";
            Target t = target(f.keyNode(key), key, itemPath);
            if (t == null) {
                continue;
            }
            InputDistribution d = distribution(f.get(key), itemPath, t);
            if (d != null) {
                out.add(new UncertainInput(key, d));
            }
        }
        return out;
    }

    private Target target(Node at, String key, String path) {
        String[] parts = key.split("\\.", -1);
        String form = "a path section.id.field with section accelerators, sites, deployments or consideration";
        if (parts.length != 3 || !SECTIONS.contains(parts[0])) {
            problems.add(at, path, key, "expected " + form + ", e.g. accelerators.mi450.capex");
            return null;
        }
        String id = parts[1];
        String field = parts[2];
        switch (parts[0]) {
            case "accelerators" -> {
                Draft d = entry(at, path, key, accelerators, id, "accelerator");
                if (d == null) {
                    return null;
                }
                Spec s = field(at, path, key, ModelSpecs.ACCELERATOR, List.of(), field, "accelerator");
                if (s == null) {
                    return null;
                }
                double v = d.isSound() ? d.base(field, s.defaultValue()) : Double.NaN;
                return new Target(s, v, v, null, false);
            }
            case "sites" -> {
                Draft d = entry(at, path, key, sites, id, "site");
                if (d == null) {
                    return null;
                }
                List<Spec> specs = new ArrayList<>();
                specs.add(ModelSpecs.SITE_PUE);
                specs.addAll(ModelSpecs.SITE);
                Spec s = field(at, path, key, specs, List.of(), field, "site");
                if (s == null) {
                    return null;
                }
                if (!d.isSound()) {
                    return new Target(s, Double.NaN, Double.NaN, null, false);
                }
                double[] pue = d.figures.get("pue").values();
                double hi = pue[0];
                double sum = 0;
                for (double x : pue) {
                    hi = Math.max(hi, x);
                    sum += x;
                }
                if (field.equals("pue")) {
                    // A sample sets the mean of the twelve months (the engine scales each month's overhead).
                    double mean = sum / pue.length;
                    return new Target(s, mean, mean, null, false);
                }
                double v = d.base(field, field.equals("design-pue") ? hi : s.defaultValue());
                return new Target(s, v, v, null, false);
            }
            case "consideration" -> {
                io.fleetcast.model.Consideration c = consideration.get(id);
                if (c == null) {
                    String near = Fields.nearest(id, consideration.keySet());
                    problems.add(at, path, key, "no consideration entry " + id + (near == null ? "" : "; did you mean " + near + "?")
                            + " (entries: " + String.join(", ", consideration.keySet()) + ")");
                    return null;
                }
                List<Spec> specs = List.of(ScenarioReader.CASH, ScenarioReader.SHARES, ScenarioReader.SHARE_PRICE);
                Spec s = field(at, path, key, specs, List.of(), field, "consideration entry");
                if (s == null) {
                    return null;
                }
                double v = s == ScenarioReader.CASH ? c.cashUsd() : s == ScenarioReader.SHARES ? c.shares() : c.sharePriceUsd();
                return new Target(s, v, v, null, false);
            }
            default -> {
                DeploymentDraft d = deployments.get(id);
                if (d == null) {
                    String near = Fields.nearest(id, deployments.keySet());
                    problems.add(at, path, key, "no deployment " + id + (near == null ? "" : "; did you mean " + near + "?")
                            + " (deployments: " + String.join(", ", deployments.keySet()) + ")");
                    return null;
                }
                return deploymentTarget(at, path, key, d, field);
            }
        }
    }

    private Target deploymentTarget(Node at, String path, String key, DeploymentDraft d, String field) {
        List<String> extra = List.of("start", "size", "count", "it-power", "facility-power", "budget");
        Spec s = field(at, path, key, ModelSpecs.DEPLOYMENT, extra, field, "deployment");
        if (s == null) {
            return null;
        }
        if (field.equals("start")) {
            Spec shift = Spec.required("start", Dimension.DURATION,
                    new Range(0, true, hours(scenarioStart, scenarioEnd), false, "inside the scenario"));
            // Without a valid start and end (reported elsewhere) the shift cannot be checked: NaN skips it.
            double v = d.start == null || scenarioStart == null || scenarioEnd == null ? Double.NaN
                    : hours(scenarioStart, d.start);
            return new Target(shift, v, v, d.start, true);
        }
        if (field.equals("size")) {
            if (d.sizeKind == null) {
                return null;
            }
            Spec size = ModelSpecs.find(ModelSpecs.SIZE, switch (d.sizeKind) {
                case COUNT -> "count";
                case IT_POWER -> "it-power";
                case FACILITY_POWER -> "facility-power";
                case BUDGET -> "budget";
            });
            double v = d.sizeQuantity.base();
            return new Target(size, v, v, null, false);
        }
        Spec sizeKind = ModelSpecs.find(ModelSpecs.SIZE, field);
        if (sizeKind != null) {
            // Replaces the size by one of this kind; the nominal is known only when the kind is the same.
            boolean same = d.sizeKind != null && d.sizeKind.name().replace('_', '-').toLowerCase(Locale.ROOT).equals(field);
            double v = same ? d.sizeQuantity.base() : Double.NaN;
            return new Target(sizeKind, v, v, null, false);
        }
        ModelField tableField = ModelField.of(ModelField.Owner.DEPLOYMENT, field);
        if (tableField != null && tableField.only() != null && d.ownership != null && tableField.only() != d.ownership) {
            problems.add(at, path, key, "deployment " + d.id + " is " + d.ownership.name().toLowerCase(Locale.ROOT)
                    + " and has no " + field + "; expected a field it uses");
            return null;
        }
        if (tableField != null && Double.isNaN(tableField.defaultValue()) && tableField != ModelField.LEASE_PRICE
                && !d.has(field)) {
            problems.add(at, path, key, "deployment " + d.id + " has no " + field
                    + " to vary; give it a nominal " + field + " first");
            return null;
        }
        double v = d.broken ? Double.NaN : d.base(s);
        if (field.equals("lease-price") && !d.has(field)) {
            Draft acc = accelerators.get(d.accelerator);
            v = acc == null || !acc.isSound() ? Double.NaN : acc.base("lease-price", 0);
        }
        return new Target(s, v, v, s.anchored() ? d.start : null, false);
    }

    private Draft entry(Node at, String path, String key, Map<String, Draft> known, String id, String what) {
        Draft d = known.get(id);
        if (d == null) {
            String near = Fields.nearest(id, known.keySet());
            problems.add(at, path, key, "no " + what + " " + id + " in the scenario's catalog"
                    + (near == null ? "" : "; did you mean " + near + "?"));
        }
        return d;
    }

    private Spec field(Node at, String path, String key, List<Spec> specs, List<String> extra, String field, String what) {
        for (String e : extra) {
            if (e.equals(field)) {
                Spec size = ModelSpecs.find(ModelSpecs.SIZE, e);
                return size != null ? size : Spec.required(e, Dimension.NUMBER, Range.ANY);
            }
        }
        Spec s = ModelSpecs.find(specs, field);
        if (s == null) {
            List<String> names = new ArrayList<>(extra);
            for (Spec x : specs) {
                names.add(x.key());
            }
            String near = Fields.nearest(field, names);
            problems.add(at, path, key, field + " is not a numeric field of a" + (what.startsWith("a") ? "n " : " ") + what
                    + (near == null ? "" : "; did you mean " + near + "?") + " (numeric fields: " + String.join(", ", names) + ")");
        }
        return s;
    }

    private InputDistribution distribution(Node node, String path, Target t) {
        Fields f = Fields.of(problems, node, path, "a distribution, e.g. { triangular: [min, mode, max] }", KEYS);
        if (f == null) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (String k : KINDS) {
            if (f.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            problems.at(node, path, "give exactly one of " + String.join(", ", KINDS));
            return null;
        }
        String kindKey = kinds.get(0);
        DistributionKind kind = DistributionKind.valueOf(kindKey.toUpperCase(Locale.ROOT));
        Boolean shiftValue = Values.bool(f, "shift", Boolean.FALSE);
        if (shiftValue == null) {
            return null;
        }
        boolean shift = shiftValue;
        if (t.date && !shift) {
            problems.at(node, path, "a start varies by a duration added to it; expected shift: true and durations, "
                    + "e.g. { uniform: [0 months, 12 months], shift: true }");
            return null;
        }
        if (f.has("weights") && kind != DistributionKind.CHOICE) {
            problems.at(f.get("weights"), f.path("weights"), "weights apply to choice only");
            return null;
        }
        boolean bounded = kind == DistributionKind.NORMAL || kind == DistributionKind.LOGNORMAL;
        for (String k : List.of("min", "max")) {
            if (f.has(k) && !bounded) {
                problems.at(f.get(k), f.path(k), k + " applies to normal and lognormal only (the others are bounded)");
                return null;
            }
        }
        Node paramsNode = f.get(kindKey);
        String paramsPath = f.path(kindKey);
        int count = switch (kind) {
            case UNIFORM, NORMAL, LOGNORMAL -> 2;
            case TRIANGULAR, PERT -> 3;
            case CHOICE -> -1;
        };
        String form = switch (kind) {
            case UNIFORM -> "[low, high]";
            case TRIANGULAR, PERT -> "[min, mode, max]";
            case NORMAL -> "[mean, sd]";
            case LOGNORMAL -> "[median, sigma of ln]";
            case CHOICE -> "[value, value, ...]";
        };
        if (!(paramsNode instanceof SequenceNode seq) || (count > 0 && seq.getValue().size() != count)
                || seq.getValue().isEmpty()) {
            problems.at(paramsNode, paramsPath, "expected " + kindKey + ": " + form + " in the units of "
                    + t.spec.key() + " (" + Unit.expectation(t.spec.dimension()) + ")");
            return null;
        }
        List<Node> items = seq.getValue();
        double[] params = new double[items.size()];
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            boolean spread = i == 1 && (kind == DistributionKind.NORMAL || kind == DistributionKind.LOGNORMAL);
            Spec spec = spread && kind == DistributionKind.LOGNORMAL ? SIGMA : t.spec;
            Double v = param(items.get(i), paramsPath + "[" + i + "]", spec, spread ? null : t.anchor);
            if (v == null) {
                ok = false;
            } else {
                params[i] = v;
            }
        }
        double[] weights = new double[0];
        if (kind == DistributionKind.CHOICE) {
            weights = new double[items.size()];
            java.util.Arrays.fill(weights, 1);
            if (f.has("weights")) {
                weights = weights(f, items.size());
                ok &= weights != null;
            }
        }
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        boolean explicitMin = f.has("min");
        boolean explicitMax = f.has("max");
        if (explicitMin) {
            Double v = param(f.get("min"), f.path("min"), t.spec, t.anchor);
            ok &= v != null;
            min = v == null ? min : v;
        }
        if (explicitMax) {
            Double v = param(f.get("max"), f.path("max"), t.spec, t.anchor);
            ok &= v != null;
            max = v == null ? max : v;
        }
        if (!ok) {
            return null;
        }
        if (!consistent(node, path, kind, params, min, max)) {
            return null;
        }
        double lo;
        double hi;
        switch (kind) {
            case UNIFORM -> {
                lo = params[0];
                hi = params[1];
            }
            case TRIANGULAR, PERT -> {
                lo = params[0];
                hi = params[2];
            }
            case CHOICE -> {
                lo = params[0];
                hi = params[0];
                for (double p : params) {
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
            default -> {
                // Unbounded tails: truncate to the field's valid values unless the user bounded them.
                Range r = t.spec.range();
                double offsetLo = shift ? t.nominalLo : 0;
                double offsetHi = shift ? t.nominalHi : 0;
                if (!explicitMin && r.lo() != Double.NEGATIVE_INFINITY && !Double.isNaN(offsetLo)) {
                    min = r.lo() - offsetLo;
                }
                if (!explicitMax && r.hi() != Double.POSITIVE_INFINITY && !Double.isNaN(offsetHi)) {
                    max = r.hi() - offsetHi;
                }
                if (kind == DistributionKind.LOGNORMAL && !shift && min < 0) {
                    min = 0;
                }
                lo = explicitMin ? min : Double.NaN;
                hi = explicitMax ? max : Double.NaN;
            }
        }
        checkSupport(node, path, t, shift, lo, hi);
        return new InputDistribution(kind, params, weights, min, max, shift);
    }

    /** Checks that the lowest and highest values the distribution gives are valid for the field. */
    private void checkSupport(Node node, String path, Target t, boolean shift, double lo, double hi) {
        Range r = t.spec.range();
        double absLo = shift ? t.nominalLo + lo : lo;
        double absHi = shift ? t.nominalHi + hi : hi;
        String what = t.date ? "moves the start outside the scenario; expected shifts that keep it in [" + scenarioStart
                + ", " + scenarioEnd + ")" : "reaches values outside the valid range of " + t.spec.key()
                + "; expected " + t.spec.expectation() + (shift ? " after the shift" : "");
        if (!Double.isNaN(absLo) && !r.contains(absLo) || !Double.isNaN(absHi) && !r.contains(absHi)) {
            problems.at(node, path, what);
        }
    }

    private boolean consistent(Node node, String path, DistributionKind kind, double[] p, double min, double max) {
        String problem = switch (kind) {
            case UNIFORM -> p[0] < p[1] ? null : "expected low < high";
            case TRIANGULAR, PERT -> p[0] <= p[1] && p[1] <= p[2] && p[0] < p[2] ? null
                    : "expected min <= mode <= max with min < max";
            case NORMAL -> !(p[1] > 0) ? "expected sd > 0"
                    : !(min < max) ? "expected min < max"
                    : p[0] < min || p[0] > max ? "expected the mean inside [min, max]" : null;
            case LOGNORMAL -> !(p[0] > 0) ? "expected median > 0"
                    : !(p[1] > 0) ? "expected sigma > 0"
                    : !(min < max) ? "expected min < max"
                    : p[0] < min || p[0] > max ? "expected the median inside [min, max]" : null;
            case CHOICE -> null;
        };
        if (problem != null) {
            problems.at(node, path, problem);
            return false;
        }
        return true;
    }

    private double[] weights(Fields f, int n) {
        Node w = f.get("weights");
        if (!(w instanceof SequenceNode seq) || seq.getValue().size() != n) {
            problems.at(w, f.path("weights"), "expected a list of " + n + " weights, one per choice");
            return null;
        }
        double[] out = new double[n];
        double sum = 0;
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            Node item = seq.getValue().get(i);
            String p = f.path("weights") + "[" + i + "]";
            Quantity q = Values.quantity(problems, item, p, WEIGHT);
            if (q == null || !Values.inRange(problems, item, p, WEIGHT, q)) {
                ok = false;
                continue;
            }
            out[i] = q.base();
            sum += out[i];
        }
        if (ok && !(sum > 0)) {
            problems.at(w, f.path("weights"), "expected weights that are not all 0");
            return null;
        }
        return ok ? out : null;
    }

    /** A parameter in the field's base unit; durations anchored where the field is (ramp, term, start). */
    private Double param(Node node, String path, Spec spec, LocalDateTime anchor) {
        Quantity q = Values.quantity(problems, node, path, spec);
        if (q == null) {
            return null;
        }
        if (anchor != null && q.dimension() == Dimension.DURATION) {
            try {
                return q.hoursFrom(anchor);
            } catch (RuntimeException e) {
                problems.at(node, path, "too long; expected a duration within the supported dates");
                return null;
            }
        }
        return q.base();
    }

    private static double hours(LocalDateTime from, LocalDateTime to) {
        if (from == null || to == null) {
            return Double.NaN;
        }
        Duration d = Duration.between(from, to);
        return d.getSeconds() / 3600.0 + d.getNano() / 3.6e12;
    }
}
