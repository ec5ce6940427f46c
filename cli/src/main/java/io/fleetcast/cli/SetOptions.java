package io.fleetcast.cli;

import io.fleetcast.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --set PATH=VALUE} (repeatable), mixed into {@code run} and {@code solve}: fixes inputs of the scenario
 * before the command's work. One option, one implementation ({@link AnalysisViews#applySets}); values are
 * numbers in the field's base unit or carry a unit ({@code 2.5 USD/h}), a start takes a delay ({@code 3 months}).
 */
final class SetOptions {

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Set an input first (repeatable): accelerators.ID.FIELD, sites.ID.FIELD or deployments.ID.FIELD, "
                    + "a number in the field's base unit or with a unit, e.g. deployments.aws-gb200.count=150000.")
    List<String> sets = new ArrayList<>();

    /**
     * The scenario with the overrides applied.
     *
     * @param scenario the scenario as read
     * @return it with every {@code --set} applied, or itself when there is none
     * @throws BadInputException naming the override and what is wrong
     */
    Scenario apply(Scenario scenario) {
        return AnalysisViews.applySets(scenario, sets);
    }
}
