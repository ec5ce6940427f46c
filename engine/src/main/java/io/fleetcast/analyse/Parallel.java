package io.fleetcast.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads for one analysis, and the two ways work is split over them. Work items
 * write only to their own slots of caller-owned arrays, so results never depend on which thread ran what.
 * Close it when done; a {@code Parallel} of one thread runs everything on the calling thread.
 */
final class Parallel implements AutoCloseable {

    /** Body over a half-open range of indices [from, to). */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to) throws Exception;
    }

    /** Body of one worker, given its worker index, that claims items until none are left. */
    @FunctionalInterface
    interface WorkerBody {
        void run(int worker) throws Exception;
    }

    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "fleetcast-analyse-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            this.pool = Executors.newFixedThreadPool(threads, factory);
        }
    }

    /** Number of worker threads. */
    int threads() {
        return threads;
    }

    /**
     * Runs {@code body} on every worker at once and waits for all; the first failure is rethrown.
     *
     * @param body the worker body, given 0 .. threads - 1
     */
    void forEachWorker(WorkerBody body) {
        if (pool == null) {
            call(() -> {
                body.run(0);
                return null;
            });
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                body.run(worker);
                return null;
            }));
        }
        await(futures);
    }

    /**
     * Splits [0, n) into contiguous chunks, at most a few per thread, and runs them; waits for all.
     *
     * @param n    number of indices
     * @param body the chunk body
     */
    void forRange(int n, RangeBody body) {
        if (n == 0) {
            return;
        }
        if (pool == null || n < 2) {
            call(() -> {
                body.run(0, n);
                return null;
            });
            return;
        }
        int chunks = Math.min(n, threads * 4);
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            futures.add(pool.submit(() -> {
                body.run(from, to);
                return null;
            }));
        }
        await(futures);
    }

    private static void call(java.util.concurrent.Callable<Void> c) {
        try {
            c.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(List<Future<?>> futures) {
        Throwable failure = null;
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                // the caller was interrupted (a time budget, a cancelled request): stop the rest and say so as the
                // workers do, with a CancellationException, whichever of them noticed first
                Thread.currentThread().interrupt();
                for (int j = i; j < futures.size(); j++) {
                    futures.get(j).cancel(true);
                }
                if (failure == null) {
                    java.util.concurrent.CancellationException c =
                            new java.util.concurrent.CancellationException("interrupted while waiting for the workers");
                    c.initCause(e);
                    failure = c;
                }
                break;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
