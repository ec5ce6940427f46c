package io.fleetcast.analyse;

import io.fleetcast.pipeline.Pipeline;

import io.fleetcast.model.Mode;
import io.fleetcast.model.Projection;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;

/**
 * Goal seeking: the value of one input that makes a metric hit a target, by Brent's method
 * (commons-math3 {@link BrentSolver}) on {@code f(x) = metric(scenario with input = x) - target}, each
 * evaluation a projection in {@link Mode#EXPECTED} mode.
 *
 * <p>The bracket [lo, hi] must hold a sign change of {@code f}; both ends are projected first, so when it
 * does not the error names the metric's value at each end. The metric is assumed monotone in the input
 * across the bracket (true of the questions it answers: price, count, power, electricity price); when it
 * is not, Brent still returns a root, but which one is not specified.
 *
 * <p>Accuracy: the input to 1e-12 relative (1e-12 of the bracket width absolute), the metric to 1e-10
 * relative of the target. A deployment's count is an integer in the engine ({@code floor} of the sized
 * value), so the metric is a step function of a {@code count} (or of the {@code size} of a deployment sized
 * by count): the answer is then the whole count whose metric is nearer the target, with the two whole counts
 * around the crossing and the metric at each.
 *
 * <p>A {@code GoalSeek} counts its projections, so it is not thread-safe: one solver per thread.
 */
public final class GoalSeek {

    /** Most projections one solve may make. */
    static final int MAX_EVALUATIONS = 200;

    /**
     * The answer.
     *
     * @param value        the input value found (base units of the field); for a count, the whole count
     *                     nearer the target
     * @param achieved     the metric at {@code value}
     * @param target       the target the metric was to hit
     * @param lo           the bracket's low end
     * @param hi           the bracket's high end
     * @param atLo         the metric at {@code lo}
     * @param atHi         the metric at {@code hi}
     * @param evaluations  projections this solver had made when it answered (counted from its creation, so
     *                     earlier calls on the same solver are included)
     * @param wholeBelow   for a count: the whole count at or below the crossing, else NaN
     * @param atWholeBelow the metric at {@code wholeBelow}, else NaN
     * @param wholeAbove   for a count: {@code wholeBelow + 1}, else NaN
     * @param atWholeAbove the metric at {@code wholeAbove}, else NaN
     * @param projection   the projection at {@code value} (for checks against closed forms)
     */
    public record Answer(double value, double achieved, double target, double lo, double hi, double atLo, double atHi,
                         int evaluations, double wholeBelow, double atWholeBelow, double wholeAbove,
                         double atWholeAbove, Projection projection) {

        /** {@return whether the input is a whole count (the answer has whole neighbours)} */
        public boolean whole() {
            return !Double.isNaN(wholeBelow);
        }
    }

    /** The bracket holds no sign change: the message names the metric at both ends. */
    public static final class NoRootException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** The metric at the low end of the bracket. */
        private final double atLo;
        /** The metric at the high end of the bracket. */
        private final double atHi;

        NoRootException(String message, double atLo, double atHi) {
            super(message);
            this.atLo = atLo;
            this.atHi = atHi;
        }

        /** {@return the metric at the low end of the bracket} */
        public double atLo() {
            return atLo;
        }

        /** {@return the metric at the high end of the bracket} */
        public double atHi() {
            return atHi;
        }
    }

    private final ScenarioEditor editor;
    private final MetricSelector metric;
    private int evaluations;

    private GoalSeek(ScenarioEditor editor, MetricSelector metric) {
        this.editor = editor;
        this.metric = metric;
    }

    /**
     * Prepares a solve of one input of a scenario.
     *
     * @param scenario the scenario (with any overrides already applied); not modified
     * @param vary     the input to vary; its value replaces the field ({@code start}: a delay in hours)
     * @param metric   what to read from each projection
     * @return the solver
     */
    public static GoalSeek of(Scenario scenario, InputPath vary, MetricSelector metric) {
        return of(scenario, List.of(vary), metric);
    }

    /**
     * Prepares a solve of one unknown shared by several inputs: every path takes the same value (e.g. one
     * price per GPU-hour for the two tranches of a deal). The paths must hold values of one kind.
     *
     * @param scenario the scenario (with any overrides already applied); not modified
     * @param vary     the inputs, at least one, all of the same field (or at least the same dimension)
     * @param metric   what to read from each projection
     * @return the solver
     * @throws IllegalArgumentException when no path is given, the paths are of different dimensions (several
     *                                  {@code size} paths are refused: their unit follows each deployment's size
     *                                  kind), or one is repeated
     */
    public static GoalSeek of(Scenario scenario, List<InputPath> vary, MetricSelector metric) {
        Objects.requireNonNull(metric, "metric");
        if (vary.isEmpty()) {
            throw new IllegalArgumentException("give at least one input to vary");
        }
        for (int i = 1; i < vary.size(); i++) {
            if (vary.get(i).field().dimension() != vary.get(0).field().dimension()
                    || vary.get(i).field().dimension() == null) {
                throw new IllegalArgumentException("the inputs varied together must share a unit: " + vary.get(0).text()
                        + " and " + vary.get(i).text() + " do not");
            }
        }
        List<ScenarioEditor.Mode> modes = new java.util.ArrayList<>();
        for (int i = 0; i < vary.size(); i++) {
            modes.add(ScenarioEditor.Mode.SET);
        }
        ScenarioEditor editor = ScenarioEditor.compile(scenario, vary, modes);
        return new GoalSeek(editor, metric);
    }

    /** {@return the (first) input varied} */
    public InputPath vary() {
        return editor.path(0);
    }

    /** {@return every input varied (they all take the same value)} */
    public List<InputPath> varied() {
        List<InputPath> out = new java.util.ArrayList<>(editor.size());
        for (int i = 0; i < editor.size(); i++) {
            out.add(editor.path(i));
        }
        return out;
    }

    /** {@return the scenario the inputs are varied in} */
    public Scenario scenario() {
        return editor.base();
    }

    /**
     * The input's value in the scenario as given: the field's value, 0 for {@code start} (no delay), and
     * for the {@code count} of a deployment sized otherwise, the count its size resolves to (before
     * rounding down).
     *
     * @return the nominal value, or NaN when the scenario has none (an absent term or average power)
     */
    public double nominal() {
        double n = editor.nominal(0);
        if (Double.isNaN(n) && editor.path(0).field() == InputField.COUNT) {
            List<ResolvedDeployment> sizing = Pipeline.sizing(editor.base());
            for (int i = 0; i < sizing.size(); i++) {
                if (sizing.get(i).id().equals(editor.path(0).id())) {
                    return sizing.get(i).exactCount();
                }
            }
        }
        return n;
    }

    /**
     * The metric in the scenario as given (the input at its nominal value, i.e. the scenario unchanged).
     *
     * @return the metric value
     */
    public double baseValue() {
        return metric.value(Pipeline.project(editor.base(), Mode.EXPECTED, 0L));
    }

    /**
     * The metric with the input at a value.
     *
     * @param x the input value, base units
     * @return the metric
     * @throws IllegalArgumentException when x is outside the field's range
     */
    public double evaluate(double x) {
        return metric.value(project(x));
    }

    /**
     * The projection with the input at a value (expected mode).
     *
     * @param x the input value, base units
     * @return the projection
     * @throws IllegalArgumentException when x is outside the field's range
     */
    public Projection project(double x) {
        double[] values = new double[editor.size()];
        for (int i = 0; i < values.length; i++) {
            String problem = editor.check(i, x);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            values[i] = x;
        }
        evaluations++;
        return Pipeline.project(editor.apply(values), Mode.EXPECTED, 0L);
    }

    /**
     * A default bracket when the user gives none: [nominal / 100, nominal x 100] for a positive nominal
     * ([1, max(3 x nominal, 3)] for {@code pue} and {@code design-pue}); [0, 1] for fractions ([0, 0.999] for
     * {@code afr}, whose range excludes 1); for {@code start}, every delay that keeps the start inside the
     * horizon. It is not clipped to the field's range: {@link #solve} refuses an end outside it.
     *
     * @return {lo, hi}
     * @throws IllegalArgumentException when the field has no nominal value to build a bracket from
     */
    public double[] defaultBracket() {
        InputField f = editor.path(0).field();
        if (f == InputField.START) {
            io.fleetcast.model.Deployment d = null;
            for (int i = 0; i < editor.base().deployments().size(); i++) {
                if (editor.base().deployments().get(i).id().equals(editor.path(0).id())) {
                    d = editor.base().deployments().get(i);
                }
            }
            double back = io.fleetcast.model.Timeline.hoursBetween(editor.base().start(), d.start());
            double ahead = io.fleetcast.model.Timeline.hoursBetween(d.start(), editor.base().end());
            return new double[] {-back, ahead - 1};
        }
        if (f.dimension() == io.fleetcast.model.Dimension.FRACTION) {
            return new double[] {0, f == InputField.AFR ? 0.999 : 1};
        }
        double n = nominal();
        if (!(n > 0)) {
            throw new IllegalArgumentException(editor.path(0).text() + " has no positive value in the scenario to build"
                    + " a default bracket from; give --between LO HI");
        }
        double lo = n / 100;
        double hi = n * 100;
        if (f == InputField.PUE || f == InputField.DESIGN_PUE) {
            lo = 1;
            hi = Math.max(n * 3, 3);
        }
        return new double[] {lo, hi};
    }

    /**
     * Finds the input value that makes the metric equal {@code target}.
     *
     * @param target the target value of the metric
     * @param lo     low end of the bracket (base units)
     * @param hi     high end of the bracket, above {@code lo}
     * @return the answer
     * @throws NoRootException          when the metric does not cross the target between lo and hi
     * @throws IllegalArgumentException when {@code lo >= hi}, lo or hi are outside the field's range, or Brent
     *                                  does not converge in 200 projections
     */
    public Answer solve(double target, double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("--between: the low end " + lo + " must be below the high end " + hi);
        }
        String name = metric.metricName();
        double fLo = evaluate(lo);
        double fHi = evaluate(hi);
        if (fLo == target) {
            return answer(lo, fLo, target, lo, hi, fLo, fHi, project(lo));
        }
        if (fHi == target) {
            return answer(hi, fHi, target, lo, hi, fLo, fHi, project(hi));
        }
        if ((fLo - target) * (fHi - target) > 0) {
            throw new NoRootException("no value of " + editor.path(0).text() + " in [" + lo + ", " + hi + "] makes "
                    + metric + " = " + target + ": it is " + fLo + " at " + lo + " and " + fHi + " at " + hi
                    + " (both " + (fLo > target ? "above" : "below") + " the target); widen --between", fLo, fHi);
        }
        double xTol = Math.max(1e-12 * (hi - lo), 1e-15);
        double fTol = Math.max(1e-10 * Math.abs(target), 1e-300);
        BrentSolver solver = new BrentSolver(1e-12, xTol, fTol);
        UnivariateFunction f = x -> evaluate(x) - target;
        double x;
        try {
            x = solver.solve(MAX_EVALUATIONS, f, lo, hi);
        } catch (TooManyEvaluationsException e) {
            throw new IllegalArgumentException("Brent's method did not converge on " + name + " = " + target + " in "
                    + MAX_EVALUATIONS + " projections", e);
        }
        Projection at = project(x);
        return answer(x, metric.value(at), target, lo, hi, fLo, fHi, at);
    }

    private Answer answer(double x, double fx, double target, double lo, double hi, double fLo, double fHi,
                          Projection at) {
        InputField f = editor.path(0).field();
        boolean whole = f == InputField.COUNT
                || (f == InputField.SIZE && sizeKindIsCount());
        if (!whole) {
            return new Answer(x, fx, target, lo, hi, fLo, fHi, evaluations, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, at);
        }
        // the metric is a step function of the count (the engine counts floor(count)): its steps sit at whole
        // numbers and Brent's bracket closes on one of them, from either side; the whole counts around the
        // crossing are the two beside the nearest whole number
        double above = Math.max(1, Math.rint(x));
        double below = above - 1;
        double atBelow = editor.check(0, below) == null ? evaluate(below) : Double.NaN;
        double atAbove = evaluate(above);
        // Brent's x lies somewhere on the step where the metric crosses; the answer is the whole count
        // nearer the target (the lower one on a tie), and the metric it gives
        boolean takeBelow = !Double.isNaN(atBelow) && Math.abs(atBelow - target) <= Math.abs(atAbove - target);
        double count = takeBelow ? below : above;
        Projection wholeAt = project(count);
        return new Answer(count, metric.value(wholeAt), target, lo, hi, fLo, fHi, evaluations, below, atBelow, above,
                atAbove, wholeAt);
    }

    private boolean sizeKindIsCount() {
        List<io.fleetcast.model.Deployment> list = editor.base().deployments();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(editor.path(0).id())) {
                return list.get(i).size().kind() == io.fleetcast.model.SizeKind.COUNT;
            }
        }
        return false;
    }
}
