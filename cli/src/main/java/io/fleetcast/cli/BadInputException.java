package io.fleetcast.cli;

import java.io.Serial;

/**
 * A user mistake found by a command outside the scenario files (an output folder that cannot be written,
 * an option value that does not fit the scenario): printed as its message alone, exit code 2.
 */
public final class BadInputException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what would be accepted
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception from a lower layer's rejection, kept as the cause for {@code --debug}.
     *
     * @param message what is wrong and what would be accepted
     * @param cause   the rejection
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
