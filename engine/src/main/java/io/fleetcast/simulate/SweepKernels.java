package io.fleetcast.simulate;

import io.fleetcast.plan.FleetPlan;

/**
 * Samples device lifecycles and folds them into the difference arrays of {@link SimulateKernels} (same
 * rows, same buffer layout {@code acc[row * (cells + 1) + cell]}, same process), chunk by chunk of
 * {@link #CHUNK} slots, in three steps:
 * <ol>
 *   <li>draw: every slot's install jitter and first up-time, in bulk, from counter-based streams
 *       ({@link CounterStreams});</li>
 *   <li>fold: installs are stratified, so install instants, slot ends ({@code min(t0 + life, cap)}) and
 *       facility ends rise with the slot index; each of these three endpoint streams keeps a running cell
 *       ({@link SweepState}), and the endpoints inside one cell are summed and written once when the stream
 *       leaves it, instead of a scatter-add per device;</li>
 *   <li>failures: the slots whose first up-time ends before the slot does (about a third of the devices
 *       at AFR 5-10 % over 6 years) go through waves, first failures, then second ones..., each failure
 *       scattered into its cell ({@link #failureWave}).</li>
 * </ol>
 * Steps 1 and 2 and the draws of the waves run on vector lanes where the CPU allows
 * ({@link SimulateSupport}, chosen by {@link SimulateSupportProvider}); the scatters are scalar. The scalar
 * support fuses steps 1 and 2 ({@link SimulateSupport#drawAndFold}) and takes the logarithm of an up-time only
 * where it can end before the slot does ({@link SweepState#survivorBound}): same failures, same bits.
 *
 * <p>An interval {@code [a, b)} is stored by its endpoints (see {@link SweepState}), so only the split
 * between the full and partial rows differs from {@link SimulateKernels#addInterval}; the prefix sum gives
 * the same hours.
 *
 * <p>Measured with JMH ({@code SimulateBenchmark}, 10 million devices x 120 months, AFR 5 and 10 %, both
 * cores of a 2-core AMD EPYC (Zen 4, AVX-512) VM, JDK 25, -Xmx256m, a quiet machine): the per-device
 * kernel this replaces (a per-device XoRoShiRo128++ kernel, since removed: XoRoShiRo128++ and a ziggurat sampler,
 * four scatter-adds per interval) 43.3 +- 2.5 M devices/s; this sweep with the scalar support
 * 41.1 +- 1.8 M; with the vector support 134 +- 6 M (end to end through {@code Fleetcast.project}:
 * 45.5 -> 143 M devices/s). One thread spends about 11-12 ns per device on this fleet with the vector
 * support, against 41-43 ns for the replaced kernel (a timing loop, not JMH).
 * Memory: the caller's scratch of {@link #SCRATCH_DOUBLES} doubles and the block buffer; nothing is
 * allocated per device (0.017 B/device, all of it per call).
 */
public final class SweepKernels {

    /**
     * Slots per chunk: four rows of 512 doubles (16 KB) stay in L1 beside a monthly block buffer
     * (9 rows x 121 cells x 8 B = 8.7 KB).
     */
    public static final int CHUNK = 512;
    /** Scratch after the four rows, for one vector of the widest shape (2048 bits). */
    public static final int LANE_SCRATCH = 32;
    /**
     * Scratch doubles a caller provides: four rows of a chunk (jitter, first up-time, next up-time, failing
     * slots; the failure waves' lists reuse the first three) and the lane scratch.
     */
    public static final int SCRATCH_DOUBLES = 4 * CHUNK + LANE_SCRATCH;

    private SweepKernels() {
    }

    /**
     * Simulates slots {@code [firstSlot, firstSlot + slots)} of deployment {@code d}, adding into {@code acc}.
     * A slot's draws depend only on (key, slot), so how a caller splits a deployment into ranges changes
     * only the rounding of the hour sums.
     *
     * @param plan      the plan. Not modified.
     * @param d         deployment index
     * @param key       the run's key of deployment {@code d} ({@link CounterStreams#deploymentKey})
     * @param firstSlot first slot of the range within the deployment
     * @param slots     number of slots, at least 0
     * @param support   draws and fold, scalar or vector. Not modified (stateless).
     * @param scratch   at least {@link #SCRATCH_DOUBLES} doubles. Modified (overwritten).
     * @param acc       buffer of {@code SimulateKernels.ROWS * (cells + 1)} values in the layout of
     *                  {@link SimulateKernels}, added to (not cleared). Modified.
     */
    public static void simulateBlockSweep(FleetPlan plan, int d, long key, long firstSlot, int slots,
                                          SimulateSupport support, double[] scratch, double[] acc) {
        if (scratch.length < SCRATCH_DOUBLES) {
            throw new IllegalArgumentException("scratch needs " + SCRATCH_DOUBLES + " doubles, has " + scratch.length);
        }
        SweepState w = new SweepState(plan, d, key);
        for (int base = 0; base < slots; base += CHUNK) {
            int len = Math.min(CHUNK, slots - base);
            long chunkFirst = firstSlot + base;
            int listed = support.drawAndFold(w, chunkFirst, len, scratch, CHUNK, acc);
            for (int draw = CounterStreams.DRAW_FIRST_LIFETIME + 1; listed > 0; draw++) {
                // the up-time after this wave's failure, for the slots of this wave only
                support.drawLifetimes(w, chunkFirst, scratch, listed, CHUNK, draw);
                listed = failureWave(w, chunkFirst, scratch, listed, acc);
            }
        }
        w.writeAll(acc);
    }

    /**
     * One failure wave of a chunk: the {@code n}-th failure of every listed slot (the fold lists the first
     * ones), counted in its cell, its repair interval {@code [f, min(f + repair, e))} added to the down rows,
     * and the slots whose next failure also comes before their end listed for the next wave. A chunk's
     * slots go wave by wave rather than slot by slot so that the loop has no data-dependent branch (the
     * cell by {@link SweepState#cellOf}, the next list compacted by arithmetic) and the next up-times are
     * drawn for a whole wave at once on vector lanes ({@link SimulateSupport#drawLifetimes}): whether a
     * device fails again is a coin toss a branch predictor loses about one time in four, each loss
     * stalls the overlap of consecutive devices, and a scalar logarithm costs more than the rest of a
     * failure. At AFR 5-10 % over 6 years: 0.37 first failures per device, 0.09 second, 0.01 third.
     *
     * <p>With a warranty, a failure before the slot's install + warranty is also counted in the warranty row;
     * the install instant is recomputed from the slot's jitter draw (a hash, only for failing slots) rather than
     * carried through the fold's rows.
     *
     * @param w      the sweep. Not modified.
     * @param chunkFirst slot index of the chunk's {@code j = 0}
     * @param rows   the wave's list, {@code rows[m] = f, rows[CHUNK + m] = e, rows[2 * CHUNK + m] =} the next
     *               standard up-time ({@link SimulateSupport#drawLifetimes}), {@code rows[3 * CHUNK + m] = j}.
     *               Modified: replaced by the next wave's list (next failure for {@code f}; the third row
     *               left to be drawn).
     * @param listed number of slots listed
     * @param acc    the block buffer. Modified.
     * @return the number of slots in the next wave
     */
    static int failureWave(SweepState w, long chunkFirst, double[] rows, int listed, double[] acc) {
        double[] bounds = w.bounds;
        int stride = w.grid.cells + 1;
        int failRow = SimulateKernels.ROW_FAILURES * stride;
        int downFull = SimulateKernels.ROW_DOWN_FULL * stride;
        int downPart = SimulateKernels.ROW_DOWN_PART * stride;
        double repair = w.repairHours;
        boolean repairs = repair > 0;
        if (w.warranty) {
            int warrantyRow = w.warrantyRow;
            for (int m = 0; m < listed; m++) {
                long slot = chunkFirst + (long) rows[3 * CHUNK + m];
                double jitter = CounterStreams.unit(CounterStreams.draw(CounterStreams.slotState(w.key, slot),
                        CounterStreams.DRAW_JITTER));
                if (rows[m] < w.installAt(slot, jitter) + w.warrantyHours) {
                    acc[warrantyRow + w.cellOf(rows[m])] += 1;
                }
            }
        }
        int next = 0;
        for (int m = 0; m < listed; m++) {
            double f = rows[m];
            double e = rows[CHUNK + m];
            int c = w.cellOf(f);
            acc[failRow + c] += 1;
            double back = f + repair;
            if (repairs) {
                double de = Math.min(back, e);
                // A 72 h repair ends in its failure's cell nine times in ten (monthly cells): then its two
                // endpoints cancel in the full row and leave de - f in the partial row, one write instead of
                // four read-modify-writes on the same two cells.
                int cd = SweepState.stepIfReached(bounds, c, de);
                if (cd == c) {
                    acc[downPart + c] += de - f;
                } else {
                    while (de >= bounds[cd + 1]) {
                        cd++;
                    }
                    acc[downFull + c] += 1;
                    acc[downPart + c] -= f - bounds[c];
                    acc[downFull + cd] -= 1;
                    acc[downPart + cd] += de - bounds[cd];
                }
            }
            double fNext = back + w.upTime(rows[2 * CHUNK + m]);
            // compacted over entries already read (next <= m)
            rows[next] = fNext;
            rows[CHUNK + next] = e;
            rows[3 * CHUNK + next] = rows[3 * CHUNK + m];
            next += (back < e & fNext < e) ? 1 : 0;
        }
        return next;
    }
}
