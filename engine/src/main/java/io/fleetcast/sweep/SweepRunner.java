package io.fleetcast.sweep;

import io.fleetcast.model.ProgressListener;
import io.fleetcast.analyse.MonteCarlo;
import io.fleetcast.analyse.MonteCarloResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a sweep on this machine: each variant's Monte Carlo in turn ({@link MonteCarlo#run}, its runs spread over
 * the worker threads), exactly as {@code fleetcast run --runs N --seed S --set ...} runs it, so each variant's
 * bands are those of that command, bit for bit. For studies too large for one machine, the Spark job
 * ({@code fleetcast-spark}) runs the same variants as (variant x run-range) tasks and gets the same bits.
 */
public final class SweepRunner {

    private SweepRunner() {
    }

    /**
     * One variant's outcome.
     *
     * @param variant the variant
     * @param result  its Monte Carlo
     */
    public record VariantResult(Variant variant, MonteCarloResult result) {
        /** Checks that no part is null. */
        public VariantResult {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Runs every variant.
     *
     * @param sweep    the sweep
     * @param threads  worker threads, at least 1 (the numbers do not depend on it)
     * @param progress told of every finished run of every variant
     * @return one result per variant, in variant order
     * @throws IllegalArgumentException when a run of a variant cannot be projected, naming the variant, the run and
     *                                  its draws
     */
    public static List<VariantResult> run(Sweep sweep, int threads, ProgressListener progress) {
        List<VariantResult> out = new ArrayList<>(sweep.variants().size());
        try {
            run(sweep, threads, progress, out::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a list's add does no I/O
        }
        return out;
    }

    /** Receives each variant's result as soon as it is done, in variant order. */
    @FunctionalInterface
    public interface VariantSink {
        /**
         * Takes one variant's result; the runner keeps no reference to it afterwards.
         *
         * @param result the variant's result
         * @throws java.io.IOException when the sink cannot write; the sweep stops
         */
        void accept(VariantResult result) throws java.io.IOException;
    }

    /**
     * Runs every variant and hands each result to {@code sink} as it is done, so a sweep of many variants holds one
     * variant's runs at a time, not all of them.
     *
     * @param sweep    the sweep
     * @param threads  worker threads, at least 1 (the numbers do not depend on it)
     * @param progress told of every finished run of every variant
     * @param sink     receives each variant's result, in variant order
     * @throws IllegalArgumentException when a run of a variant cannot be projected, naming the variant, the run and
     *                                  its draws
     * @throws java.io.IOException      when the sink fails
     */
    public static void run(Sweep sweep, int threads, ProgressListener progress, VariantSink sink)
            throws java.io.IOException {
        progress.begin(sweep.name() + ": " + sweep.variants().size() + " variants x " + sweep.runs() + " " + sweep.mode().id()
                + " runs", sweep.variantRuns());
        try {
            ProgressListener perRun = new ProgressListener() {
                @Override
                public void begin(String task, long totalUnits) {
                }

                @Override
                public void advance(long units) {
                    progress.advance(units);
                }

                @Override
                public void end() {
                }
            };
            for (Variant v : sweep.variants()) {
                MonteCarlo.Options options = MonteCarlo.Options.of(threads).withGrouping(sweep.bandsBy()).withProgress(perRun);
                VariantResult r;
                try {
                    r = new VariantResult(v, MonteCarlo.run(v.scenario(), sweep.mode(), sweep.settings(v), options));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new IllegalArgumentException("variant " + v.id() + " (" + v.source()
                            + (v.sets().isEmpty() ? "" : "; " + v.setsText()) + "): " + e.getMessage(), e);
                }
                sink.accept(r);
            }
        } finally {
            progress.end();
        }
    }
}
