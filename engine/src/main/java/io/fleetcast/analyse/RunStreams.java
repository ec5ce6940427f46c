package io.fleetcast.analyse;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random streams of Monte Carlo run {@code i}, derived from the root seed and the run index only.
 *
 * <p>A run never draws from a shared generator: its input stream and its device seed are pure
 * functions of {@code (seed, i)}, so a run gives the same numbers whichever thread runs it and
 * whatever the number of threads. The derivation reads two outputs of a SplitMix64 generator
 * positioned at the root seed: SplitMix64's state advances by a fixed constant, so its n-th output
 * can be had in O(1) by seeding it at {@code seed + n * GOLDEN} and taking one value. Output
 * {@code 2i} seeds run i's input stream (xoshiro256++, {@link RandomSource#XO_SHI_RO_256_PP}),
 * output {@code 2i + 1} is run i's device seed (what the engine's simulate mode is given), so input
 * sampling and device sampling never share a stream.
 */
public final class RunStreams {

    /** The increment of SplitMix64's state (the golden-ratio constant of Steele, Lea and Flood). */
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private RunStreams() {
    }

    /**
     * The n-th output of the SplitMix64 sequence seeded with {@code seed}.
     *
     * @param seed root seed
     * @param n    index in the sequence, from 0
     * @return a well-mixed 64-bit value
     */
    static long splitMix(long seed, long n) {
        // SplitMix64(s).next() advances the state to s + GOLDEN before mixing, so starting at
        // seed + n * GOLDEN and taking one output gives output n.
        return new SplitMix64(seed + n * GOLDEN).nextLong();
    }

    /**
     * The seed of run {@code run}'s input stream.
     *
     * @param seed root seed
     * @param run  run index, from 0
     * @return the stream seed
     */
    public static long inputSeed(long seed, int run) {
        return splitMix(seed, 2L * run);
    }

    /**
     * The device seed of run {@code run}: what the engine's simulate mode samples device lifecycles from.
     *
     * @param seed root seed
     * @param run  run index, from 0
     * @return the device seed
     */
    public static long deviceSeed(long seed, int run) {
        return splitMix(seed, 2L * run + 1);
    }

    /**
     * A new generator for run {@code run}'s input samples.
     *
     * @param seed root seed
     * @param run  run index, from 0
     * @return a xoshiro256++ generator seeded from {@link #inputSeed}
     */
    public static UniformRandomProvider inputStream(long seed, int run) {
        return RandomSource.XO_SHI_RO_256_PP.create(inputSeed(seed, run));
    }
}
