package io.fleetcast.cli;

import io.fleetcast.model.Problem;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.scenario.ModelFiles;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetcast validate FILE...}: checks scenario, catalog and sites files and prints every problem
 * of each. Exit code 0 when all are valid, 2 otherwise.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = FleetcastCommand.Version.class,
        description = {"Check scenario, catalog (accelerators:), sites (sites:) and calibration (anchors:) files; print every problem.",
                "A FILE that does not exist is looked up as a built-in scenario name."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every file is valid", "2:a file has problems, or bad usage", "1:internal error"})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check (or built-in scenario names).")
    private List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        int problems = 0;
        for (String file : files) {
            try {
                ModelFiles.Checked c = ModelFiles.validate(file);
                out.println("ok  " + file + "  (" + c.summary() + ")");
                if (c.kind() == ModelFiles.Kind.SCENARIO) {
                    // where the sizes exceed a site's power cap, say which installs will wait
                    try {
                        for (String line : CapNotes.lines(io.fleetcast.Fleetcast.loadNamedOrPath(file))) {
                            err.println("warning: " + file + ": " + line);
                        }
                    } catch (IllegalArgumentException e) {
                        bad++;
                        problems++;
                        err.println(file + ": " + e.getMessage());
                    }
                }
            } catch (ScenarioException e) {
                bad++;
                for (Problem p : e.problems()) {
                    err.println(p.message());
                }
                problems += e.problems().size();
            }
        }
        out.flush();
        if (bad > 0) {
            err.println(problems + (problems == 1 ? " problem" : " problems") + " in " + bad
                    + (bad == 1 ? " file" : " files") + ".");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.OK;
    }
}
