package io.fleetcast.cli;

import io.fleetcast.model.Mode;
import io.fleetcast.model.ProgressListener;
import io.fleetcast.model.Scenario;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.analyse.Sensitivity;
import io.fleetcast.scenario.CatalogReader;
import io.fleetcast.write.QuantileBands;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's analyses and documents for the HTTP server ({@code io.fleetcast.serve}), so that
 * {@code POST /v1/solve} answers exactly what {@code fleetcast solve --format json} prints, and likewise for
 * sensitivity, the catalog and the Monte Carlo bands: one implementation behind both front ends. A
 * {@link BadInputException} from these is the user's mistake (the server answers 400 with its message).
 */
public final class Analyses {

    private Analyses() {
    }

    /**
     * {@code fleetcast solve ... --format json}.
     *
     * @param scenario the scenario
     * @param sets     {@code PATH=VALUE} overrides
     * @param vary     the input paths sharing the unknown value
     * @param target   {@code METRIC[@WHEN]=VALUE}
     * @param between  the bracket (two values) or null
     * @param group    the group or null
     * @return the JSON document ({@code fleetcast-solve/1})
     * @throws BadInputException for a bad path, value or target, or no root in the bracket
     */
    public static String solveJson(Scenario scenario, List<String> sets, List<String> vary, String target,
                                   List<String> between, String group) {
        return SolveCommand.solve(scenario, sets, vary, target, between, group, SolveCommand.Format.JSON).strip();
    }

    /**
     * {@code fleetcast sensitivity ... --format json}.
     *
     * @param scenario the scenario
     * @param metric   {@code METRIC[@WHEN]}
     * @param group    the group or null
     * @param runs     runs, or null for the scenario's
     * @param seed     seed, or null for the scenario's
     * @param mode     mode of the Monte Carlo runs
     * @param threads  worker threads
     * @param progress told of each run; may throw to stop
     * @return the JSON document
     * @throws BadInputException for a bad metric, group or count
     */
    public static String sensitivityJson(Scenario scenario, String metric, String group, Integer runs, Long seed,
                                         Mode mode, int threads, ProgressListener progress) {
        Sensitivity.Result r = SensitivityCommand.compute(scenario, metric, null, false, group, runs, seed, mode, threads,
                progress);
        return SensitivityCommand.json(scenario, r);
    }

    /**
     * {@code fleetcast catalog --format json}, or with {@code --sites}.
     *
     * @param sites true for the sites, false for the accelerators
     * @return the JSON array
     */
    public static String catalogJson(boolean sites) {
        try {
            var catalog = CatalogReader.readBuiltIn();
            return sites ? CatalogCommand.json(new ArrayList<>(catalog.sites().values()), CatalogCommand.SITES)
                    : CatalogCommand.json(new ArrayList<>(catalog.accelerators().values()), CatalogCommand.ACCELERATORS);
        } catch (Exception e) {
            throw new IllegalStateException("the built-in catalog is part of the jar", e);
        }
    }

    /**
     * The writers' view of Monte Carlo bands (what {@code run --runs N --out DIR} writes into results.json).
     *
     * @param r the Monte Carlo result
     * @return the bands
     */
    public static QuantileBands bands(MonteCarloResult r) {
        return AnalysisViews.bands(r);
    }
}
