package io.fleetcast.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code fleetcast} command: global options and the list of verbs. A new verb is one class
 * (a {@code Callable<Integer>} annotated with {@code @Command}) added to {@code subcommands} below.
 */
@Command(name = "fleetcast",
        mixinStandardHelpOptions = true,
        versionProvider = FleetcastCommand.Version.class,
        description = "Projects what a fleet of AI accelerators costs, draws and delivers over time.",
        subcommands = {
                ValidateCommand.class,
                CatalogCommand.class,
                RunCommand.class,
                SensitivityCommand.class,
                SolveCommand.class,
                CalibrateCommand.class,
                ServeCommand.class,
        })
public final class FleetcastCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Shows stack traces of errors (on any verb: {@code fleetcast run --debug ...}). */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    /** Without a verb: print the usage (exit code 2: a verb is required). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command (see Commands below)");
    }

    /**
     * The configured command line: injected streams, the exception-to-exit-code mapper.
     *
     * @param out where results go
     * @param err where errors and usage go
     * @return a command line ready to {@code execute(args)}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FleetcastCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** The version from the jar manifest's {@code Implementation-Version}; {@code dev} when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fleetcast " + version()};
        }

        static String version() {
            String v = FleetcastCommand.class.getPackage().getImplementationVersion();
            return v == null || v.isBlank() ? "dev" : v;
        }
    }
}
