package io.fleetcast.serve;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetcast.model.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP server of {@code fleetcast serve}, on the JDK's built-in {@code com.sun.net.httpserver} with one
 * virtual thread per exchange: no jar beyond the engine's, and the fastest start to first response of the
 * servers measured (0.64 s against 1.2-1.5 s for Javalin and Helidon SE; {@code dependency-notes.md}).
 *
 * <p>What every request goes through, in order: a request id ({@code X-Request-Id} on the response and in the
 * log line); refusal while shutting down (503); the bearer token unless the route is {@code GET /v1/health}
 * (401); the route (404) and its method (405, with {@code Allow}); the handler, whose {@link ApiException}
 * becomes its status and {@code {"problems": [...]}}, and any other exception a 500 with the request id and
 * no stack trace (the log line has the exception's class and message). One log line per request on the given
 * writer: time, request id, method, path, status, milliseconds, bytes.
 *
 * <p>{@link #stop()} stops taking requests, lets those in flight finish (up to the options' grace), cancels
 * the Monte Carlo jobs, then closes the socket.
 */
public final class Server implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final String ID_PREFIX = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);

    private final ServeOptions options;
    private final HttpServer http;
    private final ExecutorService exchanges;
    private final Routes routes;
    private final Jobs jobs;
    private final PrintWriter log;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean stopping;

    private Server(ServeOptions options, PrintWriter log) throws IOException {
        this.options = options;
        this.log = log;
        this.jobs = new Jobs(options);
        this.routes = Routes.of(options, jobs);
        this.http = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 128);
        this.exchanges = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(exchanges);
        http.createContext("/", this::exchange);
    }

    /**
     * Starts a server.
     *
     * @param options address, token and limits
     * @param log     where the one-line-per-request log goes (Modified: written and flushed)
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static Server start(ServeOptions options, PrintWriter log) throws IOException {
        Server s = new Server(options, log);
        s.http.start();
        return s;
    }

    /** The port the server listens on (the chosen one when the options asked for 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The routes, for the OpenAPI check: {@code METHOD /path/{param}}. */
    public List<String> routes() {
        return routes.names();
    }

    /** Requests being answered now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Stops: new requests answer 503, requests in flight finish (up to the grace period), running jobs are
     * cancelled, then the socket closes. Idempotent.
     */
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    idle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        jobs.close();
        http.stop(0);
        exchanges.shutdown();
        log.flush();
    }

    @Override
    public void close() {
        stop();
    }

    private void exchange(HttpExchange ex) {
        long started = System.nanoTime();
        String id = ID_PREFIX + "-" + Long.toString(NEXT_ID.incrementAndGet(), 36);
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        inFlight.incrementAndGet();
        Response response;
        String failure = "";
        try {
            try {
                response = handle(ex, id, method, path);
            } catch (ApiException e) {
                response = problems(e.status(), e.problems(), id, e.headers());
            } catch (RuntimeException | IOException | Error e) {
                failure = " error=" + e.getClass().getSimpleName() + ": " + e.getMessage();
                response = problems(500, List.of(new Problem(ApiException.BODY, 0, 0, "", null,
                        "internal error: a bug in fleetcast; report it with the request id " + id)), id, Map.of());
            }
            send(ex, id, response);
        } catch (IOException e) {
            response = new Response(499, "", new byte[0], Map.of());
            failure = " client gone: " + e.getMessage();
        } finally {
            ex.close();
            if (inFlight.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
        double ms = (System.nanoTime() - started) / 1e6;
        synchronized (log) {
            log.printf(Locale.ROOT, "%s id=%s %s %s %d %.1fms %dB%s%n", Instant.now(), id, method, path, response.status(),
                    ms, response.body().length, failure);
            log.flush();
        }
    }

    private Response handle(HttpExchange ex, String id, String method, String path) throws IOException {
        if (stopping) {
            throw new ApiException(503, List.of(problem("the server is shutting down")), Map.of("Retry-After", "5"));
        }
        Routes.Match match = routes.match(method, path);
        if (!(match.route() != null && match.route().open()) && options.tokenRequired()) {
            checkToken(ex.getRequestHeaders().getFirst("Authorization"));
        }
        if (match.route() == null) {
            if (match.allowed().isEmpty()) {
                throw ApiException.of(404, "", path, "no such route; see GET /openapi.json for the API");
            }
            throw new ApiException(405, List.of(new Problem(ApiException.BODY, 0, 0, "", method,
                    "method not allowed here; allowed: " + String.join(", ", match.allowed()))),
                    Map.of("Allow", String.join(", ", match.allowed())));
        }
        Call call = new Call(id, method, match.parameters(), query(ex.getRequestURI().getRawQuery()),
                ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Accept"),
                body(ex.getRequestBody()));
        return match.route().handler().handle(call);
    }

    private void checkToken(String header) {
        byte[] expected = ("Bearer " + options.token()).getBytes(StandardCharsets.UTF_8);
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        // constant time: the comparison does not tell an attacker how many leading bytes were right
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ApiException(401, List.of(problem(header == null ? "missing Authorization: Bearer <token>"
                    : "wrong token in Authorization")), Map.of("WWW-Authenticate", "Bearer realm=\"fleetcast\""));
        }
    }

    /** The body, read up to the limit: one byte more answers 413 (a lying Content-Length cannot get past it). */
    private byte[] body(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > options.maxBodyBytes()) {
                throw ApiException.of(413, "", null, "request body larger than the limit of " + options.maxBodyBytes()
                        + " bytes (fleetcast serve --max-body-bytes)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static void send(HttpExchange ex, String id, Response r) throws IOException {
        ex.getResponseHeaders().set("X-Request-Id", id);
        if (!r.contentType().isEmpty()) {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
        }
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(r.status(), r.body().length == 0 || head ? -1 : r.body().length);
        if (r.body().length > 0 && !head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    private static Problem problem(String message) {
        return new Problem(ApiException.BODY, 0, 0, "", null, message);
    }

    /**
     * {@code {"request_id": ..., "status": ..., "problems": [{"path", "line", "column", "message", "value", "file"}]}}:
     * the problems the command line prints, one object each.
     */
    static Response problems(int status, List<Problem> problems, String id, Map<String, String> headers) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("request_id", id);
            g.writeNumberField("status", status);
            g.writeArrayFieldStart("problems");
            for (Problem p : problems) {
                g.writeStartObject();
                g.writeStringField("path", p.path());
                g.writeNumberField("line", p.line());
                g.writeNumberField("column", p.column());
                g.writeStringField("message", p.expected());
                g.writeStringField("value", p.value());
                g.writeStringField("file", p.file());
                g.writeStringField("text", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return new Response(status, "application/json", buffer.toByteArray(), headers);
    }

    /**
     * What a handler is given.
     *
     * @param requestId   the request id
     * @param method      the HTTP method
     * @param parameters  the route's path parameters ({@code id} of {@code /v1/jobs/{id}})
     * @param query       the query parameters
     * @param contentType the {@code Content-Type}, or null
     * @param accept      the {@code Accept}, or null
     * @param body        the body, within the size limit
     */
    record Call(String requestId, String method, Map<String, String> parameters, Map<String, String> query,
                String contentType, String accept, byte[] body) {

        /** The body as UTF-8 text; 400 when it is not. */
        String text() {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw ApiException.badRequest("", null, "the body is not UTF-8 text");
            }
        }

        /** Whether the client asked for CSV. */
        boolean wantsCsv() {
            return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
        }
    }

    /**
     * An answer.
     *
     * @param status      the status code
     * @param contentType its content type, or empty for none
     * @param body        the bytes
     * @param headers     more headers
     */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Response json(int status, byte[] body) {
            return new Response(status, "application/json", body, Map.of());
        }
    }

    /** A route's code. */
    @FunctionalInterface
    interface Handler {
        Response handle(Call call) throws IOException;
    }

    /** Time left of a budget that started at {@code startNanos}. */
    static Duration left(Duration budget, long startNanos) {
        return budget.minusNanos(System.nanoTime() - startNanos);
    }

}
