package io.fleetcast.serve;

import io.fleetcast.model.ProgressListener;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Monte Carlo jobs: a bounded pool ({@link ServeOptions#concurrentJobs()} running, {@link ServeOptions#queuedJobs()}
 * waiting; one more is refused with 429 and a Retry-After from the running jobs' ETA) and a bounded store
 * (finished jobs kept for {@link ServeOptions#jobRetention()}, at most {@link ServeOptions#keptJobs()}, the oldest
 * finished dropped first). A job is cancelled through its progress listener, which throws at the next
 * finished run: the engine's drivers stop and release their threads, and no partial result is kept.
 */
final class Jobs implements AutoCloseable {

    /**
     * Most bytes one job holds for exact bands (every run's banded cube row): 64 MiB, about 4,000 runs of the
     * portfolio's total bands; past it the bands are P2 estimates ({@code MonteCarloResult.bandsExact()}), so
     * jobs at the run limit do not hold the engine's default 512 MiB each.
     */
    static final long MEMORY_BUDGET = 64L << 20;

    /** A job's state. */
    enum Status { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** The work of a job: compute and render the result document, telling {@code progress} of each run. */
    @FunctionalInterface
    interface Work {
        byte[] run(ProgressListener progress);
    }

    /** Thrown from a job's listener to stop the engine's run loop. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String why) {
            super(why, null, false, false);
        }
    }

    /** One job; read by the handlers while a pool thread runs it. */
    static final class Job {
        final String id;
        final String scenario;
        final String mode;
        final long runs;
        final Instant created = Instant.now();
        final AtomicLong done = new AtomicLong();
        volatile Status status = Status.QUEUED;
        volatile long startNanos;
        volatile long endNanos;
        volatile Instant finishedAt;
        volatile byte[] result;
        volatile String error;
        volatile boolean cancel;
        volatile Future<?> future;

        Job(String id, String scenario, String mode, long runs) {
            this.id = id;
            this.scenario = scenario;
            this.mode = mode;
            this.runs = runs;
        }

        boolean finished() {
            Status s = status;
            return s == Status.DONE || s == Status.FAILED || s == Status.CANCELLED;
        }

        /** Seconds since the job started running (0 while queued). */
        double elapsedSeconds() {
            if (startNanos == 0) {
                return 0;
            }
            long end = endNanos != 0 ? endNanos : System.nanoTime();
            return (end - startNanos) / 1e9;
        }

        /** Estimated seconds left, from the rate so far; NaN before the first run finished. */
        double etaSeconds() {
            if (finished()) {
                return 0;
            }
            long d = done.get();
            if (d == 0) {
                return Double.NaN;
            }
            return elapsedSeconds() / d * (runs - d);
        }
    }

    private final ServeOptions options;
    private final ThreadPoolExecutor pool;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Jobs(ServeOptions options) {
        this.options = options;
        BlockingQueue<Runnable> queue = options.queuedJobs() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(options.queuedJobs());
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(options.concurrentJobs(), options.concurrentJobs(), 0, TimeUnit.SECONDS, queue,
                r -> {
                    Thread t = new Thread(r, "fleetcast-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Worker threads of one job's Monte Carlo: the cores shared among the jobs that run at once. */
    int threadsPerJob() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / options.concurrentJobs());
    }

    /**
     * Queues a job.
     *
     * @return the job, queued or running
     * @throws ApiException 429 with Retry-After when the pool and its queue are full
     */
    synchronized Job submit(String scenario, String mode, long runs, Work work) {
        purge();
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        StringBuilder id = new StringBuilder();
        for (byte b : idBytes) {
            id.append(String.format("%02x", b & 0xff));
        }
        Job job = new Job(id.toString(), scenario, mode, runs);
        try {
            job.future = pool.submit(() -> execute(job, work));
        } catch (RejectedExecutionException e) {
            throw new ApiException(429, List.of(new io.fleetcast.model.Problem(ApiException.BODY, 0, 0, "", null,
                    "too many Monte Carlo jobs: " + options.concurrentJobs() + " running and " + options.queuedJobs()
                            + " queued (fleetcast serve --max-jobs, --max-queued-jobs); retry later")),
                    Map.of("Retry-After", Long.toString(retryAfterSeconds())));
        }
        jobs.put(job.id, job);
        return job;
    }

    private void execute(Job job, Work work) {
        if (job.cancel) {
            job.finishedAt = Instant.now();
            job.status = Status.CANCELLED;
            return;
        }
        job.startNanos = System.nanoTime();
        job.status = Status.RUNNING;
        long deadline = job.startNanos + options.timeBudget().toNanos();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void begin(String task, long totalUnits) {
            }

            @Override
            public void advance(long units) {
                job.done.addAndGet(units);
                if (job.cancel) {
                    throw new Stopped("cancelled");
                }
                if (System.nanoTime() > deadline) {
                    throw new Stopped("time budget of " + options.timeBudget().toSeconds()
                            + " s spent (fleetcast serve --time-budget)");
                }
            }

            @Override
            public void end() {
            }
        };
        try {
            byte[] result = work.run(listener);
            job.result = result;
            job.endNanos = System.nanoTime();
            job.finishedAt = Instant.now();
            job.status = Status.DONE;
        } catch (Stopped e) {
            job.endNanos = System.nanoTime();
            job.finishedAt = Instant.now();
            job.error = e.getMessage();
            job.status = job.cancel ? Status.CANCELLED : Status.FAILED;
        } catch (ApiException e) {
            job.endNanos = System.nanoTime();
            job.finishedAt = Instant.now();
            job.error = e.problems().isEmpty() ? "failed" : e.problems().get(0).expected();
            job.status = Status.FAILED;
        } catch (RuntimeException e) {
            job.endNanos = System.nanoTime();
            job.finishedAt = Instant.now();
            job.error = Handlers.userMessage(e);
            job.status = Status.FAILED;
        }
    }

    /**
     * A job by id.
     *
     * @throws ApiException 404 when there is none (never was, or dropped after its retention)
     */
    synchronized Job get(String id) {
        purge();
        Job j = jobs.get(id);
        if (j == null) {
            throw ApiException.of(404, "id", id, "no such job (finished jobs are kept " + options.jobRetention().toMinutes()
                    + " minutes, at most " + options.keptJobs() + ")");
        }
        return j;
    }

    /** Cancels a job: a queued one never starts, a running one stops at its next finished run. */
    Job cancel(String id) {
        Job j = get(id);
        if (!j.finished()) {
            j.cancel = true;
            Future<?> f = j.future;
            if (j.status == Status.QUEUED && f != null && f.cancel(false)) {
                j.finishedAt = Instant.now();
                j.status = Status.CANCELLED;
                j.error = "cancelled";
                pool.remove((Runnable) f);
            }
        }
        return j;
    }

    /** Jobs running and queued, for the health answer. */
    synchronized int[] counts() {
        int running = 0;
        int queued = 0;
        for (Job j : jobs.values()) {
            if (j.status == Status.RUNNING) {
                running++;
            } else if (j.status == Status.QUEUED) {
                queued++;
            }
        }
        return new int[] {running, queued};
    }

    /** Drops finished jobs past their retention, then the oldest finished beyond the count. */
    private void purge() {
        Instant oldest = Instant.now().minus(options.jobRetention());
        List<Job> finished = new ArrayList<>();
        for (Iterator<Job> it = jobs.values().iterator(); it.hasNext(); ) {
            Job j = it.next();
            if (j.finished()) {
                Instant f = j.finishedAt;
                if (f != null && f.isBefore(oldest)) {
                    it.remove();
                } else {
                    finished.add(j);
                }
            }
        }
        for (int i = 0; i < finished.size() - options.keptJobs(); i++) {
            jobs.remove(finished.get(i).id);
        }
    }

    private long retryAfterSeconds() {
        double soonest = Double.POSITIVE_INFINITY;
        for (Job j : jobs.values()) {
            if (j.status == Status.RUNNING) {
                double eta = j.etaSeconds();
                if (!Double.isNaN(eta)) {
                    soonest = Math.min(soonest, eta);
                }
            }
        }
        return Double.isInfinite(soonest) ? 5 : Math.max(1, (long) Math.ceil(soonest));
    }

    /** Cancels every job and stops the pool. */
    @Override
    public synchronized void close() {
        for (Job j : jobs.values()) {
            j.cancel = true;
        }
        pool.shutdownNow();
    }
}
