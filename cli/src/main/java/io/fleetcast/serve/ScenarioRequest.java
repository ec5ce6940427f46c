package io.fleetcast.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.Problem;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.scenario.ScenarioReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario and its run settings as sent to the server, read by the same reader and validation as the command
 * line ({@link ScenarioReader#readSandboxed}: a request may not name files on the server).
 *
 * <p>The body is one of: the scenario as YAML; the scenario as JSON (a JSON object with {@code deployments});
 * or a JSON envelope {@code {"scenario": {...} | "YAML text", "builtin": "NAME", "mode", "seed", "groupings",
 * ...}} with exactly one of {@code scenario} and {@code builtin}. Settings may also come as query parameters
 * ({@code ?mode=simulate&seed=7&groupings=deal,total}). Problems in an envelope's scenario carry the line and
 * column in the body, not in the embedded object.
 *
 * @param scenario  the validated scenario
 * @param mode      expected (default) or simulate
 * @param seed      the seed (default: the scenario's monte-carlo seed)
 * @param groupings groupings of the CSV answer (default: deployment, deal, total)
 * @param envelope  the envelope's other members (solve and sensitivity read theirs), or an empty object
 */
record ScenarioRequest(Scenario scenario, Mode mode, long seed, List<Grouping> groupings, JsonNode envelope) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    /** The built-in scenarios read so far (a fixed, small set: only names that exist are kept). */
    private static final java.util.concurrent.ConcurrentMap<String, Scenario> BUILT_IN = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Reads a request.
     *
     * @param body        the body as text (UTF-8 decoded)
     * @param contentType the {@code Content-Type} header, or null
     * @param query       the query parameters
     * @param allowed     envelope members the endpoint reads besides the common ones
     * @return the request
     * @throws ApiException 400 with every problem found
     */
    static ScenarioRequest parse(String body, String contentType, Map<String, String> query, List<String> allowed) {
        JsonNode envelope = MAPPER.createObjectNode();
        String scenarioText = body;
        int lineOffset = 0;
        int columnOffset = 0;
        String builtin = null;
        if (looksLikeJson(body, contentType)) {
            JsonNode tree;
            try {
                tree = MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new ApiException(400, List.of(new Problem(ApiException.BODY, at == null ? 0 : at.getLineNr(),
                        at == null ? 0 : at.getColumnNr(), "", null, "not valid JSON: " + e.getOriginalMessage())), Map.of());
            }
            if (tree != null && tree.isObject() && !tree.has("deployments")) {
                envelope = tree;
                checkMembers(tree, allowed);
                JsonNode s = tree.get("scenario");
                JsonNode b = tree.get("builtin");
                if ((s == null) == (b == null)) {
                    throw ApiException.badRequest("scenario", null,
                            "give exactly one of scenario (a JSON object or YAML text) and builtin (a built-in scenario name)");
                }
                if (b != null) {
                    if (!b.isTextual()) {
                        throw ApiException.badRequest("builtin", b.toString(), "expected a built-in scenario name such as openai-portfolio");
                    }
                    builtin = b.asText();
                } else if (s.isTextual()) {
                    scenarioText = s.asText();
                } else if (s.isObject()) {
                    int[] at = new int[2];
                    scenarioText = rawMember(body, "scenario", at);
                    lineOffset = at[0] - 1;
                    columnOffset = at[1] - 1;
                } else {
                    throw ApiException.badRequest("scenario", s.toString(), "expected the scenario as a JSON object or as YAML text");
                }
            }
        }
        Scenario scenario = read(scenarioText, builtin, lineOffset, columnOffset);
        Mode mode = mode(setting(envelope, query, "mode"));
        String seedText = setting(envelope, query, "seed");
        long seed;
        try {
            seed = seedText == null ? scenario.monteCarlo().seed() : Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("seed", seedText, "expected a whole number");
        }
        return new ScenarioRequest(scenario, mode, seed, groupings(envelope, query), envelope);
    }

    private static final List<String> COMMON = List.of("scenario", "builtin", "mode", "seed", "groupings");

    private static void checkMembers(JsonNode tree, List<String> allowed) {
        List<Problem> problems = new ArrayList<>();
        var names = tree.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!COMMON.contains(n) && !allowed.contains(n)) {
                List<String> all = new ArrayList<>(COMMON);
                all.addAll(allowed);
                problems.add(new Problem(ApiException.BODY, 0, 0, n, null, "unknown member; expected one of "
                        + String.join(", ", all)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, problems, Map.of());
        }
    }

    private static boolean looksLikeJson(String body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' && (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("yaml"));
            }
        }
        return false;
    }

    /**
     * The text of a top-level member's value as it stands in the body, and where it starts (line, column,
     * 1-based), so the YAML reader's positions can be moved back into the body.
     */
    private static String rawMember(String body, String member, int[] at) {
        try (JsonParser p = FACTORY.createParser(body)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(member)) {
                    JsonLocation start = p.currentTokenLocation();
                    p.skipChildren();
                    JsonLocation end = p.currentLocation();
                    at[0] = start.getLineNr();
                    at[1] = start.getColumnNr();
                    return body.substring((int) start.getCharOffset(), (int) end.getCharOffset());
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the body parsed once already", e);
        }
        throw new IllegalStateException("member " + member + " vanished");
    }

    private static Scenario read(String text, String builtin, int lineOffset, int columnOffset) {
        try {
            if (builtin != null) {
                // a scenario is an immutable value: read each built-in once (9.5 ms for the portfolio) and keep it
                Scenario cached = BUILT_IN.get(builtin);
                if (cached == null) {
                    cached = Fleetcast.builtIn(builtin);
                    BUILT_IN.putIfAbsent(builtin, cached);
                }
                return cached;
            }
            return new ScenarioReader().readSandboxed(text, ApiException.BODY);
        } catch (ScenarioException e) {
            List<Problem> moved = new ArrayList<>();
            for (Problem p : e.problems()) {
                if (p.file().equals(ApiException.BODY) && p.line() > 0) {
                    moved.add(new Problem(p.file(), p.line() + lineOffset,
                            p.line() == 1 ? p.column() + columnOffset : p.column(), p.path(), p.value(), p.expected()));
                } else if (builtin != null && p.line() == 0) {
                    moved.add(new Problem(ApiException.BODY, 0, 0, "builtin", builtin, p.expected()));
                } else {
                    moved.add(p);
                }
            }
            throw new ApiException(400, moved, Map.of());
        }
    }

    private static String setting(JsonNode envelope, Map<String, String> query, String key) {
        JsonNode n = envelope.get(key);
        if (n != null && !n.isNull()) {
            if (n.isContainerNode()) {
                throw ApiException.badRequest(key, n.toString(), "expected a single value");
            }
            return n.asText();
        }
        return query.get(key);
    }

    private static Mode mode(String text) {
        if (text == null) {
            return Mode.EXPECTED;
        }
        for (Mode m : Mode.values()) {
            if (m.id().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw ApiException.badRequest("mode", text, "expected expected or simulate");
    }

    private static List<Grouping> groupings(JsonNode envelope, Map<String, String> query) {
        List<String> names = new ArrayList<>();
        JsonNode n = envelope.get("groupings");
        if (n != null && n.isArray()) {
            for (JsonNode g : n) {
                names.add(g.asText());
            }
        } else if (n != null && !n.isNull()) {
            for (String g : n.asText().split(",")) {
                names.add(g.strip());
            }
        } else if (query.get("groupings") != null) {
            for (String g : query.get("groupings").split(",")) {
                names.add(g.strip());
            }
        }
        if (names.isEmpty()) {
            return io.fleetcast.write.OutputWriter.DEFAULT_GROUPINGS;
        }
        List<Grouping> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(Grouping.byId(name));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("groupings", name, e.getMessage());
            }
        }
        return out;
    }
}
