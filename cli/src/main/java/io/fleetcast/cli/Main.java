package io.fleetcast.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code fleetcast} command line.
 *
 * <p>Exit codes: {@value ExitCodes#OK} success; {@value ExitCodes#BAD_INPUT} bad input (an invalid
 * scenario, catalog or sites file, an unknown option or a missing argument); {@value ExitCodes#INTERNAL}
 * an internal error (a bug: the message asks for {@code --debug} to show the stack trace); {@value ExitCodes#OUTPUT}
 * the output could not be written (the message names the file).
 */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line without exiting, writing to the given streams (tests capture them).
     *
     * @param args the arguments
     * @param out  where results go (Modified: written and flushed)
     * @param err  where errors, usage and progress go (Modified: written and flushed)
     * @return the exit code ({@link ExitCodes})
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs the command line without exiting, reading a scenario given as {@code -} from {@code in}.
     *
     * @param args the arguments
     * @param in   standard input (Not modified beyond reading)
     * @param out  where results go (Modified: written and flushed)
     * @param err  where errors, usage and progress go (Modified: written and flushed)
     * @return the exit code ({@link ExitCodes})
     */
    public static int run(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // answered without picocli: building even the verb-less command model (annotation reflection) was
            // about 0.1 s of a 0.25 s cold `fleetcast --version` (JDK 25, AOT cache; issue 12). The text is the
            // version provider's, so `fleetcast --version` prints the same either way.
            out.println(FleetcastCommand.Version.version());
            out.flush();
            return ExitCodes.OK;
        }
        int code = FleetcastCommand.commandLine(in, out, err, args).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
