package io.fleetcast.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fleetcast serve} through a real HTTP client against servers on random local ports: every endpoint,
 * every error class, token on and off, job progress, cancellation, the 429 path, the time budget and a
 * graceful stop.
 */
class ServerTest {

    private static final String TOKEN = "t0ken-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final StringWriter LOG = new StringWriter();

    private static Server server;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        // 256 KiB bodies and 2 million devices per simulate request, so the 413 and device-limit paths are cheap
        ServeOptions o = ServeOptions.defaults().withAddress("127.0.0.1", 0).withToken(TOKEN)
                .withLimits(256 << 10, 2_000_000, 20_000, 1, 4, Duration.ofSeconds(60));
        server = Server.start(o, new PrintWriter(LOG));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN).GET();
    }

    private static HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String yaml(String builtIn) throws IOException {
        return Files.readString(Path.of("..", "models", "scenarios", builtIn + ".yaml"));
    }

    private static JsonNode firstProblem(HttpResponse<String> r) throws IOException {
        JsonNode root = JSON.readTree(r.body());
        assertEquals(r.statusCode(), root.get("status").asInt());
        assertEquals(r.headers().firstValue("X-Request-Id").orElseThrow(), root.get("request_id").asText());
        assertFalse(r.body().contains("at io.fleetcast"), "no stack trace: " + r.body());
        return root.get("problems").get(0);
    }

    @Test
    void health_withoutToken_okWithRequestIdInTheLog() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/health")).GET());
        assertEquals(200, r.statusCode());
        assertEquals("ok", JSON.readTree(r.body()).get("status").asText());
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        // the line is written once the answer is sent: wait for it
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!LOG.toString().contains("id=" + id + " GET /v1/health 200") && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(LOG.toString().contains("id=" + id + " GET /v1/health 200"), LOG.toString());
    }

    @Test
    void projections_missingOrWrongToken_401() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(base + "/v1/projections"))
                .POST(HttpRequest.BodyPublishers.ofString(yaml("amd-openai-6gw"))));
        assertEquals(401, none.statusCode());
        assertTrue(firstProblem(none).get("message").asText().contains("missing Authorization"));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(base + "/v1/catalog"))
                .header("Authorization", "Bearer nope").GET());
        assertEquals(401, wrong.statusCode());
        assertEquals("Bearer realm=\"fleetcast\"", wrong.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void projections_yamlBody_resultsDocumentWithTheSizing() throws Exception {
        HttpResponse<String> r = send(post("/v1/projections", "application/yaml", yaml("amd-openai-6gw")));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode doc = JSON.readTree(r.body());
        assertEquals("fleetcast-results/4", doc.get("format").asText());
        // 1 GW facility / (2,900 W all-in x 1.26 design PUE) = 273,672.69 -> 273,672 MI450 (README worked example)
        assertEquals(273_672, doc.get("sizing").get(0).get("count").asLong());
        assertEquals("expected", doc.get("provenance").get("mode").asText());
    }

    @Test
    void projections_cubeGroupingTotal_sameDocumentWithTheTotalCube() throws Exception {
        HttpResponse<String> r = send(post("/v1/projections?cube_grouping=total", "application/json", "{\"builtin\": \"amd-openai-6gw\"}"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode cube = JSON.readTree(r.body()).get("cube");
        assertEquals("total", cube.get("grouping").asText());
        assertEquals("[\"total\"]", cube.get("groups").toString());
    }

    @Test
    void projections_envelopeWithCsvAccept_longCsvOfTheGroupings() throws Exception {
        HttpResponse<String> r = send(post("/v1/projections", "application/json",
                "{\"builtin\": \"amd-openai-6gw\", \"groupings\": [\"total\"]}").header("Accept", "text/csv"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        String[] lines = r.body().split("\n");
        assertEquals(String.join(",", io.fleetcast.write.CsvWriter.LONG_COLUMNS), lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith("amd-openai-6gw,expected,value,exact,total,total,"), lines[i]);
        }
    }

    @Test
    void projections_jsonScenarioInEnvelope_problemsLocatedInTheBody() throws Exception {
        String body = "{\"mode\": \"expected\",\n"
                + " \"scenario\": {\"scenario\": \"x\", \"description\": \"d\", \"start\": \"2026-01\", \"horizon\": \"12 months\",\n"
                + "  \"deployments\": [{\"id\": \"a\", \"accelerator\": \"nope\", \"site\": \"us-tx\", \"start\": \"2026-01\", \"size\": {\"count\": 5}}]}}";
        HttpResponse<String> r = send(post("/v1/projections", "application/json", body));
        assertEquals(400, r.statusCode(), r.body());
        JsonNode p = firstProblem(r);
        assertEquals("deployments[0].accelerator", p.get("path").asText());
        // "nope" stands on line 3 of the body, at the column where it is written (1-based)
        assertEquals(3, p.get("line").asInt());
        assertEquals(body.split("\n")[2].indexOf("\"nope\"") + 1, p.get("column").asInt());
        assertEquals("nope", p.get("value").asText());
    }

    @Test
    void projections_scenarioNamingAFile_400AndTheFileIsNotRead() throws Exception {
        String body = yaml("amd-openai-6gw").replace("accelerators-file: ../accelerators.yaml", "accelerators-file: /etc/passwd");
        HttpResponse<String> r = send(post("/v1/projections", "application/yaml", body));
        assertEquals(400, r.statusCode());
        JsonNode p = firstProblem(r);
        assertEquals("accelerators-file", p.get("path").asText());
        assertFalse(r.body().contains("root:"), r.body());
        HttpResponse<String> up = send(post("/v1/projections", "application/yaml",
                yaml("amd-openai-6gw").replace("accelerators-file: ../accelerators.yaml", "accelerators-file: ../../pom.xml")));
        assertEquals("accelerators-file", firstProblem(up).get("path").asText());
    }

    @Test
    void projections_badModeAndUnknownMember_400() throws Exception {
        HttpResponse<String> mode = send(post("/v1/projections?mode=fast", "application/yaml", yaml("amd-openai-6gw")));
        assertEquals(400, mode.statusCode());
        assertEquals("mode", firstProblem(mode).get("path").asText());
        HttpResponse<String> member = send(post("/v1/projections", "application/json", "{\"builtin\": \"amd-openai-6gw\", \"runz\": 3}"));
        assertEquals(400, member.statusCode());
        assertEquals("runz", firstProblem(member).get("path").asText());
        HttpResponse<String> broken = send(post("/v1/projections", "application/json", "{\"builtin\": "));
        assertEquals(400, broken.statusCode());
        assertTrue(firstProblem(broken).get("message").asText().startsWith("not valid JSON"));
    }

    @Test
    void projections_simulateAboveTheDeviceLimit_400() throws Exception {
        // amd-openai-6gw resolves to 1,642,035 + ... > 2,000,000? 273,672 + 1,368,363 = 1,642,035 < 2 M: the portfolio (15.6 M) is above
        HttpResponse<String> r = send(post("/v1/projections?mode=simulate", "application/json", "{\"builtin\": \"openai-portfolio\"}"));
        assertEquals(400, r.statusCode());
        assertTrue(firstProblem(r).get("message").asText().contains("--max-devices"));
    }

    @Test
    void projections_simulateWithinTheLimit_simulatedWithTheSeed() throws Exception {
        HttpResponse<String> r = send(post("/v1/projections", "application/json",
                "{\"builtin\": \"amd-openai-6gw\", \"mode\": \"simulate\", \"seed\": 7}"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode prov = JSON.readTree(r.body()).get("provenance");
        assertEquals("simulate", prov.get("mode").asText());
        assertEquals(7, prov.get("seed").asLong());
    }

    @Test
    void projections_oversizeBody_413() throws Exception {
        HttpResponse<String> r = send(post("/v1/projections", "application/yaml", "#".repeat(300 << 10)));
        assertEquals(413, r.statusCode());
        assertTrue(firstProblem(r).get("message").asText().contains("--max-body-bytes"));
    }

    @Test
    void unknownRouteAndWrongMethod_404And405() throws Exception {
        HttpResponse<String> missing = send(get("/v1/nothing"));
        assertEquals(404, missing.statusCode());
        firstProblem(missing);
        HttpResponse<String> method = send(get("/v1/projections"));
        assertEquals(405, method.statusCode());
        assertEquals("POST", method.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> job = send(get("/v1/jobs/0000"));
        assertEquals(404, job.statusCode());
    }

    @Test
    void catalogAndSites_builtInEntriesWithSources() throws Exception {
        JsonNode catalog = JSON.readTree(send(get("/v1/catalog")).body());
        JsonNode sites = JSON.readTree(send(get("/v1/sites")).body());
        // the catalog document of `fleetcast catalog --format json` (docs/schemas/catalog.schema.json)
        assertTrue(catalog.path("entries").isArray() && catalog.toString().contains("\"mi450\""), catalog.toString());
        assertEquals("accelerators", catalog.path("kind").asText());
        assertTrue(sites.path("entries").isArray() && sites.toString().contains("\"us-tx\""));
        assertEquals("sites", sites.path("kind").asText());
    }

    @Test
    void openApi_documentsExactlyTheRegisteredRoutes() throws Exception {
        HttpResponse<String> r = send(get("/openapi.json"));
        assertEquals(200, r.statusCode());
        JsonNode doc = JSON.readTree(r.body());
        assertEquals("3.1.0", doc.get("openapi").asText());
        TreeSet<String> documented = new TreeSet<>();
        JsonNode paths = doc.get("paths");
        for (java.util.Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
            String path = p.next();
            for (java.util.Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            }
        }
        assertEquals(new TreeSet<>(server.routes()), documented);
    }

    @Test
    void solve_awsLeasePrice_theCliAnswer() throws Exception {
        String body = "{\"builtin\": \"aws-openai-38b\", \"set\": [\"deployments.aws-gb200.count=150000\", \"deployments.aws-gb300.count=150000\"],"
                + " \"vary\": [\"deployments.aws-gb200.lease-price\", \"deployments.aws-gb300.lease-price\"],"
                + " \"target\": \"lease_cost_usd=38e9\", \"group\": \"deal:aws-openai\"}";
        HttpResponse<String> r = send(post("/v1/solve", "application/json", body));
        assertEquals(200, r.statusCode(), r.body());
        // README: 38e9 USD / 17,101,800,000 contracted h = 2.22199 USD/h
        assertEquals(2.22199, JSON.readTree(r.body()).get("value").asDouble(), 1e-5);
        HttpResponse<String> bad = send(post("/v1/solve", "application/json", body.replace("lease_cost_usd=38e9", "lease_cost=38e9")));
        assertEquals(400, bad.statusCode());
    }

    @Test
    void sensitivity_amdOpenAi_tornadoOfTheCli() throws Exception {
        HttpResponse<String> r = send(post("/v1/sensitivity", "application/json",
                "{\"builtin\": \"amd-openai-6gw\", \"metric\": \"tco_usd\", \"runs\": 100}"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("accelerators.mi450.capex"), r.body());
    }

    @Test
    void monteCarlo_job_progressThenBands() throws Exception {
        HttpResponse<String> r = send(post("/v1/monte-carlo", "application/json",
                "{\"builtin\": \"amd-openai-6gw\", \"runs\": 40, \"quantiles\": [0.1, 0.5, 0.9]}"));
        assertEquals(202, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode job = poll(location, "done");
        assertEquals(40, job.get("runs_done").asInt());
        JsonNode bands = job.get("result").get("bands");
        assertNotNull(bands, job.toString());
        assertEquals(40, bands.get("runs").asInt());
        assertEquals("[0.1,0.5,0.9]", bands.get("probabilities").toString());
    }

    @Test
    void monteCarlo_tooManyRuns_400() throws Exception {
        HttpResponse<String> r = send(post("/v1/monte-carlo", "application/json", "{\"builtin\": \"amd-openai-6gw\", \"runs\": 20001}"));
        assertEquals(400, r.statusCode());
        assertEquals("runs", firstProblem(r).get("path").asText());
    }

    @Test
    void monteCarlo_cancelWhileRunning_cancelledWithoutResult() throws Exception {
        HttpResponse<String> r = send(post("/v1/monte-carlo", "application/json", "{\"builtin\": \"openai-portfolio\", \"runs\": 20000}"));
        assertEquals(202, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        poll(location, "running");
        HttpResponse<String> d = send(HttpRequest.newBuilder(URI.create(base + location))
                .header("Authorization", "Bearer " + TOKEN).DELETE());
        assertEquals(200, d.statusCode());
        JsonNode job = poll(location, "cancelled");
        assertTrue(job.get("runs_done").asLong() < 20_000);
        assertFalse(job.has("result"));
    }

    /** Polls a job until it reaches {@code status} (fails on another final status or after 30 s). */
    private static JsonNode poll(String location, String status) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode job = JSON.readTree(send(get(location)).body());
            String s = job.get("status").asText();
            if (s.equals(status)) {
                return job;
            }
            if (!s.equals("queued") && !s.equals("running") || System.nanoTime() > end) {
                throw new AssertionError("job became " + s + ", expected " + status + ": " + job);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void monteCarlo_fullQueue_429WithRetryAfter() throws Exception {
        // one job at a time and no queue: a second job while the first runs is refused
        ServeOptions o = ServeOptions.defaults().withAddress("127.0.0.1", 0)
                .withLimits(1 << 20, 1_000_000, 20_000, 1, 0, Duration.ofSeconds(60));
        try (Server s = Server.start(o, new PrintWriter(new StringWriter()))) {
            String url = "http://127.0.0.1:" + s.port() + "/v1/monte-carlo";
            String body = "{\"builtin\": \"openai-portfolio\", \"runs\": 20000}";
            HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(202, first.statusCode(), first.body());
            HttpResponse<String> second = send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(429, second.statusCode(), second.body());
            assertTrue(Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        }
    }

    @Test
    void monteCarlo_pastTheTimeBudget_failedNamingTheLimit() throws Exception {
        ServeOptions o = ServeOptions.defaults().withAddress("127.0.0.1", 0)
                .withLimits(1 << 20, 1_000_000, 20_000, 1, 1, Duration.ofMillis(300));
        try (Server s = Server.start(o, new PrintWriter(new StringWriter()))) {
            String url = "http://127.0.0.1:" + s.port();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/v1/monte-carlo"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"builtin\": \"openai-portfolio\", \"runs\": 20000}")));
            String saved = base;
            base = url;
            try {
                JsonNode job = poll(r.headers().firstValue("Location").orElseThrow(), "failed");
                assertTrue(job.get("error").asText().contains("--time-budget"), job.toString());
            } finally {
                base = saved;
            }
        }
    }

    @Test
    void noToken_everyRouteOpen() throws Exception {
        try (Server s = Server.start(ServeOptions.defaults().withAddress("127.0.0.1", 0), new PrintWriter(new StringWriter()))) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/sites")).GET());
            assertEquals(200, r.statusCode());
        }
    }

    @Test
    void stop_requestInFlight_finishesWholeThenTheSocketCloses() throws Exception {
        ServeOptions o = ServeOptions.defaults().withAddress("127.0.0.1", 0);
        Server s = Server.start(o, new PrintWriter(new StringWriter()));
        String url = "http://127.0.0.1:" + s.port();
        // a sensitivity of 60 runs plus its tornado: long enough (about a second) to be in flight when the stop starts
        CompletableFuture<HttpResponse<String>> inFlight = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url + "/v1/sensitivity"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"builtin\": \"amd-openai-6gw\", \"runs\": 60}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (s.inFlight() == 0 && !inFlight.isDone() && System.nanoTime() < end) {
            Thread.sleep(1);
        }
        long stopping = System.nanoTime();
        s.stop();
        long stopMs = (System.nanoTime() - stopping) / 1_000_000;
        HttpResponse<String> r = inFlight.get(30, TimeUnit.SECONDS);
        assertTrue(stopMs < 20_000, "stop took " + stopMs + " ms");
        assertEquals(200, r.statusCode());
        assertTrue(JSON.readTree(r.body()).toString().contains("accelerators.mi450.capex"), r.body());
        HttpClient fresh = HttpClient.newHttpClient();
        assertThrows(IOException.class, () -> fresh.send(HttpRequest.newBuilder(URI.create(url + "/v1/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void pythonClient_standardLibraryOnly_projectsThePortfolio() throws Exception {
        Path client = Path.of("..", "docs", "examples", "fleetcast_client.py");
        assertTrue(Files.isRegularFile(client));
        boolean python;
        try {
            python = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            python = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(python, "python3 is not installed");
        List<String> cmd = new ArrayList<>(List.of("python3", client.toString(), "--url", base, "project",
                "../models/scenarios/amd-openai-6gw.yaml"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("FLEETCAST_TOKEN", TOKEN);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("mi450-first-gw") && out.contains("273672"), out);
    }
}
