package io.fleetcast.bench.report;

import io.fleetcast.bench.DomainUnit;
import io.fleetcast.bench.PerformanceTarget;

/**
 * Stands in for benchmark classes in the report tests: the sample JMH result names these methods,
 * so {@link DomainInfo} finds their annotations exactly as it finds a real benchmark's. The bodies
 * are never run.
 */
public final class AnnotatedSample {

    /** @return nothing measured; only the annotations matter */
    @DomainUnit("devices")
    @PerformanceTarget(minPerSecond = 100e6, params = "devices=10000000", description = "100 M devices/s (issue 3)")
    public int simulate() {
        return 0;
    }

    /** @return nothing measured; only the annotations matter */
    @DomainUnit("projections")
    @PerformanceTarget(minPerSecond = 50, description = "portfolio in 20 ms or less (issue 3)")
    public int project() {
        return 0;
    }

    /** @return nothing measured; the devices are counted by an aux counter named "devices" */
    @DomainUnit(value = "devices", counter = "devices")
    public int simulateCounted() {
        return 0;
    }

    /** @return nothing measured; a method without annotations reports plain ops */
    public int unannotated() {
        return 0;
    }
}
