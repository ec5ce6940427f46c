package io.fleetcast.write;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Facts about the run that produced a set of files, written into their provenance: which fleetcast
 * made them, on which JDK, when. Tests pass fixed values so golden files do not change with the clock.
 *
 * @param fleetcastVersion the engine version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param jdk              the Java runtime, e.g. {@code 25+36-LTS (Eclipse Adoptium)}
 * @param time             when the results were written (UTC)
 */
public record RunInfo(String fleetcastVersion, String jdk, Instant time) {

    /** Checks the parts are present. */
    public RunInfo {
        Objects.requireNonNull(fleetcastVersion, "fleetcastVersion");
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(time, "time");
    }

    /**
     * The facts of this JVM now.
     *
     * @param clock the clock to read (the system UTC clock in production)
     * @return version from the jar manifest ({@code dev} when run from classes), JDK, the time to the second
     */
    public static RunInfo current(Clock clock) {
        String version = RunInfo.class.getPackage().getImplementationVersion();
        String jdk = Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
        return new RunInfo(version == null ? "dev" : version, jdk, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }
}
