package io.fleetcast.cli;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.calibrate.Calibration;
import io.fleetcast.scenario.Anchor;
import io.fleetcast.scenario.AnchorsReader;
import io.fleetcast.scenario.Catalog;
import io.fleetcast.scenario.CatalogReader;
import io.fleetcast.write.CalibrationTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleetcast calibrate}: fleetcast's answers to the public anchors of {@code models/calibration/anchors.yaml}
 * (owned capex per GW, accelerators per GW, $/accelerator-hour, PUE, portfolio GW and dollars) as the Markdown
 * table of {@code docs/calibration.md}. With {@code --accelerators}/{@code --sites} it checks another catalog
 * against the same anchors. Exit code 0 when every answer is inside its must-hold band, 4 when one is not
 * (the table still prints, the row marked NO), 2 on bad input.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = FleetcastCommand.Version.class,
        description = {"Compare fleetcast's answers with public anchors: capex and accelerators per GW,",
                "$/accelerator-hour incl. capital, MFU, PUE, the portfolio's GW and dollars.",
                "Prints the Markdown table of docs/calibration.md."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every answer is inside its must-hold band", "4:an answer is outside its band (row marked NO)",
                "2:bad input (an anchors, catalog or sites file has problems), or bad usage", "1:internal error"})
final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--anchors", paramLabel = "FILE",
            description = "Anchors file (default: the built-in models/calibration/anchors.yaml).")
    private Path anchors;

    @Option(names = "--accelerators", paramLabel = "FILE",
            description = "Accelerator catalog for the per-GW and per-hour answers (default: the built-in one).")
    private Path accelerators;

    @Option(names = "--sites", paramLabel = "FILE",
            description = "Sites file for the per-GW and per-hour answers (default: the built-in one).")
    private Path sites;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        List<Anchor> list = anchors == null ? AnchorsReader.readBuiltIn() : AnchorsReader.read(anchors);
        Catalog builtIn = CatalogReader.readBuiltIn();
        Catalog catalog = new Catalog(
                accelerators == null ? builtIn.accelerators() : CatalogReader.readAccelerators(accelerators),
                sites == null ? builtIn.sites() : CatalogReader.readSites(sites));
        String file = anchors == null ? "builtin:" + AnchorsReader.BUILTIN : anchors.toString();
        List<Calibration.Finding> findings = new Calibration(catalog, Fleetcast::loadNamedOrPath, file).evaluate(list);
        out.print(CalibrationTable.markdown(findings));
        out.flush();
        for (Calibration.Finding f : findings) {
            if (!f.holds()) {
                return ExitCodes.OUTSIDE_BAND;
            }
        }
        return ExitCodes.OK;
    }
}
