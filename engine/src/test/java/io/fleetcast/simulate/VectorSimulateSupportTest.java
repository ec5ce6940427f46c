package io.fleetcast.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector draws equal the scalar twin's bit for bit (after Lucene's TestVectorUtilSupport): awkward
 * counts (1, 13, 207, 4098: below one vector, a vector and a tail, odd, past a block) and a logarithm
 * checked against {@link StrictMath#log} on the values where fdlibm branches. The fold's parity is in
 * {@code SweepKernelsTest}.
 */
class VectorSimulateSupportTest {

    private SimulateSupport vector;

    @BeforeEach
    void vectorAvailable() {
        // The build runs tests with --add-modules jdk.incubator.vector; a JVM without it has nothing to compare.
        assumeTrue(SimulateSupportProvider.vector().isPresent(), "Vector API implementation not available here");
        vector = SimulateSupportProvider.vector().get();
    }

    @Test
    void draw_awkwardCounts_sameBitsAsScalar() {
        long key = CounterStreams.deploymentKey(2026, 5);
        for (int count : new int[] {1, 13, 207, 4098}) {
            for (long firstSlot : new long[] {0, 3, 1_000_000_007L}) {
                int stride = count + 5;
                double[] expected = new double[3 * stride];
                double[] actual = new double[3 * stride];
                Arrays.fill(expected, -1);
                Arrays.fill(actual, -1);
                SimulateSupportProvider.scalar().draw(key, firstSlot, count, expected, stride);
                vector.draw(key, firstSlot, count, actual, stride);
                // jitter and first up-times for every slot, the same bits; nothing else written
                assertArrayEquals(expected, actual, "count " + count + ", first slot " + firstSlot);
            }
        }
    }

    @Test
    void drawLifetimes_awkwardListLengths_sameBitsAsScalar() {
        // a failure wave's list: every third slot of a chunk, the draw of a fourth up-time
        long key = CounterStreams.deploymentKey(77, 2);
        int stride = SweepKernels.CHUNK;
        for (int count : new int[] {1, 13, 170}) {
            double[] expected = new double[4 * stride];
            double[] actual = new double[4 * stride];
            for (int m = 0; m < count; m++) {
                expected[3 * stride + m] = 3 * m;
                actual[3 * stride + m] = 3 * m;
            }
            int draw = CounterStreams.DRAW_FIRST_LIFETIME + 3;
            SimulateSupportProvider.scalar().drawLifetimes(key, 4096, expected, count, stride, draw);
            vector.drawLifetimes(key, 4096, actual, count, stride, draw);
            for (int m = 0; m < count; m++) {
                assertEquals(Double.doubleToRawLongBits(expected[2 * stride + m]), Double.doubleToRawLongBits(actual[2 * stride + m]),
                        "count " + count + ", entry " + m);
            }
            // and they are the slots' streams: the last entry is slot 4096 + 3 (count - 1)
            long last = 4096 + 3L * (count - 1);
            assertEquals(CounterStreams.exponential(CounterStreams.draw(CounterStreams.slotState(key, last), draw)),
                    expected[2 * stride + count - 1], 0.0);
        }
    }

    @Test
    void negLog_fdlibmBranchPoints_sameBitsAsStrictMath() {
        double[] xs = {
            1.0, Math.nextDown(1.0), 0.5, Math.nextUp(0.5), 0.25, 0x1.0p-53, 0x1.0p-52, 0x1.0p-30,
            1.0 - 0x1.0p-21, 1.0 - 0x1.0p-20, 1.0 - 0x1.0p-19, 0.5 * (1.0 + 0x1.0p-21), 0.5 + 0x1.0p-30,
            // around sqrt(2)/2 = 0.7071..., where fdlibm switches between x and x/2 (hx + 0x95f64)
            0.7071067811865475, 0.7071067811865476, Math.nextDown(0.7071067811865475), 0.35355339059327373,
            // around the i = hx - 0x6147a, j = 0x6b851 - hx thresholds of the polynomial's two forms
            Double.longBitsToDouble(0x3FE6147AL << 32), Double.longBitsToDouble((0x3FE6147AL << 32) - 1),
            Double.longBitsToDouble(0x3FE6B851L << 32), Double.longBitsToDouble((0x3FE6B851L << 32) + 1),
            Double.longBitsToDouble(0x3FF6147AL << 32), Double.longBitsToDouble(0x3FF6B851L << 32),
            0.1, 0.2, 0.3, 0.6, 0.9, 0.99, 0.999999, 1e-10, 3e-16,
        };
        assertNegLogMatches(xs);
    }

    @Test
    void negLog_millionDrawArguments_sameBitsAsStrictMath() {
        int n = 1 << 20;
        double[] xs = new double[n];
        long key = CounterStreams.deploymentKey(1, 1);
        for (int i = 0; i < n; i++) {
            xs[i] = ((CounterStreams.draw(CounterStreams.slotState(key, i), 1) >>> 11) + 1) * 0x1.0p-53;
        }
        assertNegLogMatches(xs);
    }

    private static void assertNegLogMatches(double[] xs) {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        double[] out = Arrays.copyOf(xs, (xs.length + lanes - 1) / lanes * lanes);
        Arrays.fill(out, xs.length, out.length, 1.0);
        VectorSimulateSupport.negLogInPlace(out, 0, out.length);
        for (int i = 0; i < xs.length; i++) {
            double expected = -StrictMath.log(xs[i]);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[i]),
                    "x = " + xs[i] + " (" + Long.toHexString(Double.doubleToRawLongBits(xs[i])) + "): expected "
                            + expected + ", got " + out[i]);
        }
    }
}
