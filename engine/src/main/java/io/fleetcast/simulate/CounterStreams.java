package io.fleetcast.simulate;

/**
 * Counter-based random streams for device lifecycles: the {@code k}-th draw of slot {@code i} of a
 * deployment is a pure function of (seed, deployment, slot, k), so draws for many slots can be made
 * side by side in vector lanes, in any order, on any thread, and the scalar and vector samplers of
 * {@link SimulateSupport} produce the same numbers bit for bit.
 *
 * <p>Layout: {@code key = deploymentKey(seed, d)} (hashed from the seed and the deployment); slot
 * {@code i}'s state is {@code key ^ (i * SLOT_MULTIPLIER)}, distinct for distinct slots (an odd multiplier
 * is a bijection); its {@code k}-th draw is {@code mix64(state + (k + 1) * GOLDEN)}, exactly the {@code k}-th
 * output of a SplitMix64 generator whose state is the slot's (Steele, Lea and Flood 2014; SplitMix64 passes
 * BigCrush). The finalizer sees a two-dimensional Weyl lattice (slots along an odd multiplier, draws along
 * the golden gamma), as SplitMix64's own seeding does along one; the slot state is not hashed first
 * because the finalizer already mixes every input bit into every output bit, and the hash it would cost
 * is a fifth of the draws' multiplies. Draw {@link #DRAW_JITTER} places the install inside its stratum of
 * the ramp; draws {@link #DRAW_FIRST_LIFETIME} and up are the successive up-times.
 */
public final class CounterStreams {

    /** The golden-ratio increment of SplitMix64 (odd). */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Spreads slot indices before they meet the key (odd, so {@code i -> i * M} is a bijection). */
    static final long SLOT_MULTIPLIER = 0xC2B2AE3D27D4EB4FL;
    /** Draw index of the install jitter. */
    public static final int DRAW_JITTER = 0;
    /** Draw index of the first up-time; the {@code n}-th up-time is draw {@code DRAW_FIRST_LIFETIME + n}. */
    public static final int DRAW_FIRST_LIFETIME = 1;

    private CounterStreams() {
    }

    /**
     * The key of one deployment's streams in one run.
     *
     * @param seed       root seed of the run
     * @param deployment deployment index
     * @return the key
     */
    public static long deploymentKey(long seed, int deployment) {
        long z = mix64(seed ^ 0x5DEECE66DL);
        return mix64(z + GOLDEN * (deployment + 1L));
    }

    /**
     * The SplitMix64 state of a slot's stream.
     *
     * @param key  the deployment key
     * @param slot slot index within the deployment
     * @return the state
     */
    public static long slotState(long key, long slot) {
        return key ^ (slot * SLOT_MULTIPLIER);
    }

    /**
     * The {@code k}-th 64-bit draw of a slot's stream.
     *
     * @param state the slot's state
     * @param k     draw index, from 0
     * @return 64 random bits
     */
    public static long draw(long state, int k) {
        return mix64(state + (k + 1L) * GOLDEN);
    }

    /**
     * A uniform double in [0, 1): the top 53 bits, exactly.
     *
     * @param bits 64 random bits
     * @return the uniform
     */
    public static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /**
     * A standard exponential draw (mean 1) by inversion: {@code -log(u)} with {@code u} in (0, 1]
     * built from the top 53 bits, so the draw is finite (at most 53 ln 2 = 36.7). {@link StrictMath#log}
     * (fdlibm), because {@code DeviceDrawsVector} reproduces it bit for bit in vector lanes and
     * {@link Math#log} may differ from it by an ulp on some platforms.
     *
     * @param bits 64 random bits
     * @return the exponential draw, at least 0
     */
    public static double exponential(long bits) {
        return -StrictMath.log(openUnit(bits));
    }

    /**
     * The uniform in (0, 1] that {@link #exponential} takes the logarithm of: {@code exponential(bits) ==
     * -StrictMath.log(openUnit(bits))}, bit for bit. A larger value gives a smaller (or equal) exponential, so
     * a comparison with a bound decides which side of a lifetime the draw falls on without the logarithm
     * ({@link SweepState#survivorBound}).
     *
     * @param bits 64 random bits
     * @return {@code ((bits >>> 11) + 1) / 2^53}
     */
    public static double openUnit(long bits) {
        return ((bits >>> 11) + 1) * 0x1.0p-53;
    }

    /**
     * The SplitMix64 finalizer (Stafford's variant 13): a bijection of 64-bit values with full
     * avalanche.
     *
     * @param z input
     * @return mixed bits
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
