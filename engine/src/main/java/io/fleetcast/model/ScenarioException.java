package io.fleetcast.model;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An input file (scenario, catalog, sites) is wrong: carries every problem found, not only the first.
 * Checked, because bad input is an expected outcome that a caller must turn into a clear message
 * (the command line prints {@link #problems()} and exits with code 2).
 */
public final class ScenarioException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The problems, in file order; never empty. */
    private final List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems found, at least one
     */
    public ScenarioException(List<Problem> problems) {
        super(describe(inFileOrder(problems)));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = inFileOrder(problems);
    }

    /**
     * The problems grouped by file (files in the order they were first reported) and sorted by line and
     * column within a file, so a user reads them top to bottom; problems at the same place keep their order.
     */
    private static List<Problem> inFileOrder(List<Problem> problems) {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (Problem p : problems) {
            fileOrder.putIfAbsent(p.file(), fileOrder.size());
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.<Problem>comparingInt(p -> fileOrder.get(p.file()))
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(sorted);
    }

    /** Every problem found, in the order they occur in the files. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) {
                b.append(System.lineSeparator());
            }
            b.append(problems.get(i).message());
        }
        return b.toString();
    }
}
