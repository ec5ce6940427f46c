package io.fleetcast.scenario;

import io.fleetcast.model.Problem;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Validates any file of the {@code models/} format, telling the kinds apart by their top-level key:
 * {@code scenario:} (a scenario or a validation case), {@code accelerators:} (a catalog), {@code sites:} or
 * {@code anchors:} (the calibration anchors).
 * What {@code fleetcast validate} runs.
 */
public final class ModelFiles {

    /** The kinds of model file. */
    public enum Kind {
        /** A scenario ({@code models/scenarios/*.yaml}, a top-level {@code scenario:}). */
        SCENARIO,
        /** An accelerator catalog (a top-level {@code accelerators:} list). */
        ACCELERATORS,
        /** Sites (a top-level {@code sites:} list). */
        SITES,
        /** Calibration anchors ({@code models/calibration/anchors.yaml}, a top-level {@code anchors:} list). */
        ANCHORS
    }

    /**
     * What a valid file holds, in one line for {@code fleetcast validate}.
     *
     * @param kind    the kind of file
     * @param summary e.g. {@code scenario amd-openai-6gw: 2 deployments, 96 months} or {@code 13 accelerators}
     */
    public record Checked(Kind kind, String summary) {
    }

    private ModelFiles() {
    }

    /**
     * Validates a file: a path, or for scenarios also a built-in scenario name.
     *
     * @param nameOrPath a file path, or a built-in scenario name when no file of that name exists
     * @return what the file holds
     * @throws ScenarioException with every problem of the file (and of the catalog and sites it uses)
     */
    public static Checked validate(String nameOrPath) throws ScenarioException {
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            if (Files.exists(path)) {
                throw new ScenarioException(List.of(new Problem(nameOrPath, 0, 0, "", null, "not a regular file")));
            }
            Scenario s = new ScenarioReader().readBuiltIn(nameOrPath);
            return new Checked(Kind.SCENARIO, describe(s));
        }
        Source source = new Source.File(path);
        Kind kind = kindOf(source);
        List<Problem> sink = new ArrayList<>();
        switch (kind) {
            case ACCELERATORS -> {
                Map<String, Draft> d = CatalogReader.readFile(source, sink, true).drafts();
                throwIfAny(sink);
                return new Checked(kind, d.size() + " accelerators");
            }
            case SITES -> {
                Map<String, Draft> d = CatalogReader.readFile(source, sink, false).drafts();
                throwIfAny(sink);
                return new Checked(kind, d.size() + " sites");
            }
            case ANCHORS -> {
                int n = AnchorsReader.read(path).size();
                return new Checked(kind, n + " calibration anchors");
            }
            default -> {
                Scenario s = new ScenarioReader().read(path);
                return new Checked(kind, describe(s));
            }
        }
    }

    private static void throwIfAny(List<Problem> sink) throws ScenarioException {
        if (!sink.isEmpty()) {
            throw new ScenarioException(sink);
        }
    }

    private static String describe(Scenario s) {
        int n = s.deployments().size();
        return "scenario " + s.name() + ": " + n + (n == 1 ? " deployment" : " deployments") + ", "
                + s.start().toLocalDate() + " to " + s.end().toLocalDate()
                + (s.uncertainty().isEmpty() ? "" : ", " + s.uncertainty().size() + " uncertain inputs");
    }

    /**
     * The kind of a file from its top-level keys; a file whose YAML cannot be read counts as a scenario
     * (the scenario reader then reports the YAML problem).
     */
    static Kind kindOf(Source source) {
        YamlText.Parsed parsed = YamlText.read(source, new Problems(source.name(), new ArrayList<>()));
        if (parsed.root() instanceof MappingNode m) {
            boolean accelerators = false;
            boolean sites = false;
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    switch (k.getValue()) {
                        case "scenario" -> {
                            return Kind.SCENARIO;
                        }
                        case "accelerators" -> accelerators = t.getValueNode() instanceof org.yaml.snakeyaml.nodes.SequenceNode;
                        case "sites" -> sites = t.getValueNode() instanceof org.yaml.snakeyaml.nodes.SequenceNode;
                        case "anchors" -> {
                            return Kind.ANCHORS;
                        }
                        default -> {
                        }
                    }
                }
            }
            if (accelerators && !sites) {
                return Kind.ACCELERATORS;
            }
            if (sites && !accelerators) {
                return Kind.SITES;
            }
        }
        return Kind.SCENARIO;
    }
}
