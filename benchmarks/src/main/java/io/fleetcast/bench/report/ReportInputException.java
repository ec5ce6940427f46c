package io.fleetcast.bench.report;

/**
 * An input the report tool cannot use (a missing or malformed JMH result file, a bad option); its
 * message names the file and what was expected, and the tool exits with code 2 without a stack trace.
 */
public final class ReportInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file
     */
    public ReportInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file
     * @param cause the underlying parse or I/O error
     */
    public ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
