package io.fleetcast.bench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A speed target the project has promised (an issue's number), attached to the benchmark method
 * that measures it, so the report shows measured figure and target side by side.
 *
 * <p>Targets are rates in the method's {@link DomainUnit} per second, whatever the JMH mode: "at
 * most 20 ms per projection" is written {@code minPerSecond = 50}. The report never fails a build
 * on a missed target (only a collapse against the baseline fails it); it states where the project
 * stands.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PerformanceTarget {

    /**
     * The lowest acceptable rate, in domain units per second.
     *
     * @return the minimum rate
     */
    double minPerSecond();

    /**
     * The JMH parameters the target applies to, as {@code name=value} pairs joined by commas; empty
     * means every parameter combination.
     *
     * @return the parameter filter
     */
    String params() default "";

    /**
     * The target in the words of the issue that set it (for example "10M devices x 120 months at
     * 100 M devices/s or more, -Xmx256m (issue 3)").
     *
     * @return a human-readable statement of the target
     */
    String description();
}
