package io.fleetcast.serve;

import io.fleetcast.cli.BadInputException;
import io.fleetcast.cli.ExitCodes;
import io.fleetcast.cli.FleetcastCommand;
import io.fleetcast.cli.VerbProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleetcast serve [--port N] [--bind ADDR] [--token T]} and the limits: the HTTP API
 * ({@link Server}) until SIGTERM or Ctrl-C, which stops taking requests and lets those in flight finish.
 * The token may come from the environment variable {@value #TOKEN_ENV} instead of the command line (where
 * other users of the machine could read it in the process list).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = FleetcastCommand.Version.class,
        description = {"Serve the HTTP API until SIGTERM or Ctrl-C (requests in flight finish).",
                "POST /v1/projections, /v1/monte-carlo, /v1/solve, /v1/sensitivity;",
                "GET /v1/catalog, /v1/sites, /v1/health, /openapi.json. Binds to 127.0.0.1",
                "unless --bind says otherwise."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped by a signal", "2:bad usage, or the address cannot be bound", "1:internal error"})
public final class ServeCommand implements Callable<Integer> {

    /** The {@code serve} verb for the command line ({@link VerbProvider}, found by its service file). */
    public static final class Verb implements VerbProvider {
        /** Made by the service loader. */
        public Verb() {
        }

        @Override
        public String name() {
            return "serve";
        }

        @Override
        public Object newCommand() {
            return new ServeCommand();
        }
    }

    /** Made by {@link Verb}. */
    ServeCommand() {
    }


    /** The environment variable holding the bearer token. */
    static final String TOKEN_ENV = "FLEETCAST_TOKEN";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServeOptions.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--token", paramLabel = "T",
            description = "Bearer token required on every request except GET /v1/health (default: $" + TOKEN_ENV + ", else none).")
    private String token;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "4194304",
            description = "Largest request body; larger answers 413 (default: ${DEFAULT-VALUE}).")
    private long maxBodyBytes;

    @Option(names = "--max-devices", paramLabel = "N", defaultValue = "10000000",
            description = "Most accelerators per simulate-mode request (every one is sampled; default: ${DEFAULT-VALUE}).")
    private long maxDevices;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "20000",
            description = "Most runs of a Monte Carlo job or sensitivity request (default: ${DEFAULT-VALUE}).")
    private int maxRuns;

    @Option(names = "--max-jobs", paramLabel = "N", defaultValue = "1",
            description = "Monte Carlo jobs running at once; each gets the cores divided among them (default: ${DEFAULT-VALUE}).")
    private int maxJobs;

    @Option(names = "--max-queued-jobs", paramLabel = "N", defaultValue = "8",
            description = "Jobs waiting for a place; one more answers 429 with Retry-After (default: ${DEFAULT-VALUE}).")
    private int maxQueued;

    @Option(names = "--time-budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest a request or job may compute; past it 503 (a job: failed) (default: ${DEFAULT-VALUE}).")
    private long timeBudget;

    @Option(names = "--job-retention", paramLabel = "SECONDS", defaultValue = "900",
            description = "How long a finished job's result is kept (default: ${DEFAULT-VALUE}).")
    private long retention;

    @Option(names = "--max-kept-jobs", paramLabel = "N", defaultValue = "64",
            description = "Most finished jobs kept; the oldest go first (default: ${DEFAULT-VALUE}).")
    private int keptJobs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String t = token != null ? token : System.getenv(TOKEN_ENV);
        ServeOptions options;
        try {
            options = new ServeOptions(bind, port, t, maxBodyBytes, maxDevices, maxRuns, maxJobs, maxQueued,
                    Duration.ofSeconds(timeBudget), Duration.ofSeconds(retention), keptJobs, Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Server server;
        try {
            server = Server.start(options, err);
        } catch (IOException e) {
            throw new BadInputException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        err.println("fleetcast serve: listening on http://" + bind + ":" + server.port() + " ("
                + (options.tokenRequired() ? "bearer token required" : "no token: anyone who can reach the address may use it")
                + "); API description at /openapi.json");
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("fleetcast serve: stopping; requests in flight finish first");
            err.flush();
            server.stop();
            stopped.countDown();
        }, "fleetcast-serve-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
