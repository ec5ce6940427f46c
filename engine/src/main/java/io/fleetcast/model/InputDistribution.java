package io.fleetcast.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The distribution of one uncertain input, with its parameters in the input's base unit.
 *
 * @param kind       the family
 * @param parameters the parameters in the order {@link DistributionKind} gives
 * @param weights    relative weights of a {@link DistributionKind#CHOICE}, empty otherwise
 * @param min        lower truncation bound of a normal ({@code -Infinity} when none)
 * @param max        upper truncation bound of a normal ({@code +Infinity} when none)
 * @param shift      when true the sample is added to the input's nominal value instead of replacing it
 *                   (for dates: the sample is a duration in hours)
 */
public record InputDistribution(DistributionKind kind, double[] parameters, double[] weights,
                                double min, double max, boolean shift) {

    /** Copies the arrays so the record stays immutable. */
    public InputDistribution {
        Objects.requireNonNull(kind, "kind");
        parameters = parameters.clone();
        weights = weights.clone();
    }

    /** The parameters (a copy). */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** The weights (a copy). */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputDistribution d && kind == d.kind && Arrays.equals(parameters, d.parameters)
                && Arrays.equals(weights, d.weights) && Double.compare(min, d.min) == 0
                && Double.compare(max, d.max) == 0 && shift == d.shift;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(parameters), Arrays.hashCode(weights), min, max, shift);
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(parameters) + (shift ? " (shift)" : "");
    }
}
