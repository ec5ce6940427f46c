package io.fleetcast.cli;

import io.fleetcast.model.Problem;
import io.fleetcast.model.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps an exception thrown by a command to an exit code and a message: bad input (a
 * {@link ScenarioException} with every problem, a {@link BadInputException}) is printed plainly with
 * exit code 2; output that cannot be written ({@link OutputException}) with exit code 3; anything else is an internal error, exit code 1, with the stack trace only under
 * {@code --debug}. Usage errors never reach here: picocli prints them with the usage and exits 2.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = debug(parseResult);
        int code;
        if (ex instanceof ScenarioException se) {
            for (Problem p : se.problems()) {
                err.println(p.message());
            }
            int n = se.problems().size();
            err.println(n + (n == 1 ? " problem" : " problems") + " found.");
            code = ExitCodes.BAD_INPUT;
        } else if (ex instanceof BadInputException) {
            err.println("fleetcast: " + ex.getMessage());
            code = ExitCodes.BAD_INPUT;
        } else if (ex instanceof OutputException) {
            err.println("fleetcast: " + ex.getMessage());
            code = ExitCodes.OUTPUT;
        } else {
            err.println("fleetcast: internal error: " + ex);
            if (!debug) {
                err.println("This is a bug in fleetcast. Run again with --debug to see the stack trace, and report it.");
            }
            code = ExitCodes.INTERNAL;
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Whether {@code --debug} was given on the top-level command or any subcommand. */
    static boolean debug(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
