package io.fleetcast.analyse;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Consideration;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Site;
import io.fleetcast.model.Size;
import io.fleetcast.model.SizeKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of input paths resolved once against a scenario, so that setting their values is cheap: each
 * path becomes (owner, record slot, field, mode) and {@link #apply(double[])} copies only the records
 * the paths touch and builds a new {@link Scenario} around them.
 *
 * <p>Value semantics (values in the field's base unit):
 * <ul>
 * <li>{@link Mode#SET}: the value replaces the field ({@code pue}: the mean of the 12 monthly values,
 *     reached by scaling every month's overhead {@code pue - 1} by one factor; {@code size}: the size
 *     value, its kind kept; {@code count}, {@code it-power}, {@code facility-power}, {@code budget}:
 *     the size becomes that kind with that value);</li>
 * <li>{@link Mode#SHIFT}: the value is added to the field's nominal value (a distribution with
 *     {@code shift: true});</li>
 * <li>{@code start} is always a delay in hours added to the deployment's nominal start, whichever the
 *     mode: a date cannot be written as a number of base units.</li>
 * </ul>
 * Instances are immutable and may be shared by threads.
 */
public final class ScenarioEditor {

    /** How a value acts on its field. */
    public enum Mode {
        /** The value replaces the field. */
        SET,
        /** The value is added to the field's nominal value. */
        SHIFT
    }

    private final Scenario base;
    private final InputPath[] paths;
    private final Mode[] modes;
    /** Per path: index into {@link #accelerators}, {@link #sites} or {@link #deployments}. */
    private final int[] slot;
    private final Accelerator[] accelerators;
    private final Site[] sites;
    /** Touched deployments; {@link #deploymentIndex} gives their place in the scenario's list. */
    private final Deployment[] deployments;
    private final int[] deploymentIndex;
    /** Per path of a consideration entry: its index in the scenario's list (-1 for other paths). */
    private final int[] considerationIndex;
    private final double[] nominal;

    private ScenarioEditor(Scenario base, InputPath[] paths, Mode[] modes) {
        this.base = base;
        this.paths = paths;
        this.modes = modes;
        this.slot = new int[paths.length];
        this.considerationIndex = new int[paths.length];
        java.util.Arrays.fill(considerationIndex, -1);
        List<Accelerator> acc = new ArrayList<>();
        List<Site> st = new ArrayList<>();
        List<Deployment> dep = new ArrayList<>();
        List<Integer> depIndex = new ArrayList<>();
        Map<String, Integer> accSlot = new HashMap<>();
        Map<String, Integer> siteSlot = new HashMap<>();
        Map<String, Integer> depSlot = new HashMap<>();
        for (int k = 0; k < paths.length; k++) {
            InputPath p = paths[k];
            switch (p.owner()) {
                case ACCELERATOR -> {
                    Integer s = accSlot.get(p.id());
                    if (s == null) {
                        s = acc.size();
                        acc.add(base.accelerators().get(p.id()));
                        accSlot.put(p.id(), s);
                    }
                    slot[k] = s;
                }
                case SITE -> {
                    Integer s = siteSlot.get(p.id());
                    if (s == null) {
                        s = st.size();
                        st.add(base.sites().get(p.id()));
                        siteSlot.put(p.id(), s);
                    }
                    slot[k] = s;
                }
                case DEPLOYMENT -> {
                    Integer s = depSlot.get(p.id());
                    if (s == null) {
                        s = dep.size();
                        int index = indexOfDeployment(base, p.id());
                        dep.add(base.deployments().get(index));
                        depIndex.add(index);
                        depSlot.put(p.id(), s);
                    }
                    slot[k] = s;
                }
                case CONSIDERATION -> considerationIndex[k] = indexOfConsideration(base, p.id());
            }
        }
        this.accelerators = acc.toArray(new Accelerator[0]);
        this.sites = st.toArray(new Site[0]);
        this.deployments = dep.toArray(new Deployment[0]);
        this.deploymentIndex = new int[depIndex.size()];
        for (int i = 0; i < deploymentIndex.length; i++) {
            deploymentIndex[i] = depIndex.get(i);
        }
        this.nominal = new double[paths.length];
        for (int k = 0; k < paths.length; k++) {
            nominal[k] = readNominal(k);
        }
    }

    /**
     * Resolves paths against a scenario.
     *
     * @param base  the scenario the values are applied to; not modified
     * @param paths the paths, each naming an existing record (see {@link InputPath#parse}); no path twice
     * @param modes how each path's value acts, one per path
     * @return the editor
     * @throws IllegalArgumentException when a path appears twice, the number of modes differs from the number of
     *                                  paths, or a deployment or consideration entry named by a path is not in the
     *                                  scenario
     */
    public static ScenarioEditor compile(Scenario base, List<InputPath> paths, List<Mode> modes) {
        Objects.requireNonNull(base, "base");
        if (paths.size() != modes.size()) {
            throw new IllegalArgumentException(paths.size() + " paths but " + modes.size() + " modes");
        }
        HashSet<String> seen = new HashSet<>();
        for (int k = 0; k < paths.size(); k++) {
            InputPath p = paths.get(k);
            String key = p.owner().segment() + "." + p.id() + "." + p.field().yamlName();
            if (!seen.add(key)) {
                throw new IllegalArgumentException("input path '" + p.text() + "' is given twice");
            }
        }
        return new ScenarioEditor(base, paths.toArray(new InputPath[0]), modes.toArray(new Mode[0]));
    }

    private static int indexOfConsideration(Scenario s, String id) {
        for (int i = 0; i < s.consideration().size(); i++) {
            if (s.consideration().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no consideration entry '" + id + "' in scenario " + s.name());
    }

    private static int indexOfDeployment(Scenario s, String id) {
        List<Deployment> list = s.deployments();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no deployment '" + id + "' in scenario " + s.name());
    }

    /** {@return the scenario values are applied to} */
    public Scenario base() {
        return base;
    }

    /** {@return the number of paths} */
    public int size() {
        return paths.length;
    }

    /**
     * The path of input {@code k}.
     *
     * @param k input index, in the order of the paths given
     * @return the path
     */
    public InputPath path(int k) {
        return paths[k];
    }

    /**
     * How input {@code k}'s value acts on the field.
     *
     * @param k input index
     * @return the mode
     */
    public Mode mode(int k) {
        return modes[k];
    }

    /**
     * The base scenario's value of path {@code k} in base units: the mean monthly PUE for {@code pue},
     * 0 for {@code start} (no delay); NaN when the field has no value in the base scenario (a
     * {@code count} of a deployment sized by power, an absent term or average power).
     *
     * @param k path index
     * @return the nominal value
     */
    public double nominal(int k) {
        return nominal[k];
    }

    /**
     * The value path {@code k}'s field takes when {@code value} is applied: the value itself, or the
     * nominal plus the value for {@link Mode#SHIFT} (and for {@code start}, the delay itself).
     *
     * @param k     path index
     * @param value the value applied
     * @return the field's resulting value, base units
     */
    public double resulting(int k, double value) {
        if (paths[k].field() == InputField.START) {
            return value;
        }
        return modes[k] == Mode.SHIFT ? nominal[k] + value : value;
    }

    /**
     * Checks a value for path {@code k} against the field's range (and, for {@code start}, the horizon).
     *
     * @param k     path index
     * @param value the value to apply
     * @return null when the value may be applied, else what is wrong with it
     */
    public String check(int k, double value) {
        InputPath p = paths[k];
        double v = resulting(k, value);
        if (p.field() == InputField.START) {
            if (!Double.isFinite(v)) {
                return p.text() + ": delay " + value + " h is not finite";
            }
            LocalDateTime s = shifted(deployments[slot[k]].start(), v);
            if (s.isBefore(base.start()) || !s.isBefore(base.end())) {
                return p.text() + ": a delay of " + value + " h moves the start to " + s + ", outside the horizon ["
                        + base.start() + ", " + base.end() + ")";
            }
            return null;
        }
        if (modes[k] == Mode.SHIFT && Double.isNaN(nominal[k])) {
            return p.text() + ": shift needs a nominal value, but the scenario gives none";
        }
        if (!p.field().allows(v)) {
            return p.text() + ": value " + v + " is outside " + p.field().rangeText();
        }
        return null;
    }

    /**
     * A new scenario with the values applied; the base scenario is not modified. This does not call
     * {@link #check}: callers check their values first, as goal seek and the uncertain inputs do.
     *
     * @param values one value per path, in base units; not modified
     * @return the edited scenario (the base scenario itself when there are no paths)
     * @throws IllegalArgumentException when {@code values} does not hold one value per path
     */
    public Scenario apply(double[] values) {
        if (values.length != paths.length) {
            throw new IllegalArgumentException(paths.length + " values expected, got " + values.length);
        }
        if (paths.length == 0) {
            return base;
        }
        Accelerator[] acc = accelerators.clone();
        Site[] st = sites.clone();
        Deployment[] dep = deployments.clone();
        List<Consideration> cons = base.consideration();
        for (int k = 0; k < paths.length; k++) {
            InputField f = paths[k].field();
            double v = resulting(k, values[k]);
            switch (f.owner()) {
                case ACCELERATOR -> acc[slot[k]] = withAccelerator(acc[slot[k]], f, v);
                case SITE -> st[slot[k]] = withSite(st[slot[k]], f, v);
                case DEPLOYMENT -> dep[slot[k]] = withDeployment(dep[slot[k]], f, v);
                case CONSIDERATION -> {
                    if (cons == base.consideration()) {
                        cons = new ArrayList<>(cons);
                    }
                    cons.set(considerationIndex[k], withConsideration(cons.get(considerationIndex[k]), f, v));
                }
            }
        }
        Map<String, Accelerator> accMap = base.accelerators();
        if (acc.length > 0) {
            accMap = new HashMap<>(accMap);
            for (int i = 0; i < acc.length; i++) {
                accMap.put(acc[i].id(), acc[i]);
            }
        }
        Map<String, Site> siteMap = base.sites();
        if (st.length > 0) {
            siteMap = new HashMap<>(siteMap);
            for (int i = 0; i < st.length; i++) {
                siteMap.put(st[i].id(), st[i]);
            }
        }
        List<Deployment> depList = base.deployments();
        if (dep.length > 0) {
            depList = new ArrayList<>(depList);
            for (int i = 0; i < dep.length; i++) {
                depList.set(deploymentIndex[i], dep[i]);
            }
        }
        return new Scenario(base.name(), base.description(), base.start(), base.end(), base.step(),
                base.discountRatePerYear(), base.costOfCapitalPerYear(), depList, accMap, siteMap, base.uncertainty(), base.monteCarlo(),
                cons, base.powerCaps(), base.origin());
    }

    private static Consideration withConsideration(Consideration c, InputField f, double v) {
        if (f == InputField.CONSIDERATION_CASH) {
            return new Consideration(c.id(), c.deployment(), c.milestoneKind(), c.milestone(), v, c.shares(), c.sharePriceUsd(),
                    c.provenance());
        }
        if (f == InputField.CONSIDERATION_SHARES) {
            return new Consideration(c.id(), c.deployment(), c.milestoneKind(), c.milestone(), c.cashUsd(), v, c.sharePriceUsd(),
                    c.provenance());
        }
        return new Consideration(c.id(), c.deployment(), c.milestoneKind(), c.milestone(), c.cashUsd(), c.shares(), v,
                c.provenance());
    }

    private double readNominal(int k) {
        InputField f = paths[k].field();
        return switch (f.owner()) {
            case ACCELERATOR -> readAccelerator(accelerators[slot[k]], f);
            case SITE -> readSite(sites[slot[k]], f);
            case DEPLOYMENT -> readDeployment(deployments[slot[k]], f);
            case CONSIDERATION -> {
                Consideration c = base.consideration().get(considerationIndex[k]);
                yield f == InputField.CONSIDERATION_CASH ? c.cashUsd()
                        : f == InputField.CONSIDERATION_SHARES ? c.shares() : c.sharePriceUsd();
            }
        };
    }

    private static double readAccelerator(Accelerator a, InputField f) {
        return a.get(f.modelField());
    }

    private static double readSite(Site s, InputField f) {
        return f == InputField.PUE ? meanPue(s.monthlyPue()) : s.get(f.modelField());
    }

    private static double readDeployment(Deployment d, InputField f) {
        if (f.modelField() != null) {
            return d.get(f.modelField());
        }
        if (f == InputField.SIZE) {
            return d.size().value();
        }
        if (f == InputField.START) {
            return 0.0;
        }
        return d.size().kind() == sizeKind(f) ? d.size().value() : Double.NaN;
    }

    /** The size kind a size field stands for. */
    private static SizeKind sizeKind(InputField f) {
        if (f == InputField.COUNT) {
            return SizeKind.COUNT;
        }
        if (f == InputField.IT_POWER) {
            return SizeKind.IT_POWER;
        }
        if (f == InputField.FACILITY_POWER) {
            return SizeKind.FACILITY_POWER;
        }
        if (f == InputField.BUDGET) {
            return SizeKind.BUDGET;
        }
        throw new IllegalArgumentException(f + " is not a size field");
    }

    private static double meanPue(double[] monthly) {
        double sum = 0;
        for (int m = 0; m < monthly.length; m++) {
            sum += monthly[m];
        }
        return sum / monthly.length;
    }

    /**
     * The 12 monthly PUE values whose mean is {@code mean}: every month's overhead {@code pue - 1} is
     * scaled by {@code (mean - 1) / (oldMean - 1)}, which keeps the seasonal shape and keeps every month
     * at 1 or more; a flat PUE of exactly 1 has no overhead to scale and becomes flat {@code mean}.
     *
     * @param monthly the current values; not modified
     * @param mean    the wanted mean, at least 1
     * @return new monthly values
     */
    static double[] pueWithMean(double[] monthly, double mean) {
        double old = meanPue(monthly);
        double[] out = new double[monthly.length];
        if (old - 1 <= 0) {
            java.util.Arrays.fill(out, mean);
            return out;
        }
        double factor = (mean - 1) / (old - 1);
        for (int m = 0; m < monthly.length; m++) {
            out[m] = 1 + (monthly[m] - 1) * factor;
        }
        return out;
    }

    private static LocalDateTime shifted(LocalDateTime start, double delayHours) {
        return start.plusSeconds(Math.round(delayHours * 3600.0));
    }

    static Accelerator withAccelerator(Accelerator a, InputField f, double v) {
        return a.with(f.modelField(), v);
    }

    static Site withSite(Site s, InputField f, double v) {
        return f == InputField.PUE ? s.withMonthlyPue(pueWithMean(s.monthlyPue(), v)) : s.with(f.modelField(), v);
    }

    static Deployment withDeployment(Deployment d, InputField f, double v) {
        if (f.modelField() != null) {
            return d.with(f.modelField(), v);
        }
        if (f == InputField.START) {
            return d.withStart(shifted(d.start(), v));
        }
        if (f == InputField.SIZE) {
            return d.withSize(new Size(d.size().kind(), v));
        }
        return d.withSize(new Size(sizeKind(f), v));
    }
}
