package io.fleetcast.bench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one JMH operation of a benchmark method is, in the domain's words ("devices", "runs",
 * "projections"), so the report can say "112 M devices/s" instead of "ops/s".
 *
 * <p>Either the benchmark makes one JMH operation equal one such unit with
 * {@code @OperationsPerInvocation}, or, when the units per invocation depend on a {@code @Param}
 * (which {@code @OperationsPerInvocation} cannot read), it counts them in an
 * {@code @AuxCounters(OPERATIONS)} field and names that field in {@link #counter()}. The report tool
 * reads this annotation by reflection from the same jar; it is retained at run time for that reason.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DomainUnit {

    /**
     * The unit, plural, as it reads after a number and before "/s" (for example {@code "devices"}).
     *
     * @return the unit of one JMH operation
     */
    String value();

    /**
     * The {@code @AuxCounters} field that counts the units, or empty when the primary score already
     * is in units ({@code @OperationsPerInvocation}).
     *
     * @return the counter's name as JMH reports it among the secondary metrics
     */
    String counter() default "";
}
