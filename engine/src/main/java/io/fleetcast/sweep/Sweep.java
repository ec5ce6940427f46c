package io.fleetcast.sweep;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import java.util.List;
import java.util.Objects;

/**
 * A validated sweep: base scenarios, grid axes over {@code --set} paths, and the Monte Carlo every variant runs.
 * The variants are the base scenarios times the grid's points (scenarios outermost, then the axes in file order,
 * the first axis slowest), each the base scenario with its point's values set as {@code fleetcast run --set} sets
 * them. A variant's bands are those of {@code fleetcast run SCENARIO --runs N --seed S --set PATH=VALUE...
 * --bands-by KEY}, bit for bit.
 *
 * @param name        the sweep's name (an id: names its output folder)
 * @param description one line saying what it studies; empty when none
 * @param location    the file it was read from, as named
 * @param sha256      SHA-256 of the file's bytes, lower-case hex (a cluster's executors check they read the same file)
 * @param mode        expected or simulate, for every run
 * @param runs        Monte Carlo runs per variant, at least 1
 * @param seed        root seed of every variant's runs
 * @param quantiles   the band quantiles, or null for each base scenario's own ({@code monte-carlo.quantiles})
 * @param bandsBy     the grouping of the bands per period
 * @param axes        the grid axes, in file order
 * @param variants    every variant, in order
 */
public record Sweep(String name, String description, String location, String sha256, Mode mode, int runs, long seed,
                    double[] quantiles, Grouping bandsBy, List<Axis> axes, List<Variant> variants) {

    /** Checks the parts and copies the lists. */
    public Sweep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(bandsBy, "bandsBy");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, was " + runs);
        }
        quantiles = quantiles == null ? null : quantiles.clone();
        axes = List.copyOf(axes);
        variants = List.copyOf(variants);
    }

    /** The band quantiles (a copy), or null for each base scenario's own. */
    @Override
    public double[] quantiles() {
        return quantiles == null ? null : quantiles.clone();
    }

    /**
     * The Monte Carlo settings of a variant: the sweep's runs and seed, its quantiles or else the base scenario's.
     *
     * @param v a variant of this sweep
     * @return the settings
     */
    public MonteCarloSettings settings(Variant v) {
        return new MonteCarloSettings(runs, seed, quantiles != null ? quantiles.clone() : v.scenario().monteCarlo().quantiles());
    }

    /** Total Monte Carlo runs of the sweep: variants x runs. */
    public long variantRuns() {
        return (long) variants.size() * runs;
    }

    /**
     * One axis of the grid: a {@code --set} path and the values it takes, as written.
     *
     * @param path   the path, e.g. {@code sites.us-tx.electricity-price}
     * @param values the values, e.g. {@code 45 USD/MWh}, at least one
     */
    public record Axis(String path, List<String> values) {
        /** Copies the values. */
        public Axis {
            Objects.requireNonNull(path, "path");
            values = List.copyOf(values);
        }
    }
}
