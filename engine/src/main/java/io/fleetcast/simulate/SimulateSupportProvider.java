package io.fleetcast.simulate;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the {@link SimulateSupport} implementation for a run (Lucene's {@code VectorizationProvider}
 * pattern): whether the Vector API one is usable is decided once, when a policy or fleet size first asks for
 * it (the {@code jdk.incubator.vector} module is present, the CPU has vectors of at least 256 bits and the JIT
 * compiles; else one log line says why), and {@link #forDevices} applies the policy of system property
 * {@value #PROPERTY} to the run's fleet size. Both implementations sample the same lifecycles (see
 * {@link SimulateSupport} for what they agree on); every policy depends on the plan and the settings only,
 * never on timing or on how warm the JIT is, so a run's results are a function of its input.
 *
 * <p>{@value #PROPERTY}:
 * <ul>
 *   <li>{@code auto} (the library's default): the vector one wherever it is available. A JVM that projects
 *       more than once (an application, a service, a benchmark) has it compiled after the first run, and it
 *       is 3.3x faster than the scalar twin there (134 +- 6 against 41.1 +- 1.8 M devices/s,
 *       {@code SimulateBenchmark.fleetStateVector} / {@code fleetStateScalar}, 10 million devices, 2-core AMD
 *       EPYC with AVX-512, JDK 25; {@link SweepKernels} has the breakdown).</li>
 *   <li>{@code by-size} (set by the {@code fleetcast} launcher, where every command is a fresh JVM that
 *       projects once): the vector one from {@link SimulateParameters#VECTOR_MIN_DEVICES} devices, the scalar
 *       twin below, where it finishes first in a cold JVM ({@link SimulateParameters} has the measurements).
 *       The two policies can give different last bits for one input below the threshold, as machines with
 *       and without the vector module already do; each is deterministic.</li>
 *   <li>{@code scalar}: the scalar twin (comparisons); {@code vector}: the vector one, failing at start-up when
 *       it is unavailable.</li>
 * </ul>
 */
public final class SimulateSupportProvider {

    /** The system property that overrides the automatic choice. */
    public static final String PROPERTY = "fleetcast.simd";

    private static final String VECTOR_CLASS = "io.fleetcast.simulate.VectorSimulateSupport";
    /**
     * Narrower vectors (2 doubles, e.g. NEON) were not measured (the benchmark machine has AVX-512); until
     * they are, they get the scalar twin, which is never slower than the kernel it replaced.
     */
    private static final int MIN_VECTOR_BITS = 256;

    /** The policy's fixed implementation, or null for {@code by-size}. */
    private static final SimulateSupport FIXED = fixed(System.getProperty(PROPERTY, "auto"));

    private SimulateSupportProvider() {
    }

    /**
     * The implementation the engine uses for a run of {@code devices} slots under the policy of
     * {@value #PROPERTY} (see the class comment).
     *
     * @param devices slots the run simulates, summed over its deployments
     * @return the implementation
     */
    public static SimulateSupport forDevices(long devices) {
        if (FIXED != null) {
            return FIXED;
        }
        // Below the threshold the answer is the scalar twin whatever the vector module offers, so the Vector
        // API is not even looked at: loading and initializing VectorSimulateSupport (its species, some 100
        // jdk.incubator.vector classes) and the logging backend cost a cold 10M-device run about 50-80 ms of
        // its 0.8 s (class-load log, JDK 25, 2-core EPYC), for a kernel it would not use.
        return devices >= SimulateParameters.VECTOR_MIN_DEVICES ? bySize(devices, Lazy.VECTOR) : ScalarSimulateSupport.INSTANCE;
    }

    /**
     * The {@code by-size} policy: the vector implementation from {@link SimulateParameters#VECTOR_MIN_DEVICES}
     * devices when there is one, else the scalar twin.
     *
     * @param devices slots of the run
     * @param vector  the vector implementation, or empty
     * @return the implementation
     */
    static SimulateSupport bySize(long devices, Optional<SimulateSupport> vector) {
        return devices >= SimulateParameters.VECTOR_MIN_DEVICES && vector.isPresent()
                ? vector.get() : ScalarSimulateSupport.INSTANCE;
    }

    /**
     * The scalar twin, whatever was chosen.
     *
     * @return the scalar implementation
     */
    public static SimulateSupport scalar() {
        return ScalarSimulateSupport.INSTANCE;
    }

    /**
     * The Vector API implementation, when this JVM and CPU can run it.
     *
     * @return the vector implementation, or empty (the reason was logged at start-up)
     */
    public static Optional<SimulateSupport> vector() {
        return Lazy.VECTOR;
    }

    /**
     * What only some policies and fleet sizes need, made on first use (the class-holder idiom): the vector
     * implementation and the logger (whose first use starts the JDK's logging backend).
     */
    private static final class Lazy {
        static final System.Logger LOG = System.getLogger(SimulateSupportProvider.class.getName());
        static final Optional<SimulateSupport> VECTOR = loadVector();

        private Lazy() {
        }
    }

    private static SimulateSupport fixed(String setting) {
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "scalar":
                return ScalarSimulateSupport.INSTANCE;
            case "vector":
                return Lazy.VECTOR.orElseThrow(() -> new IllegalStateException(PROPERTY
                        + "=vector, but the Vector API implementation is unavailable (see the log above); run with "
                        + "--add-modules jdk.incubator.vector on a CPU with 256-bit vectors or wider"));
            case "auto":
                SimulateSupport chosen = Lazy.VECTOR.isPresent() ? Lazy.VECTOR.get() : ScalarSimulateSupport.INSTANCE;
                Lazy.LOG.log(System.Logger.Level.DEBUG, "simulate support: " + chosen.name());
                return chosen;
            case "by-size":
                // nothing logged or loaded here: the vector implementation is looked at only for a fleet that
                // reaches the threshold (forDevices)
                return null;
            default:
                throw new IllegalStateException(PROPERTY + "=" + setting + ": expected auto, by-size, scalar or vector");
        }
    }

    private static Optional<SimulateSupport> loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            Lazy.LOG.log(System.Logger.Level.INFO, "simulate support: scalar; the Vector API module is not loaded. "
                    + "Run with --add-modules jdk.incubator.vector for a faster simulate mode (same draws).");
            return Optional.empty();
        }
        String vmInfo = System.getProperty("java.vm.info", "");
        if (vmInfo.contains("interpreted mode")) {
            Lazy.LOG.log(System.Logger.Level.INFO, "simulate support: scalar; the JVM runs interpreted, where the Vector API is slow");
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(VECTOR_CLASS);
            int bits = (int) type.getDeclaredMethod("lanes").invoke(null) * Double.SIZE;
            if (bits < MIN_VECTOR_BITS) {
                Lazy.LOG.log(System.Logger.Level.INFO, "simulate support: scalar; the CPU's vectors are " + bits
                        + " bits, below the " + MIN_VECTOR_BITS + " the vector support was measured at");
                return Optional.empty();
            }
            return Optional.of((SimulateSupport) type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            Lazy.LOG.log(System.Logger.Level.WARNING, "simulate support: scalar; the Vector API implementation failed to load: " + cause);
            return Optional.empty();
        }
    }
}
