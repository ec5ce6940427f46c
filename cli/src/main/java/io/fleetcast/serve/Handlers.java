package io.fleetcast.serve;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.Fleetcast;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Problem;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.cli.Analyses;
import io.fleetcast.cli.BadInputException;
import io.fleetcast.analyse.MonteCarlo;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.write.CsvWriter;
import io.fleetcast.write.JsonWriter;
import io.fleetcast.write.RunInfo;
import io.fleetcast.write.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The endpoints. Each reads its request with {@link ScenarioRequest} (the command line's reader and
 * validation), runs the engine's own code ({@link Fleetcast}, {@link MonteCarlo}, and the command line's
 * solve and sensitivity through {@link Analyses}) and renders with the command line's writers
 * ({@link JsonWriter} for the results document, {@link CsvWriter} for CSV).
 */
final class Handlers {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Clock CLOCK = Clock.systemUTC();

    private final ServeOptions options;
    private final Jobs jobs;
    /** Runs request work so the time budget can be enforced without blocking the exchange thread forever. */
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private volatile byte[] openApi;

    Handlers(ServeOptions options, Jobs jobs) {
        this.options = options;
        this.jobs = jobs;
    }

    Server.Response health(Server.Call c) throws IOException {
        int[] counts = jobs.counts();
        return Server.Response.json(200, object(g -> {
            g.writeStringField("status", "ok");
            g.writeStringField("version", RunInfo.current(CLOCK).fleetcastVersion());
            g.writeNumberField("jobs_running", counts[0]);
            g.writeNumberField("jobs_queued", counts[1]);
        }));
    }

    Server.Response openApi(Server.Call c) throws IOException {
        byte[] doc = openApi;
        if (doc == null) {
            try (InputStream in = Handlers.class.getResourceAsStream("openapi.json")) {
                if (in == null) {
                    throw new IOException("openapi.json is missing from the jar");
                }
                doc = in.readAllBytes();
            }
            openApi = doc;
        }
        return Server.Response.json(200, doc);
    }

    Server.Response catalog(Server.Call c) {
        return Server.Response.json(200, Analyses.catalogJson(false).getBytes(StandardCharsets.UTF_8));
    }

    Server.Response sites(Server.Call c) {
        return Server.Response.json(200, Analyses.catalogJson(true).getBytes(StandardCharsets.UTF_8));
    }

    /** The size of the last projection answer (a race only misjudges one buffer), at most {@link #MAX_SIZE_HINT}. */
    private volatile int answerSizeHint = 1 << 16;
    private static final int MAX_SIZE_HINT = 8 << 20;

    /** {@code POST /v1/projections}: the results document of {@code run --out}, or its long CSV. */
    Server.Response projections(Server.Call c) {
        ScenarioRequest r = ScenarioRequest.parse(c.text(), c.contentType(), c.query(), List.of("cube_grouping"));
        checkDevices(r.scenario(), r.mode());
        Grouping cubeGrouping = grouping(r.envelope(), c.query(), "cube_grouping", Grouping.DEPLOYMENT);
        return withinBudget(() -> {
            Projection p;
            try {
                p = Fleetcast.project(r.scenario(), r.mode(), r.seed());
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw ApiException.badRequest("scenario", r.scenario().name(), e.getMessage());
            }
            ScenarioResult result = ScenarioResult.of(p);
            // sized from the last answer: growing 64 KB -> 256 KB copied 192 KB a request (1.8 % of the samples, JFR)
            ByteArrayOutputStream out = new ByteArrayOutputStream(answerSizeHint + (answerSizeHint >> 3));
            if (c.wantsCsv()) {
                try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    CsvWriter.writeLong(result, r.groupings(), w);
                }
                return new Server.Response(200, "text/csv; charset=utf-8", out.toByteArray(), Map.of());
            }
            JsonWriter.write(result, RunInfo.current(CLOCK), cubeGrouping, false, out);
            answerSizeHint = Math.min(out.size(), MAX_SIZE_HINT);
            return Server.Response.json(200, out.toByteArray());
        });
    }

    /** {@code POST /v1/monte-carlo}: queues a job; 202 with its document and Location. */
    Server.Response startJob(Server.Call c) throws IOException {
        ScenarioRequest r = ScenarioRequest.parse(c.text(), c.contentType(), c.query(),
                List.of("runs", "quantiles", "bands_by"));
        Scenario s = r.scenario();
        checkDevices(s, r.mode());
        int runs = intMember(r.envelope(), c.query(), "runs", s.monteCarlo().runs());
        if (runs < 1 || runs > options.maxRunsPerJob()) {
            throw ApiException.badRequest("runs", Integer.toString(runs), "expected 1 to " + options.maxRunsPerJob()
                    + " runs (fleetcast serve --max-runs)");
        }
        double[] quantiles = quantiles(r.envelope(), s.monteCarlo().quantiles());
        Grouping bandsBy = grouping(r.envelope(), c.query(), "bands_by", Grouping.TOTAL);
        MonteCarloSettings settings;
        try {
            settings = new MonteCarloSettings(runs, r.seed(), quantiles);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("quantiles", null, e.getMessage());
        }
        int threads = jobs.threadsPerJob();
        Jobs.Job job = jobs.submit(s.name(), r.mode().id(), runs, progress -> {
            MonteCarloResult mc;
            try {
                mc = MonteCarlo.run(s, r.mode(), settings, MonteCarlo.Options.of(threads).withGrouping(bandsBy)
                        .withProgress(progress).withMemoryBudget(Jobs.MEMORY_BUDGET));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw ApiException.badRequest("scenario", s.name(), e.getMessage());
            }
            ScenarioResult result = ScenarioResult.of(mc.meanProjection()).withBands(Analyses.bands(mc));
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            try {
                JsonWriter.write(result, RunInfo.current(CLOCK), out);
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory", e);
            }
            return out.toByteArray();
        });
        return new Server.Response(202, "application/json", jobDocument(job), Map.of("Location", "/v1/jobs/" + job.id));
    }

    Server.Response job(Server.Call c) throws IOException {
        return Server.Response.json(200, jobDocument(jobs.get(c.parameters().get("id"))));
    }

    Server.Response cancelJob(Server.Call c) throws IOException {
        return Server.Response.json(200, jobDocument(jobs.cancel(c.parameters().get("id"))));
    }

    /**
     * {@code POST /v1/solve}: the envelope carries {@code set}, {@code vary}, {@code target}, {@code between},
     * {@code group} as {@code fleetcast solve} takes them; answers its {@code --format json} document.
     */
    Server.Response solve(Server.Call c) {
        ScenarioRequest r = ScenarioRequest.parse(c.text(), "application/json", c.query(),
                List.of("set", "vary", "target", "between", "group"));
        JsonNode e = r.envelope();
        List<String> sets = strings(e, "set", false);
        List<String> vary = strings(e, "vary", true);
        String target = text(e, "target", true);
        List<String> between = strings(e, "between", false);
        if (!between.isEmpty() && between.size() != 2) {
            throw ApiException.badRequest("between", e.get("between").toString(), "expected two values [lo, hi]");
        }
        String group = text(e, "group", false);
        return withinBudget(() -> {
            try {
                String json = Analyses.solveJson(r.scenario(), sets, vary, target, between.isEmpty() ? null : between, group);
                return Server.Response.json(200, json.getBytes(StandardCharsets.UTF_8));
            } catch (BadInputException ex) {
                throw ApiException.badRequest("", null, ex.getMessage());
            }
        });
    }

    /**
     * {@code POST /v1/sensitivity}: the envelope carries {@code metric}, {@code group}, {@code runs} as
     * {@code fleetcast sensitivity} takes them; answers its {@code --format json} document.
     */
    Server.Response sensitivity(Server.Call c) {
        ScenarioRequest r = ScenarioRequest.parse(c.text(), "application/json", c.query(),
                List.of("metric", "group", "runs"));
        JsonNode e = r.envelope();
        Scenario s = r.scenario();
        checkDevices(s, r.mode());
        int runs = intMember(e, c.query(), "runs", s.monteCarlo().runs());
        if (runs > options.maxRunsPerJob()) {
            throw ApiException.badRequest("runs", Integer.toString(runs), "expected at most " + options.maxRunsPerJob()
                    + " runs (fleetcast serve --max-runs)");
        }
        String metric = text(e, "metric", false);
        String group = text(e, "group", false);
        long deadline = System.nanoTime() + options.timeBudget().toNanos();
        ProgressListener stopAtDeadline = new ProgressListener() {
            @Override
            public void begin(String task, long totalUnits) {
            }

            @Override
            public void advance(long units) {
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw new Jobs.Stopped("time budget spent");
                }
            }

            @Override
            public void end() {
            }
        };
        return withinBudget(() -> {
            try {
                String json = Analyses.sensitivityJson(s, metric == null ? "tco_usd" : metric, group, runs, r.seed(),
                        r.mode(), jobs.threadsPerJob(), stopAtDeadline);
                return Server.Response.json(200, json.getBytes(StandardCharsets.UTF_8));
            } catch (BadInputException ex) {
                throw ApiException.badRequest("", null, ex.getMessage());
            }
        });
    }

    /** A simulate-mode run draws every device: refuse fleets larger than the limit before sampling them. */
    private void checkDevices(Scenario s, Mode mode) {
        if (mode != Mode.SIMULATE) {
            return;
        }
        long devices = 0;
        try {
            for (ResolvedDeployment d : Fleetcast.sizing(s)) {
                devices += d.count();
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiException.badRequest("scenario", s.name(), e.getMessage());
        }
        if (devices > options.maxDevices()) {
            throw ApiException.badRequest("mode", "simulate", "simulate mode samples every accelerator: this scenario has "
                    + devices + ", more than the limit of " + options.maxDevices()
                    + " per request (fleetcast serve --max-devices); use expected mode, which computes the same expectation");
        }
    }

    /** Runs {@code task} within the time budget; past it, 503 (the task is interrupted). */
    private Server.Response withinBudget(Callable<Server.Response> task) {
        Future<Server.Response> f = work.submit(task);
        try {
            return f.get(options.timeBudget().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiException(503, List.of(new Problem(ApiException.BODY, 0, 0, "", null,
                    "the request took longer than the time budget of " + options.timeBudget().toSeconds()
                            + " s (fleetcast serve --time-budget); ask for less (fewer runs, expected mode)")),
                    Map.of("Retry-After", "1"));
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw ApiException.of(503, "", null, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException a) {
                throw a;
            }
            if (cause instanceof Jobs.Stopped) {
                throw ApiException.of(503, "", null, "the request took longer than the time budget of "
                        + options.timeBudget().toSeconds() + " s (fleetcast serve --time-budget)");
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The message of a failure inside a job, for its document. */
    static String userMessage(RuntimeException e) {
        if (e instanceof BadInputException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "internal error: " + e.getClass().getSimpleName();
    }

    private byte[] jobDocument(Jobs.Job job) throws IOException {
        return object(g -> {
            g.writeStringField("id", job.id);
            g.writeStringField("status", job.status.name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("scenario", job.scenario);
            g.writeStringField("mode", job.mode);
            g.writeNumberField("runs", job.runs);
            g.writeNumberField("runs_done", Math.min(job.runs, job.done.get()));
            g.writeNumberField("elapsed_seconds", job.elapsedSeconds());
            double eta = job.etaSeconds();
            if (Double.isNaN(eta)) {
                g.writeNullField("eta_seconds");
            } else {
                g.writeNumberField("eta_seconds", eta);
            }
            g.writeStringField("error", job.error);
            byte[] result = job.result;
            if (result != null && job.status == Jobs.Status.DONE) {
                g.writeFieldName("result");
                g.writeRawValue(new String(result, StandardCharsets.UTF_8).strip());
            }
        });
    }

    @FunctionalInterface
    private interface Members {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] object(Members members) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            members.write(g);
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static int intMember(JsonNode e, Map<String, String> query, String key, int fallback) {
        JsonNode n = e.get(key);
        String text = n != null && !n.isNull() ? n.asText() : query.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException ex) {
            throw ApiException.badRequest(key, text, "expected a whole number");
        }
    }

    private static double[] quantiles(JsonNode e, double[] fallback) {
        JsonNode n = e.get("quantiles");
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isArray() || n.isEmpty()) {
            throw ApiException.badRequest("quantiles", n.toString(), "expected an array of probabilities such as [0.1, 0.5, 0.9]");
        }
        double[] q = new double[n.size()];
        for (int i = 0; i < q.length; i++) {
            if (!n.get(i).isNumber()) {
                throw ApiException.badRequest("quantiles[" + i + "]", n.get(i).toString(), "expected a number inside (0, 1)");
            }
            q[i] = n.get(i).asDouble();
        }
        return q;
    }

    private static Grouping grouping(JsonNode e, Map<String, String> query, String key, Grouping fallback) {
        JsonNode n = e.get(key);
        String text = n != null && !n.isNull() ? n.asText() : query.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Grouping.byId(text);
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest(key, text, ex.getMessage());
        }
    }

    private static String text(JsonNode e, String key, boolean required) {
        JsonNode n = e.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                throw ApiException.badRequest(key, null, "missing");
            }
            return null;
        }
        if (!n.isValueNode()) {
            throw ApiException.badRequest(key, n.toString(), "expected a text");
        }
        return n.asText();
    }

    private static List<String> strings(JsonNode e, String key, boolean required) {
        JsonNode n = e.get(key);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            if (required) {
                throw ApiException.badRequest(key, null, "missing");
            }
            return out;
        }
        if (n.isArray()) {
            for (JsonNode v : n) {
                out.add(v.asText());
            }
        } else {
            out.add(n.asText());
        }
        return out;
    }
}
