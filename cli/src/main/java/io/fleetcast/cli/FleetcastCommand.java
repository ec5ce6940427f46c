package io.fleetcast.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code fleetcast} command: global options and the list of verbs. A new verb is one class
 * (a {@code Callable<Integer>} annotated with {@code @Command}) added to {@link #VERBS} below.
 *
 * <p>Verbs are registered programmatically rather than in {@code @Command(subcommands = ...)} so that a call
 * builds the command model of the verb it runs only ({@link #commandLine(PrintWriter, PrintWriter, String...)}):
 * picocli builds a command's model by reflection over its annotations, mixins and converters, and building
 * all five took 276 ms of a 0.9 s {@code fleetcast --version} (issue 12).
 */
@Command(name = "fleetcast",
        mixinStandardHelpOptions = true,
        versionProvider = FleetcastCommand.Version.class,
        description = "Projects what a fleet of AI accelerators costs, draws and delivers over time.")
public final class FleetcastCommand implements Runnable {

    /** A verb: its name (as in its {@code @Command}) and how to make its command object. */
    private record Verb(String name, Supplier<Object> factory) {
    }

    /** The hidden verb that prints the bash/zsh completion script; it needs every verb present to describe them. */
    private static final String COMPLETION = "generate-completion";

    /** The verbs in the order the usage help lists them. */
    private static final List<Verb> VERBS = List.of(
            new Verb("validate", ValidateCommand::new),
            new Verb("catalog", CatalogCommand::new),
            new Verb("run", RunCommand::new),
            new Verb("sweep", SweepCommand::new),
            new Verb("sensitivity", SensitivityCommand::new),
            new Verb("solve", SolveCommand::new),
            new Verb("calibrate", CalibrateCommand::new),
            new Verb(COMPLETION, AutoComplete.GenerateCompletion::new));

    /**
     * The verbs of the packages above the command line ({@link VerbProvider}), after calibrate in the usage help;
     * looked up only when a command asks for a verb that is not built in (or for all of them), so that a
     * {@code run} does not scan the class path for service files.
     */
    private static List<Verb> contributed() {
        List<Verb> out = new java.util.ArrayList<>();
        for (VerbProvider p : java.util.ServiceLoader.load(VerbProvider.class, FleetcastCommand.class.getClassLoader())) {
            out.add(new Verb(p.name(), p::newCommand));
        }
        return out;
    }

    /** Every verb in usage order: the built-in ones with the contributed ones before the completion verb. */
    private static List<Verb> all() {
        List<Verb> all = new java.util.ArrayList<>(VERBS.subList(0, VERBS.size() - 1));
        all.addAll(contributed());
        all.add(VERBS.get(VERBS.size() - 1));
        return List.copyOf(all);
    }


    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Shows stack traces of errors (on any verb: {@code fleetcast run --debug ...}). */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    /** Made by picocli's command line; see {@link #commandLine(InputStream, PrintWriter, PrintWriter, String...)}. */
    public FleetcastCommand() {
    }

    /** Where a scenario given as {@code -} is read from. */
    private InputStream in = System.in;

    /**
     * Standard input, as given to {@link #commandLine(InputStream, PrintWriter, PrintWriter, String...)}.
     *
     * @return the stream; not closed by the commands
     */
    InputStream standardInput() {
        return in;
    }

    /** Without a verb: print the usage (exit code 2: a verb is required). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command (see Commands below)");
    }

    /**
     * The configured command line with every verb: injected streams, the exception-to-exit-code mapper.
     *
     * @param out where results go
     * @param err where errors and usage go
     * @return a command line ready to {@code execute(args)}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configured(all(), System.in, out, err);
    }

    /**
     * The command line for these arguments: only the verb they name when they name one (its usage, errors and
     * results are the same as with every verb present), none for a lone {@code --version}, every verb
     * otherwise (the usage help lists them, and an unknown verb gets picocli's suggestions).
     *
     * @param out  where results go
     * @param err  where errors and usage go
     * @param args the arguments the command line will execute. Not modified.
     * @return a command line ready to {@code execute(args)}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(System.in, out, err, args);
    }

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter, String...)}, reading a scenario given as {@code -} from
     * {@code in}.
     *
     * @param in   standard input
     * @param out  where results go
     * @param err  where errors and usage go
     * @param args the arguments the command line will execute. Not modified.
     * @return a command line ready to {@code execute(args)}
     */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configured(List.of(), in, out, err);
        }
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;                       // the top level's options take no values
            }
            for (Verb verb : VERBS) {
                if (verb.name().equals(arg)) {
                    return configured(verb.name().equals(COMPLETION) ? all() : List.of(verb), in, out, err);
                }
            }
            for (Verb verb : contributed()) {
                if (verb.name().equals(arg)) {
                    return configured(List.of(verb), in, out, err);
                }
            }
            break;
        }
        return configured(all(), in, out, err);
    }

    /** The settings are applied after the verbs are added: picocli's setters reach the subcommands present. */
    private static CommandLine configured(List<Verb> verbs, InputStream in, PrintWriter out, PrintWriter err) {
        FleetcastCommand top = new FleetcastCommand();
        top.in = in;
        CommandLine cl = new CommandLine(top);
        for (Verb verb : verbs) {
            cl.addSubcommand(verb.name(), verb.factory().get());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** The version from the jar manifest's {@code Implementation-Version}; {@code dev} when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        /** Made by picocli. */
        public Version() {
        }

        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }

        /** {@code fleetcast VERSION}, the one text of {@code --version}. */
        static String version() {
            String v = FleetcastCommand.class.getPackage().getImplementationVersion();
            return "fleetcast " + (v == null || v.isBlank() ? "dev" : v);
        }
    }
}
