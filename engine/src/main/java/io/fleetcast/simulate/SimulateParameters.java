package io.fleetcast.simulate;

/**
 * The thresholds that pick a simulate kernel by the work at hand under the {@code by-size} policy of
 * {@link SimulateSupportProvider} (the launcher's: one projection per fresh JVM), with the measurements behind
 * them (EJML's {@code EjmlParameters} pattern). The choice is a function of the plan only, never of timing or
 * of how warm the JIT is, so a run's results are a function of (scenario, mode, seed): the scalar and vector
 * kernels sample the same lifecycles, but their hour sums differ in the last bits (see {@link SimulateSupport}).
 *
 * <p>Why a threshold at all: the vector kernel is 3.3x faster than the scalar twin in a warm JVM (134 vs
 * 41 M devices/s, {@code SimulateBenchmark}), but in a fresh process it first runs in the interpreter and C1,
 * where every vector is an object on the heap, and C2 must compile it and the Vector API methods it calls
 * (on a 2-core machine the JVM has one C2 thread). Until the fleet is large enough to repay that, the
 * scalar twin, which C2 compiles within tens of milliseconds, finishes first.
 */
public final class SimulateParameters {

    /**
     * Devices (slots of one run, summed over the deployments) from which {@code by-size} picks the vector
     * kernel. Measured cold, whole {@code ./fleetcast run FLEET --mode simulate} processes with the launcher's
     * flags (SerialGC, AOT cache, CompileThresholdScaling 0.01 on the vector support), 20 deployments x 120
     * months, 2-core AMD EPYC (Zen 4, AVX-512) VM shared with four builds, JDK 25.0.3, medians of interleaved
     * runs (README "Performance" and {@code benchmarks/results/cold-kernels.txt}):
     * <pre>
     * devices   scalar: wall (CPU)    vector: wall (CPU)    vector without the launcher's compile flag
     *   1 M      2.42 s (1.82 s)       5.82 s (3.42 s)       8.33 s (4.01 s)
     *  10 M      5.88 s (2.43 s)       9.93 s (5.41 s)      13.44 s (6.10 s)
     * 100 M     19.6 s  (7.59 s)      22.1 s  (7.78 s)      18.5 s  (7.22 s)
     * </pre>
     * (7 runs each at 1M and 10M, 5 at 100M; the machine's load average was 10-12, so wall times are 2-3x the
     * CPU times and only the ratios between the columns carry over to a quiet machine.) The vector kernel
     * loses 2x below 10 M devices and draws level around 100 M, where its warm speed (3.3x) starts to
     * repay its warm-up: the threshold sits there. Periods hardly move the crossover: the sweep's cost is per
     * device, and a cell change only sends a few lanes through the scalar fold.
     */
    public static final long VECTOR_MIN_DEVICES = 100_000_000L;

    private SimulateParameters() {
    }
}
