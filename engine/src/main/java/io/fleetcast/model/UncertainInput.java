package io.fleetcast.model;

import java.util.Objects;

/**
 * A numeric input of a scenario that carries a distribution.
 *
 * @param path         the input's address, e.g. {@code accelerators.mi450.capex},
 *                     {@code sites.us-tx.electricity-price}, {@code deployments.amd-wave-1.start}
 *                     (the YAML field names)
 * @param distribution its distribution, in the field's base unit
 */
public record UncertainInput(String path, InputDistribution distribution) {

    /** Checks that no part is null. */
    public UncertainInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(distribution, "distribution");
    }
}
