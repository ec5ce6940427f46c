package io.fleetcast.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams for blocks of devices, derived from (seed, deployment, block) alone, so a
 * simulation draws the same numbers whatever the number of threads or the order blocks run in.
 *
 * <p>Each block gets a XoRoShiRo128++ generator (commons-rng) whose 128-bit state is two outputs of the
 * SplitMix64 finalizer applied to a hash of the three keys; SplitMix64 is the seeding function the
 * XoRoShiRo authors recommend, and it maps distinct keys to well-separated states.
 */
public final class DeviceStreams {

    /** Devices per block: each block has its own stream. */
    public static final int BLOCK_SIZE = 4096;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private DeviceStreams() {
    }

    /**
     * The stream of one block.
     *
     * @param seed       root seed of the run
     * @param deployment deployment index
     * @param block      block index within the deployment
     * @return a new generator
     */
    public static UniformRandomProvider stream(long seed, int deployment, long block) {
        long z = mix64(seed ^ 0x5DEECE66DL);
        z = mix64(z + GOLDEN * (deployment + 1L));
        z = mix64(z ^ (block * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
        long s0 = mix64(z + GOLDEN);
        long s1 = mix64(z + 2 * GOLDEN);
        if ((s0 | s1) == 0) {
            s1 = GOLDEN;
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    /** The SplitMix64 finalizer (Steele, Lea, Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
