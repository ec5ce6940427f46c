package io.fleetcast.analyse;

import io.fleetcast.model.Scenario;
import io.fleetcast.model.UncertainInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The uncertain inputs of a scenario, compiled once: one {@link InputSampler} per input and one
 * {@link ScenarioEditor} that applies a vector of samples to the scenario. Input {@code k} is the k-th
 * entry of the scenario's {@code uncertainty:} block (file order), and consumes the k-th number of a
 * run's stream.
 *
 * <p>Compilation checks every distribution against its field: the whole support (its lowest and highest
 * possible draw, plus the nominal value for {@code shift: true}) must lie in the field's range, so no
 * run can fail half-way on a sampled value ("accelerators.mi450.afr: normal [0.05, 0.04] can draw -inf,
 * outside [0, 1); give min: and max:"). Immutable and thread-safe.
 */
public final class UncertainInputs {

    private final Scenario scenario;
    private final InputSampler[] samplers;
    private final ScenarioEditor editor;

    private UncertainInputs(Scenario scenario, InputSampler[] samplers, ScenarioEditor editor) {
        this.scenario = scenario;
        this.samplers = samplers;
        this.editor = editor;
    }

    /**
     * Compiles the scenario's {@code uncertainty:} block.
     *
     * @param scenario the scenario; not modified
     * @return the compiled inputs (none when the scenario has no uncertainty block)
     * @throws IllegalArgumentException naming the input path, the distribution and what is wrong
     */
    public static UncertainInputs of(Scenario scenario) {
        List<UncertainInput> list = scenario.uncertainty();
        InputSampler[] samplers = new InputSampler[list.size()];
        List<InputPath> paths = new ArrayList<>(list.size());
        List<ScenarioEditor.Mode> modes = new ArrayList<>(list.size());
        for (int k = 0; k < list.size(); k++) {
            UncertainInput u = list.get(k);
            paths.add(InputPath.parse(u.path(), scenario));
            modes.add(u.distribution().shift() ? ScenarioEditor.Mode.SHIFT : ScenarioEditor.Mode.SET);
            try {
                samplers[k] = InputSampler.of(u.distribution());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("uncertainty." + u.path() + ": " + e.getMessage(), e);
            }
        }
        ScenarioEditor editor = ScenarioEditor.compile(scenario, paths, modes);
        for (int k = 0; k < samplers.length; k++) {
            String low = editor.check(k, samplers[k].lowerBound());
            String high = editor.check(k, samplers[k].upperBound());
            String problem = low != null ? low : high;
            if (problem != null) {
                throw new IllegalArgumentException("uncertainty." + list.get(k).path() + ": "
                        + list.get(k).distribution() + " can draw values from " + samplers[k].lowerBound() + " to "
                        + samplers[k].upperBound() + ", and " + problem
                        + "; narrow the distribution (a normal takes min: and max: bounds)");
            }
        }
        return new UncertainInputs(scenario, samplers, editor);
    }

    /** {@return the scenario the inputs belong to} */
    public Scenario scenario() {
        return scenario;
    }

    /** {@return the number of uncertain inputs} */
    public int size() {
        return samplers.length;
    }

    /**
     * The path of input {@code k}.
     *
     * @param k input index, in the order of the scenario's {@code uncertainty:} entries
     * @return the path
     */
    public InputPath path(int k) {
        return editor.path(k);
    }

    /**
     * The sampler of input {@code k}.
     *
     * @param k input index
     * @return its distribution's sampler
     */
    public InputSampler sampler(int k) {
        return samplers[k];
    }

    /** {@return the editor that applies a vector of input values to the scenario} */
    public ScenarioEditor editor() {
        return editor;
    }

    /**
     * Draws one value per input, in input order, one number of the stream each.
     *
     * @param rng the run's stream; advanced by {@link #size()} longs
     * @param out receives the draws, {@code out[offset + k]}; modified
     * @param offset where input 0 goes in {@code out}
     */
    public void sample(UniformRandomProvider rng, double[] out, int offset) {
        for (int k = 0; k < samplers.length; k++) {
            out[offset + k] = samplers[k].sample(rng);
        }
    }

    /**
     * Every input at the same probability: {@code quantile(p)} of each.
     *
     * @param p probability in (0, 1)
     * @return one value per input
     */
    public double[] quantiles(double p) {
        double[] out = new double[samplers.length];
        for (int k = 0; k < samplers.length; k++) {
            out[k] = samplers[k].quantile(p);
        }
        return out;
    }

    /**
     * The scenario with the given input values applied.
     *
     * @param values one value per input (the draws, before any shift); not modified
     * @return a new scenario
     */
    public Scenario apply(double[] values) {
        return editor.apply(values);
    }
}
