package io.fleetcast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What one command line run through {@link Main#run} did: its exit code and everything it printed.
 *
 * @param code exit code
 * @param out  standard output
 * @param err  standard error
 */
record CliResult(int code, String out, String err) {

    /** Runs the command line with {@code stdin} as standard input and captured output streams. */
    static CliResult runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new CliResult(code, out.toString(), err.toString());
    }

    /** Runs the command line with captured streams. */
    static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliResult(code, out.toString(), err.toString());
    }
}
