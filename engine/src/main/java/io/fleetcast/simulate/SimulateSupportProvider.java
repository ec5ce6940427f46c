package io.fleetcast.simulate;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the {@link SimulateSupport} implementation once, at start-up (Lucene's
 * {@code VectorizationProvider} pattern): the Vector API one when the {@code jdk.incubator.vector}
 * module is present, the CPU has vectors of at least 256 bits and the JIT compiles, else the scalar
 * twin, with one log line saying why. Both sample the same lifecycles (see {@link SimulateSupport} for
 * what they agree on), so the choice changes speed, not results.
 *
 * <p>System property {@value #PROPERTY}: {@code auto} (default), {@code scalar} (force the scalar twin,
 * for comparisons) or {@code vector} (fail at start-up when the vector implementation is unavailable).
 *
 * <p>Why vector by default: 134 +- 6 M devices/s against 41.1 +- 1.8 M for the scalar twin
 * ({@code SimulateBenchmark.fleetStateVector} / {@code fleetStateScalar}, 10 million devices, 2-core AMD EPYC
 * with AVX-512, JDK 25); see {@link SweepKernels} for the breakdown.
 */
public final class SimulateSupportProvider {

    /** The system property that overrides the automatic choice. */
    public static final String PROPERTY = "fleetcast.simd";

    private static final System.Logger LOG = System.getLogger(SimulateSupportProvider.class.getName());
    private static final String VECTOR_CLASS = "io.fleetcast.simulate.VectorSimulateSupport";
    /**
     * Narrower vectors (2 doubles, e.g. NEON) were not measured (the benchmark machine has AVX-512); until
     * they are, they get the scalar twin, which is never slower than the kernel it replaced.
     */
    private static final int MIN_VECTOR_BITS = 256;

    private static final Optional<SimulateSupport> VECTOR = loadVector();
    private static final SimulateSupport DEFAULT = choose(System.getProperty(PROPERTY, "auto"));

    private SimulateSupportProvider() {
    }

    /**
     * The implementation the engine uses.
     *
     * @return the chosen implementation
     */
    public static SimulateSupport get() {
        return DEFAULT;
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
        return VECTOR;
    }

    private static SimulateSupport choose(String setting) {
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "scalar":
                LOG.log(System.Logger.Level.DEBUG, "simulate support: scalar (" + PROPERTY + "=scalar)");
                return ScalarSimulateSupport.INSTANCE;
            case "vector":
                return VECTOR.orElseThrow(() -> new IllegalStateException(PROPERTY
                        + "=vector, but the Vector API implementation is unavailable (see the log above); run with "
                        + "--add-modules jdk.incubator.vector on a CPU with 256-bit vectors or wider"));
            case "auto":
                SimulateSupport chosen = VECTOR.isPresent() ? VECTOR.get() : ScalarSimulateSupport.INSTANCE;
                LOG.log(System.Logger.Level.DEBUG, "simulate support: " + chosen.name());
                return chosen;
            default:
                throw new IllegalStateException(PROPERTY + "=" + setting + ": expected auto, scalar or vector");
        }
    }

    private static Optional<SimulateSupport> loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "simulate support: scalar; the Vector API module is not loaded. "
                    + "Run with --add-modules jdk.incubator.vector for a faster simulate mode (same draws).");
            return Optional.empty();
        }
        String vmInfo = System.getProperty("java.vm.info", "");
        if (vmInfo.contains("interpreted mode")) {
            LOG.log(System.Logger.Level.INFO, "simulate support: scalar; the JVM runs interpreted, where the Vector API is slow");
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(VECTOR_CLASS);
            int bits = (int) type.getDeclaredMethod("lanes").invoke(null) * Double.SIZE;
            if (bits < MIN_VECTOR_BITS) {
                LOG.log(System.Logger.Level.INFO, "simulate support: scalar; the CPU's vectors are " + bits
                        + " bits, below the " + MIN_VECTOR_BITS + " the vector support was measured at");
                return Optional.empty();
            }
            return Optional.of((SimulateSupport) type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            LOG.log(System.Logger.Level.WARNING, "simulate support: scalar; the Vector API implementation failed to load: " + cause);
            return Optional.empty();
        }
    }
}
