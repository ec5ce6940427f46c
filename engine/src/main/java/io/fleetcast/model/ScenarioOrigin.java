package io.fleetcast.model;

import java.util.Objects;

/**
 * The file a scenario was read from.
 *
 * @param location file path, or {@code builtin:models/scenarios/NAME.yaml} for a built-in model
 * @param sha256   SHA-256 of the file's bytes, lower-case hex
 */
public record ScenarioOrigin(String location, String sha256) {

    /** Checks that no part is null. */
    public ScenarioOrigin {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
    }
}
