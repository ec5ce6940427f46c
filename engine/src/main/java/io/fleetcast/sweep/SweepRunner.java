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
                try {
                    out.add(new VariantResult(v, MonteCarlo.run(v.scenario(), sweep.mode(), sweep.settings(v), options)));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new IllegalArgumentException("variant " + v.id() + " (" + v.source()
                            + (v.sets().isEmpty() ? "" : "; " + v.setsText()) + "): " + e.getMessage(), e);
                }
            }
        } finally {
            progress.end();
        }
        return out;
    }
}
