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
 * @param target the method's target, or null
 */
public record DomainInfo(String unit, PerformanceTarget target) {

    private static final DomainInfo NONE = new DomainInfo("ops", null);

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
                return new DomainInfo(unit == null ? "ops" : unit.value(), method.getAnnotation(PerformanceTarget.class));
            }
        }
        return NONE;
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
