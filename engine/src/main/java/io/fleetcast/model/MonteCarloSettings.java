package io.fleetcast.model;

import java.util.Arrays;

/**
 * How many Monte Carlo runs to make, from which seed, and which quantiles to report.
 *
 * @param runs      number of runs, at least 1
 * @param seed      root seed; run i draws from its own stream derived from it
 * @param quantiles probabilities in (0, 1), ascending
 */
public record MonteCarloSettings(int runs, long seed, double[] quantiles) {

    /** The quantiles reported when a scenario names none: P5, P10, P50, P90, P95. */
    public static final double[] DEFAULT_QUANTILES = {0.05, 0.10, 0.50, 0.90, 0.95};

    /** Default settings: 1000 runs, seed 42, the default quantiles. */
    public static final MonteCarloSettings DEFAULT = new MonteCarloSettings(1000, 42L, DEFAULT_QUANTILES);

    /** Checks the run count and copies the quantiles. */
    public MonteCarloSettings {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, was " + runs);
        }
        quantiles = quantiles.clone();
    }

    /** The quantile probabilities (a copy). */
    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonteCarloSettings m && runs == m.runs && seed == m.seed && Arrays.equals(quantiles, m.quantiles);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * runs + Long.hashCode(seed)) + Arrays.hashCode(quantiles);
    }

    @Override
    public String toString() {
        return "MonteCarloSettings[runs=" + runs + ", seed=" + seed + ", quantiles=" + Arrays.toString(quantiles) + "]";
    }
}
