package io.fleetcast.bench.report;

import io.fleetcast.bench.DomainUnit;
import io.fleetcast.bench.PerformanceTarget;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The domain unit and promised target of a benchmark method, read from its {@link DomainUnit} and
 * {@link PerformanceTarget} annotations. The report runs from the benchmarks jar, so the classes
 * are on its class path; a result from a method that no longer exists (an old baseline) simply has
 * neither.
 *
 * @param unit the domain unit (plural), or "ops" when the method declares none
 * @param counter the {@code @AuxCounters} metric that counts the units, or empty when the primary
 *     score is in units
 * @param target the method's target, or null
 */
public record DomainInfo(String unit, String counter, PerformanceTarget target) {

    private static final DomainInfo NONE = new DomainInfo("ops", "", null);

    /**
     * Looks the annotations up.
     *
     * @param benchmark fully qualified method name as JMH reports it
     * @return the unit and target; {@code ops} and no target when the method is not found
     */
    public static DomainInfo of(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        if (dot < 0) {
            return NONE;
        }
        Class<?> type;
        try {
            type = Class.forName(benchmark.substring(0, dot), false, DomainInfo.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
        String name = benchmark.substring(dot + 1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                DomainUnit unit = method.getAnnotation(DomainUnit.class);
                return new DomainInfo(unit == null ? "ops" : unit.value(), unit == null ? "" : unit.counter(),
                        method.getAnnotation(PerformanceTarget.class));
            }
        }
        return NONE;
    }

    /**
     * The result's rate in domain units per second: the counter's rate when the method names one and
     * the result carries it, else the primary score's rate.
     *
     * @param result the result; not modified
     * @return units per second, NaN when the unit cannot be read
     */
    public double rate(JmhResult result) {
        if (!counter.isEmpty()) {
            JmhResult.Metric metric = result.secondary().get(counter);
            if (metric != null) {
                // Aux counters of type OPERATIONS are throughputs whatever the benchmark mode.
                return Rates.perSecond("thrpt", metric.score(), metric.unit());
            }
        }
        return Rates.perSecond(result);
    }

    /**
     * The half-width of the rate's 99.9 % confidence interval, in units per second: the counter's
     * error, or the primary error scaled like the score (for time-per-operation modes, the relative
     * error carried over, a first-order approximation).
     *
     * @param result the result; not modified
     * @return the error, NaN when JMH gave none
     */
    public double rateError(JmhResult result) {
        if (!counter.isEmpty()) {
            JmhResult.Metric metric = result.secondary().get(counter);
            if (metric != null) {
                return Rates.perSecond("thrpt", metric.error(), metric.unit());
            }
        }
        JmhResult.Metric primary = result.primary();
        return rate(result) * Math.abs(primary.error() / primary.score());
    }

    /**
     * Bytes allocated per domain unit, from the GC profiler's {@code gc.alloc.rate.norm} (bytes per
     * JMH operation) scaled by operations per unit.
     *
     * @param result the result; not modified
     * @return bytes per unit, or NaN without the GC profiler
     */
    public double bytesPerUnit(JmhResult result) {
        JmhResult.Metric norm = result.secondary().get("gc.alloc.rate.norm");
        if (norm == null) {
            return Double.NaN;
        }
        // operations per second / units per second = operations per unit (1 with @OperationsPerInvocation)
        double opsPerUnit = Rates.perSecond(result) / rate(result);
        return norm.score() * opsPerUnit;
    }

    /**
     * The unit in the singular, for "bytes per device".
     *
     * @return the unit without a trailing "s"
     */
    public String singular() {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    /**
     * Whether the target applies to a result with these parameters.
     *
     * @param targetParams the target's filter, {@code name=value} pairs joined by commas; empty
     *     matches everything
     * @param params the result's parameters
     * @return true when every pair of the filter is among the parameters
     */
    public static boolean matches(String targetParams, Map<String, String> params) {
        if (targetParams.isBlank()) {
            return true;
        }
        for (String pair : targetParams.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String value = params.get(pair.substring(0, eq).trim());
            if (value == null || !value.equals(pair.substring(eq + 1).trim())) {
                return false;
            }
        }
        return true;
    }
}
