package io.fleetcast.scenario;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Problem;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the accelerator catalog ({@code models/accelerators.yaml}) and the sites ({@code models/sites.yaml})
 * and the inline {@code accelerators:} / {@code sites:} overrides of a scenario, in the format of
 * {@code docs/scenario-format.md}.
 */
public final class CatalogReader {
    /** Classpath resource of the built-in accelerator catalog. */
    public static final String BUILTIN_ACCELERATORS = "models/accelerators.yaml";
    /** Classpath resource of the built-in sites. */
    public static final String BUILTIN_SITES = "models/sites.yaml";

    private static final String ACCELERATOR_WHAT = "an accelerator";
    private static final String SITE_WHAT = "a site";
    private static final List<String> PRECISIONS = List.of("bf16", "fp8", "fp4");

    private CatalogReader() {
    }

    /**
     * The built-in catalog and sites (classpath {@code models/accelerators.yaml}, {@code models/sites.yaml}).
     *
     * @throws ScenarioException when a built-in file is missing or wrong (a packaging or data bug)
     */
    public static Catalog readBuiltIn() throws ScenarioException {
        return read(new Source.Resource(BUILTIN_ACCELERATORS), new Source.Resource(BUILTIN_SITES));
    }

    /**
     * A catalog and sites from files.
     *
     * @param acceleratorsFile a file with a top-level {@code accelerators:} list
     * @param sitesFile        a file with a top-level {@code sites:} list
     * @throws ScenarioException with every problem of both files
     */
    public static Catalog read(Path acceleratorsFile, Path sitesFile) throws ScenarioException {
        return read(new Source.File(acceleratorsFile), new Source.File(sitesFile));
    }

    /**
     * The accelerators of one catalog file, in file order.
     *
     * @param file a file with a top-level {@code accelerators:} list
     * @throws ScenarioException with every problem of the file
     */
    public static Map<String, Accelerator> readAccelerators(Path file) throws ScenarioException {
        List<Problem> sink = new ArrayList<>();
        Map<String, Draft> a = readFile(new Source.File(file), sink, true).drafts;
        if (!sink.isEmpty()) {
            throw new ScenarioException(sink);
        }
        return toAccelerators(a);
    }

    /**
     * The sites of one sites file, in file order.
     *
     * @param file a file with a top-level {@code sites:} list
     * @throws ScenarioException with every problem of the file
     */
    public static Map<String, Site> readSites(Path file) throws ScenarioException {
        List<Problem> sink = new ArrayList<>();
        Map<String, Draft> s = readFile(new Source.File(file), sink, false).drafts;
        if (!sink.isEmpty()) {
            throw new ScenarioException(sink);
        }
        return toSites(s);
    }

    private static Catalog read(Source accelerators, Source sites) throws ScenarioException {
        List<Problem> sink = new ArrayList<>();
        Map<String, Draft> a = readFile(accelerators, sink, true).drafts;
        Map<String, Draft> s = readFile(sites, sink, false).drafts;
        if (!sink.isEmpty()) {
            throw new ScenarioException(sink);
        }
        return new Catalog(toAccelerators(a), toSites(s));
    }

    /** The drafts of a catalog or sites file and the file's bytes. */
    record FileDrafts(Map<String, Draft> drafts, byte[] bytes) {
    }

    /**
     * Reads a catalog ({@code accelerators == true}) or sites file, reporting every problem into {@code sink}.
     * Entries with problems are kept (marked unsound) so references to their ids still resolve.
     */
    static FileDrafts readFile(Source source, List<Problem> sink, boolean accelerators) {
        Problems p = new Problems(source.name(), sink);
        YamlText.Parsed parsed = YamlText.read(source, p);
        Map<String, Draft> drafts = new LinkedHashMap<>();
        if (parsed.root() != null) {
            String section = accelerators ? "accelerators" : "sites";
            Fields root = Fields.of(p, parsed.root(), "", "a mapping with the key " + section, List.of(section));
            if (root != null) {
                Node list = root.get(section);
                if (list == null) {
                    p.missing(root.node(), section, "a list of " + (accelerators ? "accelerators" : "sites"));
                } else {
                    readList(p, list, section, accelerators, drafts);
                }
            }
        }
        return new FileDrafts(drafts, parsed.bytes());
    }

    /** Reads a top-level list of entries (each with an {@code id}) into {@code drafts}. */
    static void readList(Problems p, Node list, String section, boolean accelerators, Map<String, Draft> drafts) {
        if (!(list instanceof SequenceNode seq)) {
            p.at(list, section, "expected a list of entries, each starting with '- id: ...'");
            return;
        }
        Map<String, Node> seen = new HashMap<>();
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            String path = section + "[" + i + "]";
            Draft d = readEntry(p, items.get(i), path, null, accelerators);
            if (d == null) {
                continue;
            }
            if (seen.containsKey(d.id)) {
                p.add(items.get(i), path + ".id", d.id, "duplicate id (first given on line "
                        + (seen.get(d.id).getStartMark().getLine() + 1) + ")");
                continue;
            }
            seen.put(d.id, items.get(i));
            checkComplete(d, accelerators, "");
            drafts.put(d.id, d);
        }
    }

    /**
     * Reads the inline {@code accelerators:} or {@code sites:} of a scenario (a mapping id -> fields) and
     * merges it over {@code base}: a known id overrides the fields given, a new id must be complete.
     *
     * @return the merged drafts (all of {@code base}, overridden or not, and the new entries)
     */
    static Map<String, Draft> readOverrides(Problems p, Node node, String section, boolean accelerators,
                                            Map<String, Draft> base, String baseName) {
        Map<String, Draft> merged = new LinkedHashMap<>(base);
        Fields f = Fields.of(p, node, section, "a mapping from " + (accelerators ? "accelerator" : "site")
                + " id to the fields to override", null);
        if (f == null) {
            return merged;
        }
        for (String id : f.keys()) {
            String path = f.path(id);
            if (!Values.ID.matcher(id).matches()) {
                p.add(f.keyNode(id), path, id, "expected an id: lower-case letters, digits and dashes");
                continue;
            }
            Draft d = readEntry(p, f.get(id), path, id, accelerators);
            if (d == null) {
                continue;
            }
            Draft known = base.get(id);
            if (known != null) {
                Draft m = known.overriddenBy(d);
                if (accelerators) {
                    checkPrecisions(m);
                }
                merged.put(id, m);
            } else {
                String near = Fields.nearest(id, base.keySet());
                checkComplete(d, accelerators, " (" + id + " is not in " + baseName
                        + ", so it is a new entry and needs every required field"
                        + (near == null ? "" : "; did you mean " + near + "?") + ")");
                merged.put(id, d);
            }
        }
        return merged;
    }

    /** Reads one entry; {@code id} is null when it must be read from the entry's {@code id} field. */
    private static Draft readEntry(Problems p, Node node, String path, String id, boolean accelerators) {
        List<Spec> specs = accelerators ? ModelSpecs.ACCELERATOR : ModelSpecs.SITE;
        List<String> texts = accelerators ? ModelSpecs.ACCELERATOR_TEXTS : ModelSpecs.SITE_TEXTS;
        List<String> known = new ArrayList<>();
        if (id == null) {
            known.add("id");
        }
        known.addAll(texts);
        if (!accelerators) {
            known.add("pue");
        }
        for (Spec s : specs) {
            known.add(s.key());
        }
        Fields f = Fields.of(p, node, path, accelerators ? ACCELERATOR_WHAT : SITE_WHAT, known);
        if (f == null) {
            return null;
        }
        String entryId = id;
        if (entryId == null) {
            entryId = Values.id(f, "id", true, "an id");
            if (entryId == null) {
                return null;
            }
        }
        Draft d = new Draft(entryId, node, path, p);
        for (String t : texts) {
            if (f.has(t)) {
                String s = Values.text(f, t, false, "a text");
                if (s == null) {
                    d.broken.add(t);
                } else {
                    d.figures.put(t, new Figure(null, null, s, Provenance.UNSOURCED, f.get(t), p));
                }
            }
        }
        if (!accelerators && f.has("pue")) {
            Figure pue = Values.pue(f, "pue", false);
            if (pue == null) {
                d.broken.add("pue");
            } else {
                d.figures.put("pue", pue);
            }
        }
        for (Spec s : specs) {
            if (f.has(s.key())) {
                Figure fig = Values.figure(f, s);
                if (fig == null) {
                    d.broken.add(s.key());
                } else {
                    d.figures.put(s.key(), fig);
                }
            }
        }
        return d;
    }

    /**
     * Reports the required fields the entry lacks (unless given and wrong): one problem naming the field
     * when one is missing, one problem listing them when several are (a typo in a new id would otherwise
     * bury the file under a dozen lines).
     */
    private static void checkComplete(Draft d, boolean accelerators, String why) {
        List<String> missing = new ArrayList<>();
        List<String> expectations = new ArrayList<>();
        for (String t : accelerators ? ModelSpecs.ACCELERATOR_TEXTS : ModelSpecs.SITE_TEXTS) {
            if (!d.figures.containsKey(t) && !d.broken.contains(t)) {
                missing.add(t);
                expectations.add("a text");
            }
        }
        if (!accelerators && !d.figures.containsKey("pue") && !d.broken.contains("pue")) {
            missing.add("pue");
            expectations.add("a PUE >= 1 or 12 monthly values");
        }
        for (Spec s : accelerators ? ModelSpecs.ACCELERATOR : ModelSpecs.SITE) {
            if (s.required() && !d.figures.containsKey(s.key()) && !d.broken.contains(s.key())) {
                missing.add(s.key());
                expectations.add(s.expectation());
            }
        }
        if (missing.size() == 1) {
            d.problems.missing(d.node, Fields.child(d.path, missing.get(0)), expectations.get(0) + why);
        } else if (missing.size() > 1) {
            d.problems.add(d.node, d.path, null, "missing required fields " + String.join(", ", missing) + why);
        }
        d.broken.addAll(missing);
        if (accelerators && missing.isEmpty()) {
            checkPrecisions(d);
        }
    }

    /** An accelerator must have a peak for at least one precision. */
    private static void checkPrecisions(Draft d) {
        for (String k : PRECISIONS) {
            if (d.broken.contains(k) || d.base(k, 0) > 0) {
                return;
            }
        }
        d.problems.add(d.node, d.path, null, "give a dense peak above 0 for at least one of bf16, fp8, fp4");
        d.broken.add("bf16");
    }

    /** Turns sound drafts into records, in order (callers ensure there were no problems). */
    static Map<String, Accelerator> toAccelerators(Map<String, Draft> drafts) {
        Map<String, Accelerator> out = new LinkedHashMap<>();
        for (Draft d : drafts.values()) {
            out.put(d.id, toAccelerator(d));
        }
        return out;
    }

    /** Turns sound drafts into records, in order (callers ensure there were no problems). */
    static Map<String, Site> toSites(Map<String, Draft> drafts) {
        Map<String, Site> out = new LinkedHashMap<>();
        for (Draft d : drafts.values()) {
            out.put(d.id, toSite(d));
        }
        return out;
    }

    /** The values of an owner's table fields: as given, else the default. */
    private static double[] values(Draft d, ModelField.Owner owner) {
        double[] v = ModelField.defaults(owner);
        for (ModelField f : ModelField.of(owner)) {
            v[f.index()] = d.base(f.yamlName(), v[f.index()]);
        }
        return v;
    }

    static Accelerator toAccelerator(Draft d) {
        return new Accelerator(d.id, d.text("name"), d.text("vendor"), values(d, ModelField.Owner.ACCELERATOR),
                provenance(d));
    }

    static Site toSite(Draft d) {
        // a NaN design PUE (not given) becomes the highest monthly PUE in the Site constructor
        return new Site(d.id, d.text("name"), d.figures.get("pue").values(), values(d, ModelField.Owner.SITE),
                provenance(d));
    }

    private static Map<String, Provenance> provenance(Draft d) {
        Map<String, Provenance> out = new LinkedHashMap<>();
        for (Map.Entry<String, Figure> e : d.figures.entrySet()) {
            if (e.getValue().text() == null) {
                out.put(e.getKey(), e.getValue().provenance());
            }
        }
        return out;
    }
}
