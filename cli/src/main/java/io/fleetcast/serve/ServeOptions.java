package io.fleetcast.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code fleetcast serve} listens and the limits that protect the machine. Every limit is an option of
 * the command ({@code fleetcast serve --help}) and is documented in the README.
 *
 * @param bind              address to listen on (default {@code 127.0.0.1}: only this machine)
 * @param port              TCP port; 0 picks a free one (tests)
 * @param token             bearer token every request but {@code GET /v1/health} must carry; null or empty: none
 * @param maxBodyBytes      largest request body; a larger one answers 413
 * @param maxDevices        most accelerators a simulate-mode request may sample per run (every device is drawn)
 * @param maxRunsPerJob     most runs of one Monte Carlo job or sensitivity request
 * @param concurrentJobs    Monte Carlo jobs running at once
 * @param queuedJobs        jobs waiting for a place; one more answers 429 with Retry-After
 * @param timeBudget        longest a request (or a job) may compute; past it, 503 (or the job fails)
 * @param jobRetention      how long a finished job's result is kept
 * @param keptJobs          most finished jobs kept (the oldest go first)
 * @param shutdownGrace     how long a shutdown waits for requests in flight
 */
public record ServeOptions(String bind, int port, String token, long maxBodyBytes, long maxDevices, int maxRunsPerJob,
                           int concurrentJobs, int queuedJobs, Duration timeBudget, Duration jobRetention, int keptJobs,
                           Duration shutdownGrace) {

    /** Default port of {@code fleetcast serve}. */
    public static final int DEFAULT_PORT = 8421;

    /** Checks the values. */
    public ServeOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(jobRetention, "jobRetention");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        positive("port", port + 1);
        positive("max body bytes", maxBodyBytes);
        positive("max devices", maxDevices);
        positive("max runs per job", maxRunsPerJob);
        positive("concurrent jobs", concurrentJobs);
        positive("queued jobs", queuedJobs + 1);
        positive("kept jobs", keptJobs);
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive, was " + timeBudget);
        }
    }

    /**
     * The defaults: 127.0.0.1:{@value #DEFAULT_PORT}, no token, 4 MiB bodies, 10 million devices per simulate run,
     * 20,000 runs per job (a job keeps a few hundred bytes per run and deployment: about 25 MB for the portfolio), 1 job at a time with 8 waiting, 60 s per request, finished jobs kept 15 minutes (at
     * most 64), 30 s of shutdown grace.
     *
     * @return the defaults
     */
    public static ServeOptions defaults() {
        return new ServeOptions("127.0.0.1", DEFAULT_PORT, null, 4L << 20, 10_000_000L, 20_000, 1, 8,
                Duration.ofSeconds(60), Duration.ofMinutes(15), 64, Duration.ofSeconds(30));
    }

    /** The same options on another address and port. */
    public ServeOptions withAddress(String newBind, int newPort) {
        return new ServeOptions(newBind, newPort, token, maxBodyBytes, maxDevices, maxRunsPerJob, concurrentJobs,
                queuedJobs, timeBudget, jobRetention, keptJobs, shutdownGrace);
    }

    /** The same options with another token (null: none). */
    public ServeOptions withToken(String newToken) {
        return new ServeOptions(bind, port, newToken, maxBodyBytes, maxDevices, maxRunsPerJob, concurrentJobs,
                queuedJobs, timeBudget, jobRetention, keptJobs, shutdownGrace);
    }

    /** The same options with other limits. */
    public ServeOptions withLimits(long newMaxBodyBytes, long newMaxDevices, int newMaxRunsPerJob, int newConcurrentJobs,
                                   int newQueuedJobs, Duration newTimeBudget) {
        return new ServeOptions(bind, port, token, newMaxBodyBytes, newMaxDevices, newMaxRunsPerJob, newConcurrentJobs,
                newQueuedJobs, newTimeBudget, jobRetention, keptJobs, shutdownGrace);
    }

    /** The same options with another job retention (time and count). */
    public ServeOptions withRetention(Duration newRetention, int newKeptJobs) {
        return new ServeOptions(bind, port, token, maxBodyBytes, maxDevices, maxRunsPerJob, concurrentJobs,
                queuedJobs, timeBudget, newRetention, newKeptJobs, shutdownGrace);
    }

    /** Whether a token is required. */
    public boolean tokenRequired() {
        return token != null && !token.isEmpty();
    }

    private static void positive(String what, long v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
