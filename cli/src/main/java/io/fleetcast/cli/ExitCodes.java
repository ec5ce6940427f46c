package io.fleetcast.cli;

/** The exit codes of {@code fleetcast}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An internal error: a bug in fleetcast, not in the input. */
    public static final int INTERNAL = 1;
    /** Bad input: an invalid file, option or argument; the message says what and where. */
    public static final int BAD_INPUT = 2;
    /**
     * The output could not be written (permission denied, a full disk, a file in the way): the message names the
     * file; the output folder holds the previous complete results.
     */
    public static final int OUTPUT = 3;
    /** {@code calibrate}: an answer lies outside its anchor's must-hold band (the table still prints). */
    public static final int OUTSIDE_BAND = 4;

    private ExitCodes() {
    }
}
