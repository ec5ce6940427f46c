package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Consideration;
import io.fleetcast.model.PowerCap;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Ownership;
import io.fleetcast.model.Precision;
import io.fleetcast.model.Problem;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.ScenarioOrigin;
import io.fleetcast.model.Site;
import io.fleetcast.model.Size;
import io.fleetcast.model.SizeKind;
import io.fleetcast.model.Step;
import io.fleetcast.model.TermFrom;
import io.fleetcast.model.UncertainInput;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads, validates and resolves scenario files ({@code docs/scenario-format.md}) into {@link Scenario}
 * values: units converted to base units, calendar durations anchored, the catalog and sites loaded and
 * the inline overrides applied, defaults filled in. Every problem of the scenario and of the catalog and
 * sites files it uses is reported at once in a {@link ScenarioException}. Stateless and thread-safe.
 */
public final class ScenarioReader {
    /** Classpath folder of the built-in scenarios. */
    public static final String BUILTIN_SCENARIOS = "models/scenarios/";

    static final List<String> TOP_KEYS = List.of("scenario", "description", "start", "horizon", "step",
            "discount-rate", "cost-of-capital", "accelerators-file", "sites-file", "accelerators", "sites", "deployments",
            "uncertainty", "monte-carlo", "consideration", "power-caps");
    static final List<String> DEPLOYMENT_KEYS = deploymentKeys();
    static final List<String> SIZE_KEYS = List.of("count", "it-power", "facility-power", "budget");
    private static final List<String> MONTE_CARLO_KEYS = List.of("runs", "seed", "quantiles");
    private static final List<String> CONSIDERATION_KEYS = List.of("id", "deployment", "milestone", "cash", "shares",
            "share-price");
    private static final Range MONEY = new Range(0, true, 1e15, true, "in [0, 1e15 USD]");
    static final Spec CASH = Spec.optional("cash", Dimension.MONEY, MONEY, 0);
    static final Spec SHARES = Spec.optional("shares", Dimension.NUMBER,
            new Range(0, true, 1e12, true, "in [0, 1e12]"), 0);
    static final Spec SHARE_PRICE = Spec.optional("share-price", Dimension.MONEY, MONEY, 0);
    private static final Spec MILESTONE_COUNT = Spec.optional("count", Dimension.NUMBER,
            new Range(0, true, 1e15, true, "in [0, 1e15] accelerators"), 0);
    private static final Spec MILESTONE_POWER = Spec.optional("facility-power", Dimension.POWER,
            new Range(0, true, 1e15, true, "in [0, 1 PW]"), 0);
    private static final Spec MILESTONE_POWER_REQUIRED = Spec.required("facility-power", Dimension.POWER,
            new Range(0, true, 1e15, true, "in [0, 1 PW]"));
    private static final List<String> LEASED_ONLY = only(Ownership.LEASED, "energy-included", "term-from", "take-or-pay");
    private static final List<String> OWNED_ONLY = only(Ownership.OWNED, "refresh", "successor");
    private static final Spec HORIZON = Spec.required("horizon", Dimension.DURATION, Range.HORIZON);
    private static final Spec DISCOUNT = Spec.optional("discount-rate", Dimension.YEARLY_RATE, Range.DISCOUNT, 0);
    private static final Spec COST_OF_CAPITAL = Spec.optional("cost-of-capital", Dimension.YEARLY_RATE, Range.DISCOUNT, 0);
    private static final int MAX_LISTED_IDS = 40;

    /** The keys of a deployment: ids and references, size and start, the table's fields, then keywords. */
    private static List<String> deploymentKeys() {
        List<String> keys = new ArrayList<>(List.of("id", "deal", "accelerator", "site", "ownership", "size", "start"));
        keys.addAll(ModelSpecs.keys(List.of(), ModelSpecs.DEPLOYMENT));
        keys.add("precision");
        keys.add("energy-included");
        keys.add("term-from");
        keys.add("take-or-pay");
        keys.add("refresh");
        keys.add("successor");
        return List.copyOf(keys);
    }

    /** The deployment keys only a deployment of {@code ownership} may give (table fields, then {@code extra}). */
    private static List<String> only(Ownership ownership, String... extra) {
        List<String> keys = new ArrayList<>();
        for (ModelField f : ModelField.of(ModelField.Owner.DEPLOYMENT)) {
            if (f.only() == ownership) {
                keys.add(f.yamlName());
            }
        }
        keys.addAll(List.of(extra));
        return List.copyOf(keys);
    }

    /** Creates a reader; it holds no state. */
    public ScenarioReader() {
    }

    /**
     * Reads a scenario file.
     *
     * @param file the scenario; {@code accelerators-file} and {@code sites-file} resolve relative to it
     * @return the resolved scenario, its origin carrying the path and the SHA-256 of the bytes
     * @throws ScenarioException with every problem of the file and of the catalog and sites it uses
     */
    public Scenario read(Path file) throws ScenarioException {
        return read(new Source.File(file), extraKeys(List.of()));
    }

    /**
     * Reads a built-in scenario, {@code models/scenarios/NAME.yaml} on the classpath.
     *
     * @param name the scenario's file name without {@code .yaml}
     * @throws ScenarioException when there is no such built-in (the message lists them) or it is invalid
     */
    public Scenario readBuiltIn(String name) throws ScenarioException {
        if (!Values.ID.matcher(name).matches()
                || Source.Resource.find(BUILTIN_SCENARIOS + name + ".yaml") == null) {
            throw new ScenarioException(List.of(new Problem(name, 0, 0, "", null,
                    "no such file, and no built-in scenario of that name (built-in: "
                            + String.join(", ", builtInNames()) + ")")));
        }
        Scenario cached = BUILT_IN.get(name);
        if (cached != null) {
            return cached;
        }
        Scenario s = read(new Source.Resource(BUILTIN_SCENARIOS + name + ".yaml"), extraKeys(List.of()));
        BUILT_IN.putIfAbsent(name, s);
        return s;
    }

    /**
     * Built-in scenarios read so far in this JVM. A built-in is a function of the jar alone and a {@link Scenario} is
     * immutable, so each is read and validated once: {@code serve} answering {@code {"builtin": "openai-portfolio"}}
     * spent 3 ms of its 4.6 ms per request reading the same YAML again (measured with JFR, JDK 25, cube by total).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Scenario> BUILT_IN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Reads {@code nameOrPath} as a file when one exists at that path, else as a built-in scenario name.
     *
     * @throws ScenarioException when it is neither (the message lists the built-in names) or it is invalid
     */
    public Scenario readNamedOrPath(String nameOrPath) throws ScenarioException {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return read(p);
        }
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            // a link to itself, in a loop, or to nothing: "no such built-in" would hide that a file was meant
            String target;
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (java.io.IOException e) {
                target = "?";
            }
            throw new ScenarioException(List.of(new Problem(nameOrPath, 0, 0, "", null,
                    "a symbolic link to " + target + " that loops or leads nowhere; expected a scenario YAML file")));
        }
        if (Files.exists(p)) {
            // a folder (or a device): "no such file" would send the user looking for a typo
            throw new ScenarioException(List.of(new Problem(nameOrPath, 0, 0, "", null,
                    "not a regular file" + (Files.isDirectory(p) ? " (a folder)" : "") + "; expected a scenario YAML file")));
        }
        return readBuiltIn(nameOrPath);
    }

    /**
     * Reads a scenario given as text (tests, tools).
     *
     * @param yaml      the scenario
     * @param name      the name problems carry
     * @param directory where {@code accelerators-file} and {@code sites-file} resolve
     * @return the resolved scenario, without an origin
     * @throws ScenarioException with every problem found
     */
    public Scenario readString(String yaml, String name, Path directory) throws ScenarioException {
        return read(new Source.Text(name, yaml, directory), extraKeys(List.of()));
    }

    /**
     * Reads a scenario sent by someone else (the HTTP server): text that may not name files on this machine,
     * so {@code accelerators-file} and {@code sites-file} are reported as problems at their keys instead of
     * being read. YAML, or JSON (a subset of YAML) that follows the scenario schema.
     *
     * @param text the scenario
     * @param name the name problems carry, e.g. {@code request}
     * @return the resolved scenario, without an origin
     * @throws ScenarioException with every problem found
     */
    public Scenario readSandboxed(String text, String name) throws ScenarioException {
        return read(new Source.Text(name, text, null), extraKeys(List.of()));
    }

    /** Reads a scenario given as text named {@code <string>}; relative files resolve against the working directory. */
    public Scenario readString(String yaml) throws ScenarioException {
        return readString(yaml, "<string>", Path.of(""));
    }

    /** The names of the built-in scenarios (files {@code models/scenarios/*.yaml} on the classpath), sorted. */
    public static synchronized List<String> builtInNames() {
        // synchronized: a jar's file system is opened and closed here, which must not interleave
        List<String> names = new ArrayList<>();
        URL url = Source.Resource.find(BUILTIN_SCENARIOS);
        if (url == null) {
            return names;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean close = false;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    close = true;
                }
                try {
                    list(fs.getPath(BUILTIN_SCENARIOS), names);
                } finally {
                    if (close) {
                        fs.close();
                    }
                }
            } else {
                list(Path.of(uri), names);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // An unlistable classpath only means no names to suggest; reading a named file still works.
            return names;
        }
        names.sort(null);
        return names;
    }

    private static void list(Path dir, List<String> names) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                names.add(n.substring(0, n.length() - ".yaml".length()));
            }
        }
    }

    /** The scenario keys plus {@code extra} (validation files add their own top-level keys). */
    static List<String> extraKeys(List<String> extra) {
        List<String> keys = new ArrayList<>(TOP_KEYS);
        keys.addAll(extra);
        return keys;
    }

    /** Reads and resolves a scenario; {@code topKeys} are the keys allowed at the top level. */
    Scenario read(Source source, List<String> topKeys) throws ScenarioException {
        List<Problem> sink = new ArrayList<>();
        Problems p = new Problems(source.name(), sink);
        YamlText.Parsed parsed = YamlText.read(source, p);
        if (parsed.root() == null) {
            throw new ScenarioException(sink);
        }
        Fields top = Fields.of(p, parsed.root(), "", "a scenario", topKeys);
        if (top == null) {
            throw new ScenarioException(sink);
        }
        Scenario s = resolve(source, top, parsed.bytes());
        if (!sink.isEmpty()) {
            throw new ScenarioException(sink);
        }
        return s;
    }

    /** Resolves the scenario whose top-level fields are {@code top}; returns null when a problem was found. */
    private Scenario resolve(Source source, Fields top, byte[] bytes) {
        Problems p = top.problems();
        String name = Values.id(top, "scenario", true, "a scenario name");
        String description = Values.text(top, "description", true, "a one-line description");
        LocalDateTime start = Values.date(top, "start", true);
        Step step = Values.keyword(top, "step", Step.class, Step.MONTH);
        Figure horizon = Values.figure(top, HORIZON);
        LocalDateTime end = null;
        if (start != null && horizon != null) {
            end = end(p, top, start, horizon.quantity(), step);
        }
        Figure discount = Values.figure(top, DISCOUNT);
        Figure costOfCapital = Values.figure(top, COST_OF_CAPITAL);

        Source accSource = referenced(top, source, "accelerators-file", CatalogReader.BUILTIN_ACCELERATORS);
        Source siteSource = referenced(top, source, "sites-file", CatalogReader.BUILTIN_SITES);
        Map<String, Draft> accelerators = new HashMap<>();
        Map<String, Draft> sites = new HashMap<>();
        if (accSource != null) {
            accelerators = CatalogReader.readFile(accSource, p.sink(), true).drafts();
            if (top.has("accelerators")) {
                accelerators = CatalogReader.readOverrides(p, top.get("accelerators"), "accelerators", true,
                        accelerators, accSource.name());
            }
        }
        if (siteSource != null) {
            sites = CatalogReader.readFile(siteSource, p.sink(), false).drafts();
            if (top.has("sites")) {
                sites = CatalogReader.readOverrides(p, top.get("sites"), "sites", false, sites, siteSource.name());
            }
        }

        List<DeploymentDraft> deployments = readDeployments(top, start, end, accelerators, sites);
        // before the uncertainty, which may vary an entry's share price
        List<Consideration> consideration = readConsideration(top, deployments);
        List<UncertainInput> uncertainty = List.of();
        if (top.has("uncertainty")) {
            uncertainty = new UncertaintyReader(p, start, end, accelerators, sites, deployments, consideration)
                    .read(top.get("uncertainty"), "uncertainty");
        }
        MonteCarloSettings monteCarlo = readMonteCarlo(top);
        List<PowerCap> powerCaps = readPowerCaps(top, sites);

        if (p.count() > 0) {
            return null;
        }
        List<Deployment> resolved = new ArrayList<>();
        for (DeploymentDraft d : deployments) {
            resolved.add(toDeployment(d, accelerators.get(d.accelerator)));
        }
        Optional<ScenarioOrigin> origin = source instanceof Source.Text ? Optional.empty()
                : Optional.of(new ScenarioOrigin(source.name(), sha256(bytes)));
        Map<String, Accelerator> accs = CatalogReader.toAccelerators(accelerators);
        Map<String, Site> sts = CatalogReader.toSites(sites);
        return new Scenario(name, description, start, end, step, discount == null ? 0 : discount.base(),
                costOfCapital == null ? 0 : costOfCapital.base(),
                resolved, accs, sts, uncertainty, monteCarlo, consideration, powerCaps, origin);
    }

    /** {@code power-caps:}: a mapping from site id to a list of {@code { from: DATE, facility-power: P }}, dates increasing. */
    private static List<PowerCap> readPowerCaps(Fields top, Map<String, Draft> sites) {
        if (!top.has("power-caps")) {
            return List.of();
        }
        Problems p = top.problems();
        Fields f = Fields.of(p, top.get("power-caps"), "power-caps", "a mapping from site id to a list of "
                + "{ from: DATE, facility-power: P } steps", null);
        if (f == null) {
            return List.of();
        }
        List<PowerCap> out = new ArrayList<>();
        for (String site : f.keys()) {
            String path = f.path(site);
            if (!sites.containsKey(site)) {
                String near = Fields.nearest(site, sites.keySet());
                p.add(f.keyNode(site), path, site, "not a site of this scenario" + (near == null ? "" : "; did you mean "
                        + near + "?"));
                continue;
            }
            Node list = f.get(site);
            if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                p.at(list, path, "expected a list of steps, each { from: DATE, facility-power: P }");
                continue;
            }
            int before = p.count();
            List<PowerCap.Step> steps = new ArrayList<>();
            LocalDateTime previous = null;
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node item = seq.getValue().get(i);
                Fields s = Fields.of(p, item, path + "[" + i + "]", "a step { from: DATE, facility-power: P }",
                        List.of("from", "facility-power"));
                if (s == null) {
                    continue;
                }
                LocalDateTime from = Values.date(s, "from", true);
                Figure power = Values.figure(s, MILESTONE_POWER_REQUIRED);
                if (from != null && previous != null && !from.isAfter(previous)) {
                    p.at(s.get("from"), s.path("from"), "expected a date after the previous step's (" + previous + ")");
                }
                if (from != null) {
                    previous = from;
                }
                if (from != null && power != null) {
                    steps.add(new PowerCap.Step(from, power.base()));
                }
            }
            if (p.count() == before) {
                out.add(new PowerCap(site, steps));
            }
        }
        return out;
    }

    /**
     * The {@code consideration:} list: each entry names a deployment, a milestone (exactly one of {@code count} or
     * {@code facility-power}) and either {@code cash} or {@code shares} with {@code share-price}.
     */
    private static List<Consideration> readConsideration(Fields top, List<DeploymentDraft> deployments) {
        if (!top.has("consideration")) {
            return List.of();
        }
        Problems p = top.problems();
        Node list = top.get("consideration");
        if (!(list instanceof SequenceNode seq)) {
            p.at(list, "consideration", "expected a list of entries, each starting with '- id: ...'");
            return List.of();
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        for (DeploymentDraft d : deployments) {
            known.add(d.id);
        }
        List<Consideration> out = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            String path = "consideration[" + i + "]";
            Fields f = Fields.of(p, items.get(i), path, "a consideration entry", CONSIDERATION_KEYS);
            if (f == null) {
                continue;
            }
            int before = p.count();
            String id = Values.id(f, "id", true, "an id for the entry");
            if (id != null && seen.putIfAbsent(id, items.get(i)) != null) {
                p.add(f.get("id"), f.path("id"), id, "duplicate id (first given on line "
                        + (seen.get(id).getStartMark().getLine() + 1) + ")");
            }
            String deployment = Values.id(f, "deployment", true, "the id of the deployment whose milestone pays it");
            if (deployment != null && !known.contains(deployment)) {
                String near = Fields.nearest(deployment, known);
                p.add(f.get("deployment"), f.path("deployment"), deployment, "not a deployment of this scenario"
                        + (near == null ? "" : "; did you mean " + near + "?"));
            }
            Consideration.MilestoneKind kind = null;
            double milestone = 0;
            Node m = f.get("milestone");
            if (m == null) {
                p.missing(f.node(), f.path("milestone"), "a milestone: { count: N } or { facility-power: P }");
            } else {
                Fields mf = Fields.of(p, m, f.path("milestone"), "a milestone", List.of("count", "facility-power"));
                if (mf != null) {
                    if (mf.has("count") == mf.has("facility-power")) {
                        p.at(m, f.path("milestone"), "expected exactly one of count or facility-power");
                    } else {
                        boolean count = mf.has("count");
                        Figure fig = Values.figure(mf, count ? MILESTONE_COUNT : MILESTONE_POWER);
                        if (fig != null) {
                            kind = count ? Consideration.MilestoneKind.COUNT : Consideration.MilestoneKind.FACILITY_POWER;
                            milestone = fig.base();
                        }
                    }
                }
            }
            boolean cash = f.has("cash");
            boolean shares = f.has("shares") || f.has("share-price");
            Figure amount = null;
            double cashUsd = 0;
            double shareCount = 0;
            double sharePrice = 0;
            if (cash == shares) {
                p.at(items.get(i), path, "expected either cash or shares with share-price");
            } else if (cash) {
                amount = Values.figure(f, CASH);
                cashUsd = amount == null ? 0 : amount.base();
            } else if (!f.has("shares") || !f.has("share-price")) {
                p.missing(f.node(), f.path(f.has("shares") ? "share-price" : "shares"),
                        "shares and share-price together (the value is shares x share-price)");
            } else {
                Figure n = Values.figure(f, SHARES);
                amount = Values.figure(f, SHARE_PRICE);
                shareCount = n == null ? 0 : n.base();
                sharePrice = amount == null ? 0 : amount.base();
            }
            if (p.count() == before && kind != null && amount != null) {
                out.add(new Consideration(id, deployment, kind, milestone, cashUsd, shareCount, sharePrice,
                        amount.provenance()));
            }
        }
        return out;
    }

    /** The end of the horizon; reports a horizon shorter than one step or beyond the supported dates. */
    private static LocalDateTime end(Problems p, Fields top, LocalDateTime start, Quantity horizon, Step step) {
        Node at = top.get("horizon");
        LocalDateTime end;
        try {
            end = horizon.addTo(start);
        } catch (DateTimeException | ArithmeticException e) {
            p.at(at, "horizon", "too long; expected a horizon that ends before the year 999999");
            return null;
        }
        if (step != null) {
            LocalDateTime firstStepEnd = stepEnd(start, step);
            if (end.isBefore(firstStepEnd)) {
                p.at(at, "horizon", "shorter than one step; expected at least one " + step.name().toLowerCase(java.util.Locale.ROOT)
                        + " (" + hours(Duration.between(start, firstStepEnd)) + " h from the start)");
                return null;
            }
        }
        return end;
    }

    /** The end of the first period starting at {@code start}. */
    static LocalDateTime stepEnd(LocalDateTime start, Step step) {
        return switch (step) {
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    private static String hours(Duration d) {
        double h = d.getSeconds() / 3600.0;
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    /** The catalog or sites file a scenario names, or the built-in one; null when the named file is missing. */
    private static Source referenced(Fields top, Source scenario, String key, String builtIn) {
        if (!top.has(key)) {
            return new Source.Resource(builtIn);
        }
        String rel = Values.text(top, key, false, "a path relative to the scenario file");
        if (rel == null) {
            return null;
        }
        Source s = scenario.resolve(rel);
        if (scenario instanceof Source.Text t && t.directory() == null) {
            // a scenario from elsewhere (the server) reads no file of this machine: its paths resolve as if it
            // stood in the built-in models/scenarios/, and only the built-in model files may be named
            if (!(s instanceof Source.Resource r) || !r.resource().startsWith("models/") || r.resource().contains("..")
                    || !r.resource().endsWith(".yaml") || Source.Resource.find(r.resource()) == null) {
                top.problems().at(top.get(key), key, "a scenario sent to the server names only built-in model files"
                        + " (../accelerators.yaml, ../sites.yaml); give other figures as overrides in the scenario");
                return null;
            }
        }
        if (s instanceof Source.File f && !Files.isRegularFile(f.path())) {
            top.problems().at(top.get(key), key, (Files.isDirectory(f.path()) ? "a folder, not a file: " : "file not found: ")
                    + f.path());
            return null;
        }
        return s;
    }

    private List<DeploymentDraft> readDeployments(Fields top, LocalDateTime start, LocalDateTime end,
                                                  Map<String, Draft> accelerators, Map<String, Draft> sites) {
        Problems p = top.problems();
        List<DeploymentDraft> out = new ArrayList<>();
        Node list = top.get("deployments");
        if (list == null) {
            p.missing(top.node(), "deployments", "a list of at least one deployment");
            return out;
        }
        if (!(list instanceof SequenceNode seq)) {
            p.at(list, "deployments", "expected a list of deployments, each starting with '- id: ...'");
            return out;
        }
        if (seq.getValue().isEmpty()) {
            p.at(list, "deployments", "expected at least one deployment");
            return out;
        }
        Map<String, Node> seen = new HashMap<>();
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            DeploymentDraft d = readDeployment(p, items.get(i), "deployments[" + i + "]", start, end, accelerators, sites);
            if (d == null) {
                continue;
            }
            if (d.id != null) {
                Node first = seen.putIfAbsent(d.id, items.get(i));
                if (first != null) {
                    p.add(items.get(i), d.path + ".id", d.id, "duplicate id (first given on line "
                            + (first.getStartMark().getLine() + 1) + ")");
                    continue;
                }
            }
            out.add(d);
        }
        return out;
    }

    private DeploymentDraft readDeployment(Problems p, Node node, String path, LocalDateTime scenarioStart,
                                           LocalDateTime scenarioEnd, Map<String, Draft> accelerators,
                                           Map<String, Draft> sites) {
        Fields f = Fields.of(p, node, path, "a deployment", DEPLOYMENT_KEYS);
        if (f == null) {
            return null;
        }
        int before = p.count();
        DeploymentDraft d = new DeploymentDraft(node, path);
        d.id = Values.id(f, "id", true, "a deployment id");
        d.deal = f.has("deal") ? Values.id(f, "deal", false, "a deal id") : d.id;
        d.accelerator = reference(f, "accelerator", accelerators, "accelerator");
        d.site = reference(f, "site", sites, "site");
        d.ownership = Values.keyword(f, "ownership", Ownership.class, Ownership.OWNED);
        d.precision = Values.keyword(f, "precision", Precision.class, Precision.BF16);
        d.energyIncluded = Values.bool(f, "energy-included", Boolean.TRUE);
        d.takeOrPay = Values.bool(f, "take-or-pay", Boolean.FALSE);
        d.termFrom = Values.keyword(f, "term-from", TermFrom.class, null);
        if (d.termFrom == TermFrom.INSTALL && Boolean.TRUE.equals(d.takeOrPay)) {
            p.at(f.get("term-from"), f.path("term-from"), "take-or-pay counts the term from the deployment start; "
                    + "remove term-from or take-or-pay");
        }
        d.refresh = Values.bool(f, "refresh", Boolean.FALSE);
        if (f.has("successor")) {
            d.successor = reference(f, "successor", accelerators, "accelerator");
            if (!Boolean.TRUE.equals(d.refresh)) {
                p.at(f.get("successor"), f.path("successor"), "a successor is the accelerator a refresh installs; "
                        + "add refresh: true or remove successor");
            }
        }
        readSize(f, d);
        d.start = Values.date(f, "start", true);
        if (d.start != null && scenarioStart != null && scenarioEnd != null
                && (d.start.isBefore(scenarioStart) || !d.start.isBefore(scenarioEnd))) {
            p.at(f.get("start"), f.path("start"), "outside the scenario; expected a start in [" + scenarioStart
                    + ", " + scenarioEnd + ")");
        }
        for (Spec s : ModelSpecs.DEPLOYMENT) {
            if (f.has(s.key())) {
                Figure fig = Values.figure(f, s);
                if (fig != null) {
                    d.figures.put(s.key(), fig);
                }
            }
        }
        if (d.ownership == Ownership.OWNED) {
            for (String k : LEASED_ONLY) {
                if (f.has(k)) {
                    p.at(f.get(k), f.path(k), "only for leased deployments; remove it or set ownership: leased");
                }
            }
        } else if (d.ownership == Ownership.LEASED) {
            for (String k : OWNED_ONLY) {
                if (f.has(k)) {
                    p.at(f.get(k), f.path(k), "only for owned deployments (a lease price includes it)");
                }
            }
        }
        Draft acc = d.accelerator == null ? null : accelerators.get(d.accelerator);
        if (acc != null && acc.isSound() && d.precision != null) {
            String key = d.precision.name().toLowerCase(java.util.Locale.ROOT);
            if (acc.base(key, 0) <= 0) {
                p.add(f.has("precision") ? f.get("precision") : node, f.path("precision"), key,
                        "accelerator " + d.accelerator + " has no " + key + " peak; expected one of "
                                + supported(acc) + (f.has("precision") ? "" : " (bf16 is the default)"));
            }
        }
        if (acc != null && acc.isSound() && d.ownership == Ownership.LEASED && !f.has("lease-price")
                && acc.base("lease-price", 0) <= 0) {
            p.missing(node, f.path("lease-price"), "a price per accelerator-hour (USD/h): accelerator "
                    + d.accelerator + " has no reference lease-price in the catalog");
        }
        if (acc != null && acc.isSound() && d.ownership == Ownership.OWNED && d.sizeKind == SizeKind.BUDGET
                && acc.base("capex", 0) <= 0) {
            p.at(f.get("size"), f.path("size"), "a budget needs a capex above 0, and accelerator "
                    + d.accelerator + " has none; expected another size");
        }
        d.broken = p.count() > before;
        return d;
    }

    private static String supported(Draft acc) {
        List<String> out = new ArrayList<>();
        for (String k : List.of("bf16", "fp8", "fp4")) {
            if (acc.base(k, 0) > 0) {
                out.add(k);
            }
        }
        return String.join(", ", out);
    }

    /** Reads an id that must name an entry of {@code known}. */
    private static String reference(Fields f, String key, Map<String, Draft> known, String what) {
        String id = Values.id(f, key, true, "a" + (what.startsWith("a") ? "n " : " ") + what + " id");
        if (id == null || known.isEmpty() || known.containsKey(id)) {
            return id;
        }
        String near = Fields.nearest(id, known.keySet());
        List<String> ids = new ArrayList<>(known.keySet());
        String listed = ids.size() <= MAX_LISTED_IDS ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, MAX_LISTED_IDS)) + ", ...";
        f.problems().at(f.get(key), f.path(key), "unknown " + what + (near == null ? "" : "; did you mean " + near + "?")
                + " (known: " + listed + ")");
        return null;
    }

    private static void readSize(Fields f, DeploymentDraft d) {
        Node n = f.get("size");
        Problems p = f.problems();
        String expected = "give exactly one of count, it-power, facility-power, budget";
        if (n == null) {
            p.missing(f.node(), f.path("size"), "a mapping that " + expected.replace("give", "gives")
                    + ", e.g. { facility-power: 1 GW }");
            return;
        }
        Fields s = Fields.of(p, n, f.path("size"), "a size", SIZE_KEYS);
        if (s == null) {
            return;
        }
        List<String> given = s.keys();
        if (given.size() != 1) {
            p.at(n, f.path("size"), expected);
            return;
        }
        String key = given.get(0);
        Spec spec = ModelSpecs.find(ModelSpecs.SIZE, key);
        Figure fig = Values.figure(s, spec);
        if (fig == null) {
            return;
        }
        if (key.equals("count") && fig.base() != Math.rint(fig.base())) {
            // 2.5 accelerators would be shown as given "3" and resolve to 2: neither is what was written
            p.at(fig.node(), s.path(key), "expected a whole number of accelerators, e.g. "
                    + (long) Math.floor(fig.base()) + " or " + (long) Math.ceil(fig.base()));
            return;
        }
        d.sizeKind = switch (key) {
            case "count" -> SizeKind.COUNT;
            case "it-power" -> SizeKind.IT_POWER;
            case "facility-power" -> SizeKind.FACILITY_POWER;
            default -> SizeKind.BUDGET;
        };
        d.sizeQuantity = fig.quantity();
    }

    private static MonteCarloSettings readMonteCarlo(Fields top) {
        if (!top.has("monte-carlo")) {
            return MonteCarloSettings.DEFAULT;
        }
        Problems p = top.problems();
        Fields f = Fields.of(p, top.get("monte-carlo"), "monte-carlo", "Monte Carlo settings", MONTE_CARLO_KEYS);
        if (f == null) {
            return MonteCarloSettings.DEFAULT;
        }
        MonteCarloSettings d = MonteCarloSettings.DEFAULT;
        Long runs = Values.integer(f, "runs", 1, Integer.MAX_VALUE, "a whole number of runs >= 1");
        Long seed = Values.integer(f, "seed", Long.MIN_VALUE, Long.MAX_VALUE, "a whole number");
        double[] quantiles = d.quantiles();
        Node q = f.get("quantiles");
        if (q != null) {
            quantiles = readQuantiles(p, q, f.path("quantiles"));
        }
        return new MonteCarloSettings(runs == null ? d.runs() : runs.intValue(), seed == null ? d.seed() : seed,
                quantiles == null ? d.quantiles() : quantiles);
    }

    private static double[] readQuantiles(Problems p, Node q, String path) {
        if (!(q instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            p.at(q, path, "expected a list of probabilities in (0, 1), ascending, e.g. [0.1, 0.5, 0.9]");
            return null;
        }
        List<Node> items = seq.getValue();
        double[] out = new double[items.size()];
        Spec spec = Spec.required("quantiles", Dimension.FRACTION, new Range(0, false, 1, false, "in (0, 1)"));
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Quantity v = Values.quantity(p, items.get(i), itemPath, spec);
            if (v == null || !Values.inRange(p, items.get(i), itemPath, spec, v)) {
                ok = false;
                continue;
            }
            out[i] = v.base();
            if (i > 0 && ok && !(out[i] > out[i - 1])) {
                p.at(items.get(i), itemPath, "expected quantiles in ascending order without repeats");
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private static Deployment toDeployment(DeploymentDraft d, Draft accelerator) {
        Size size = new Size(d.sizeKind, d.sizeQuantity.base());
        boolean leased = d.ownership == Ownership.LEASED;
        double[] v = ModelField.defaults(ModelField.Owner.DEPLOYMENT);
        for (ModelField f : ModelField.of(ModelField.Owner.DEPLOYMENT)) {
            if (f.only() != null && f.only() != d.ownership) {
                // a field of the other ownership is an error when given; here it keeps its neutral value
                v[f.index()] = f == ModelField.LEASE_PRICE ? 0 : f.defaultValue();
            } else if (d.has(f.yamlName())) {
                v[f.index()] = d.base(Spec.of(f));
            }
        }
        if (leased && !d.has("lease-price")) {
            v[ModelField.LEASE_PRICE.index()] = accelerator.base("lease-price", 0);
        }
        boolean takeOrPay = leased && Boolean.TRUE.equals(d.takeOrPay);
        TermFrom from = d.termFrom != null ? d.termFrom
                : leased && !takeOrPay ? TermFrom.INSTALL : TermFrom.DEPLOYMENT_START;
        String refreshWith = !leased && Boolean.TRUE.equals(d.refresh)
                ? (d.successor != null ? d.successor : d.accelerator) : null;
        return new Deployment(d.id, d.deal, d.accelerator, d.site, d.ownership, size, d.start, d.precision,
                !leased || d.energyIncluded, from, takeOrPay, refreshWith, v);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
