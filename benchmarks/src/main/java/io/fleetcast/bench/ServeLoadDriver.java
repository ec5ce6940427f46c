package io.fleetcast.bench;

import io.fleetcast.serve.ServeOptions;
import io.fleetcast.serve.Server;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load driver for {@code fleetcast serve}: throughput and p50/p99 latency of
 * {@code POST /v1/projections} (the built-in {@code openai-portfolio}, expected mode, the results.json answer)
 * at 1, 8 and 64 concurrent clients, against a server it starts in this JVM on 127.0.0.1 (loopback only;
 * client and server share the machine's cores, as a co-located planning tool would).
 *
 * <p>Each level runs a warm-up then a measured window, both bounded in time and in requests; every client
 * sends one request at a time on its own virtual thread and reads the whole body. Latency is client-side, from
 * send to the last byte. Run:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.fleetcast.bench.ServeLoadDriver [--seconds 5] [--warmup 3] [--clients 1,8,64] [--cube-grouping total] [--client socket|jdk]
 * </pre>
 *
 * <p>The client shares the two cores with the server, so its own cost is part of what is measured. {@code socket}
 * (the default) is one keep-alive HTTP/1.1 connection per client that writes the request bytes and reads the status
 * line, headers and body into a reused buffer, as a load generator such as wrk does; {@code jdk} is the JDK's
 * {@link HttpClient}, whose asynchronous machinery cost about 12 % of the samples of a run at 8 clients (JFR,
 * 2026-12-03), CPU a co-located server then does not get.
 *
 * The last column, the process's CPU time (server and client together) per answer, does not depend on what else
 * the machine runs; {@code cores x 1000 / it} bounds the throughput of an otherwise idle machine.
 *
 * <p>Goal (issue 13): at least 1,000 projections/s, p99 under 50 ms at 8 clients.
 */
public final class ServeLoadDriver {

    private ServeLoadDriver() {
    }

    /** Most requests of one measured window, whatever its length. */
    private static final int MAX_REQUESTS = 200_000;

    public static void main(String[] args) throws Exception {
        double seconds = 5;
        double warmup = 3;
        int[] levels = {1, 8, 64};
        String cubeGrouping = "deployment";
        String clientKind = "socket";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--clients" -> levels = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--cube-grouping" -> cubeGrouping = args[++i];
                case "--client" -> clientKind = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --seconds S --warmup S --clients 1,8,64 --cube-grouping G --client socket|jdk");
            }
        }
        ServeOptions options = ServeOptions.defaults().withAddress("127.0.0.1", 0);
        try (Server server = Server.start(options, new PrintWriter(System.getenv("FC_SERVE_LOG") != null ? new java.io.OutputStreamWriter(System.err) : new StringWriter()))) {
            String path = "/v1/projections?cube_grouping=" + cubeGrouping;
            URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (first.statusCode() != 200) {
                throw new IllegalStateException("status " + first.statusCode() + ": " + new String(first.body()));
            }
            int port = server.port();
            Connector connector = switch (clientKind) {
                case "jdk" -> () -> () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                case "socket" -> () -> new SocketClient("127.0.0.1", port, path, BODY);
                default -> throw new IllegalArgumentException("--client " + clientKind + ": expected socket or jdk");
            };
            System.out.printf(Locale.ROOT, "POST /v1/projections openai-portfolio expected mode, cube by %s, answer %,d bytes, %s client; JDK %s, %d cores%n",
                    cubeGrouping, first.body().length, clientKind, Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.println("clients  requests  seconds  projections/s  p50 ms  p99 ms  max ms  CPU ms/projection");
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int clients : levels) {
                run(connector, clients, warmup);
                long cpu0 = os.getProcessCpuTime();
                Result r = run(connector, clients, seconds);
                double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / r.count;
                System.out.printf(Locale.ROOT, "%7d  %8d  %7.2f  %13.0f  %6.1f  %6.1f  %6.1f  %17.2f%n", clients, r.count, r.seconds,
                        r.count / r.seconds, r.quantile(0.50), r.quantile(0.99), r.quantile(1.0), cpuMs);
            }
            // CPU time of this process (server and client) per answer does not depend on what else the machine runs:
            // the throughput the cores could give if they were this process's alone
            System.out.printf(Locale.ROOT, "load average during the run: %.1f on %d cores%n", os.getSystemLoadAverage(),
                    os.getAvailableProcessors());
        }
    }

    private record Result(long[] nanos, int count, double seconds) {
        double quantile(double p) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            int i = (int) Math.min(count - 1, Math.max(0, Math.ceil(p * count) - 1));
            return sorted[i] / 1e6;
        }
    }

    private static final String BODY = "{\"builtin\": \"openai-portfolio\"}";

    /** One client's way to send the request and read the whole answer; returns the status code. */
    private interface Sender {
        int send() throws Exception;
    }

    /** Opens one client's sender (a connection, for the socket client). */
    private interface Connector {
        Sender open() throws Exception;
    }

    /**
     * A keep-alive HTTP/1.1 connection sending the same POST again and again: writes the request bytes, reads the
     * status line and headers, then the body (Content-Length or chunked) into a reused buffer.
     */
    private static final class SocketClient implements Sender {
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private final byte[] request;
        private byte[] body = new byte[1 << 18];

        SocketClient(String host, int port, String path, String json) throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
            byte[] content = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            request = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + content.length + "\r\n\r\n" + json).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public int send() throws java.io.IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    read(size);
                    line();
                }
                line();
            } else if (length > 0) {
                read((int) length);
            }
            return code;
        }

        private void read(int n) throws java.io.IOException {
            if (body.length < n) {
                body = new byte[n];
            }
            if (in.readNBytes(body, 0, n) != n) {
                throw new java.io.EOFException("the server closed the connection");
            }
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }

    private static Result run(Connector connector, int clients, double seconds) throws InterruptedException {
        long[] nanos = new long[MAX_REQUESTS];
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread.ofVirtual().start(() -> {
                try {
                    Sender sender = connector.open();
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = sender.send();
                        long t1 = System.nanoTime();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                        long i = next.getAndIncrement();
                        if (i >= MAX_REQUESTS) {
                            break;
                        }
                        nanos[(int) i] = t1 - t0;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed at " + clients + " clients");
        }
        return new Result(nanos, (int) Math.min(next.get(), MAX_REQUESTS), elapsed);
    }
}
