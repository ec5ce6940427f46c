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
 * java -cp benchmarks/target/benchmarks.jar io.fleetcast.bench.ServeLoadDriver [--seconds 5] [--warmup 3] [--clients 1,8,64] [--cube-grouping total]
 * </pre>
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--clients" -> levels = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--cube-grouping" -> cubeGrouping = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --seconds S --warmup S --clients 1,8,64");
            }
        }
        ServeOptions options = ServeOptions.defaults().withAddress("127.0.0.1", 0);
        try (Server server = Server.start(options, new PrintWriter(System.getenv("FC_SERVE_LOG") != null ? new java.io.OutputStreamWriter(System.err) : new StringWriter()))) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/projections?cube_grouping=" + cubeGrouping);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"builtin\": \"openai-portfolio\"}")).build();
            HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (first.statusCode() != 200) {
                throw new IllegalStateException("status " + first.statusCode() + ": " + new String(first.body()));
            }
            System.out.printf(Locale.ROOT, "POST /v1/projections openai-portfolio expected mode, cube by %s, answer %,d bytes; JDK %s, %d cores%n",
                    cubeGrouping, first.body().length, Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.println("clients  requests  seconds  projections/s  p50 ms  p99 ms  max ms  CPU ms/projection");
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int clients : levels) {
                run(client, request, clients, warmup);
                long cpu0 = os.getProcessCpuTime();
                Result r = run(client, request, clients, seconds);
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

    private static Result run(HttpClient client, HttpRequest request, int clients, double seconds) throws InterruptedException {
        long[] nanos = new long[MAX_REQUESTS];
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (r.statusCode() != 200) {
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
