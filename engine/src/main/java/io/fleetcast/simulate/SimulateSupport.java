package io.fleetcast.simulate;

/**
 * The two steps of simulate mode that can run on vector lanes, for one chunk of consecutive slots of a
 * deployment: the random draws ({@link #draw}) and the folding of the slots' install and end instants
 * into the difference rows ({@link #fold}). {@link SweepKernels} runs them chunk by chunk and handles the
 * failures the fold lists, which stay scalar (scattered cells, variable work).
 *
 * <p>Two implementations, chosen once at start-up by {@link SimulateSupportProvider} (Lucene's
 * {@code VectorizationProvider} pattern): a scalar one and a Vector API one. What they must agree on:
 * <ul>
 *   <li>{@link #draw}: the same values bit for bit (integer hashing; the vector logarithm is a lane-wise
 *       port of {@link StrictMath#log});</li>
 *   <li>{@link #fold}: the same slots failing, the same counts, the same instants; the hour sums may differ
 *       in the last bits (the vector fold sums eight lanes apart before adding them up), within 1e-12
 *       relative, which {@code SweepKernelsTest} checks. Each implementation alone is deterministic: same
 *       seed, same bits, on any number of threads.</li>
 * </ul>
 */
public interface SimulateSupport {

    /**
     * Fills, for slots {@code firstSlot + j}, {@code j in [0, count)}, with {@code state} the slot's
     * {@link CounterStreams#slotState}, two rows of {@code out}:
     * <pre>{@code
     * out[j]          = unit(draw(state, DRAW_JITTER))                 install jitter in [0, 1)
     * out[stride + j] = exponential(draw(state, DRAW_FIRST_LIFETIME))  first up-time, mean 1
     * }</pre>
     * Later up-times are drawn only for the slots that fail ({@link #drawLifetimes}): two devices in three
     * never do.
     *
     * @param key       the deployment key ({@link CounterStreams#deploymentKey})
     * @param firstSlot slot index of {@code j = 0}
     * @param count     number of slots, in {@code [0, stride]}
     * @param out       the rows, at least {@code 2 * stride} long. Modified (the first {@code count} values of
     *                  each of the two rows).
     * @param stride    row length of {@code out}
     */
    void draw(long key, long firstSlot, int count, double[] out, int stride);

    /**
     * Folds slots {@code j in [0, count)} of a chunk whose draws are in {@code rows}: each installed slot
     * (install instant {@code t0 = s + spacing * (firstSlot + j + jitter)} before the deployment's end cap)
     * adds its install, its slot interval {@code [t0, e)} with {@code e = min(t0 + life, cap)} and its
     * facility interval to the sweep's running cells (writing a cell's sums to {@code acc} when a stream
     * leaves it). The slots whose first failure {@code f = t0 + up-time} comes
     * before {@code e} are listed for {@link SweepKernels#failureWave}, in slot order, over the front of
     * the rows (consumed by then): for the {@code m}-th,
     * <pre>{@code
     * rows[m] = f,   rows[stride + m] = e,   rows[3 * stride + m] = j
     * }</pre>
     *
     * @param sweep     the deployment's constants and running cells. Modified.
     * @param firstSlot slot index of {@code j = 0}
     * @param count     number of slots, in {@code [0, stride]}
     * @param rows      the rows of {@link #draw}, a third and a fourth row and
     *                  {@link SweepKernels#LANE_SCRATCH} doubles of scratch after them, at least
     *                  {@code 4 * stride + LANE_SCRATCH} long. Modified (the failing list replaces the draws).
     * @param stride    row length
     * @param acc       the block buffer (layout of {@link SimulateKernels}). Modified.
     * @return the number of failing slots listed
     */
    int fold(SweepState sweep, long firstSlot, int count, double[] rows, int stride, double[] acc);

    /**
     * Draws the next up-time of the slots listed for a failure wave ({@link SweepKernels#failureWave}):
     * for {@code m in [0, count)}, with {@code j = rows[3 * stride + m]} and {@code state} the slot's
     * {@link CounterStreams#slotState}, {@code rows[2 * stride + m] = exponential(draw(state, drawIndex))}.
     *
     * @param key       the deployment key
     * @param firstSlot slot index of {@code j = 0}
     * @param rows      the listed slots. Modified (third row; the vector implementation also writes garbage
     *                  past {@code count}, up to the next multiple of its lane count, which
     *                  {@code stride} must leave room for).
     * @param count     number of listed slots
     * @param stride    row length
     * @param drawIndex the draw of the slots' streams, {@link CounterStreams#DRAW_FIRST_LIFETIME} + the number
     *                  of up-times drawn so far
     */
    void drawLifetimes(long key, long firstSlot, double[] rows, int count, int stride, int drawIndex);

    /**
     * {@link #draw} then {@link #fold} for one chunk, as {@link SweepKernels} runs them: same failing list,
     * same sums. An implementation may fuse the two and leave the draw rows unwritten (the scalar one does,
     * and takes no logarithm for a device that certainly outlives its slot).
     *
     * @param sweep     the deployment's constants and running cells. Modified.
     * @param firstSlot slot index of {@code j = 0}
     * @param count     number of slots, in {@code [0, stride]}
     * @param rows      as for {@link #fold}. Modified (the failing list; the rest is scratch).
     * @param stride    row length
     * @param acc       the block buffer. Modified.
     * @return the number of failing slots listed
     */
    default int drawAndFold(SweepState sweep, long firstSlot, int count, double[] rows, int stride, double[] acc) {
        draw(sweep.key, firstSlot, count, rows, stride);
        return fold(sweep, firstSlot, count, rows, stride, acc);
    }

    /**
     * {@link #drawLifetimes(long, long, double[], int, int, int)} for a sweep's slots, as
     * {@link SweepKernels#failureWave} consumes them: an implementation may write {@code +infinity} instead of
     * an up-time that is certainly at least the slot life ({@link SweepState#survivorBound}), which ends the
     * slot's failures exactly as the up-time itself would.
     *
     * @param sweep     the deployment's sweep. Not modified.
     * @param firstSlot slot index of {@code j = 0}
     * @param rows      the listed slots. Modified (third row).
     * @param count     number of listed slots
     * @param stride    row length
     * @param drawIndex the draw of the slots' streams
     */
    default void drawLifetimes(SweepState sweep, long firstSlot, double[] rows, int count, int stride, int drawIndex) {
        drawLifetimes(sweep.key, firstSlot, rows, count, stride, drawIndex);
    }

    /**
     * The implementation's name for logs and benchmark reports.
     *
     * @return for example {@code "scalar"} or {@code "vector (512-bit, 8 lanes)"}
     */
    String name();
}
