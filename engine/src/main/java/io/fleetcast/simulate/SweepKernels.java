package io.fleetcast.simulate;

import io.fleetcast.plan.FleetPlan;

/**
 * Samples device lifecycles and folds them into the difference arrays of {@link SimulateKernels} (same
 * rows, same buffer layout {@code acc[row * (cells + 1) + cell]}, same process), chunk by chunk of
 * {@link #CHUNK} slots, in three steps:
 * <ol>
 *   <li>draw: every slot's install jitter and first two up-times, in bulk, from counter-based streams
 *       ({@link CounterStreams});</li>
 *   <li>fold: installs are stratified, so install instants, slot ends ({@code min(t0 + life, cap)}) and
 *       facility ends rise with the slot index; each of these three endpoint streams keeps a running cell
 *       ({@link SweepState}), and the endpoints inside one cell are summed and written once when the stream
 *       leaves it, instead of a scatter-add per device;</li>
 *   <li>failures: the slots whose first up-time ends before the slot does (about a third of the devices
 *       at AFR 5-10 % over 6 years) are followed failure by failure, each scattered into its cell
 *       ({@link #firstFailures}, {@link #laterFailures}).</li>
 * </ol>
 * Steps 1 and 2 run on vector lanes where the CPU allows ({@link SimulateSupport}, chosen by
 * {@link SimulateSupportProvider}); step 3 is scalar.
 *
 * <p>An interval {@code [a, b)} is stored by its endpoints (see {@link SweepState}), so only the split
 * between the full and partial rows differs from {@link SimulateKernels#addInterval}; the prefix sum gives
 * the same hours.
 *
 * <p>Measured on the fleet of {@code SimulateBenchmark} (10 million devices x 120 months, AFR 5 and 10 %),
 * one thread, AMD EPYC (Zen 4, AVX-512), JDK 25: the per-device kernel this replaces
 * ({@link SimulateKernels#simulateBlockScalar}: XoRoShiRo128++ and a ziggurat sampler, four scatter-adds per
 * interval) 43-47 ns per device; this sweep with the scalar support 45-48 ns; with the vector support
 * 18-20 ns, of which draws 5 ns, fold 3 ns, failures 11 ns. Whole-engine JMH figures (both cores) are in
 * the benchmark report. Memory: the caller's scratch of {@link #SCRATCH_DOUBLES} doubles and the block
 * buffer; nothing is allocated per device.
 */
public final class SweepKernels {

    /**
     * Slots per chunk: four rows of 512 doubles (16 KB) stay in L1 beside a monthly block buffer
     * (9 rows x 121 cells x 8 B = 8.7 KB).
     */
    public static final int CHUNK = 512;
    /** Scratch after the four rows, for one vector of the widest shape (2048 bits). */
    public static final int LANE_SCRATCH = 32;
    /** Scratch doubles a caller provides: the three draw rows of a chunk, its list of failing slots, lane scratch. */
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
            support.draw(key, chunkFirst, len, scratch, CHUNK);
            int failing = support.fold(w, chunkFirst, len, scratch, CHUNK, acc);
            int again = firstFailures(w, scratch, failing, acc);
            for (int m = 0; m < again; m++) {
                laterFailures(w, acc, scratch[m], scratch[CHUNK + m], key, chunkFirst + (long) scratch[3 * CHUNK + m]);
            }
        }
        w.writeAll(acc);
    }

    /**
     * The first failure of every slot the fold listed: counted in its cell, its repair interval
     * {@code [f, min(f + repair, e))} added to the down rows. Written without data-dependent branches (the
     * cell by {@link SweepState#cellOf}, the list of slots that fail again compacted by arithmetic), because
     * whether a device fails again is a coin toss the branch predictor loses about one time in four, and
     * each loss stalls the overlap of consecutive devices: the first failures are the bulk of the failure
     * work (0.37 failing slots per device, 0.09 failing twice, at AFR 5-10 % over 6 years).
     *
     * @param w       the sweep. Not modified.
     * @param rows    the failing list of {@link SimulateSupport#fold}. Modified: replaced by the list of the
     *                slots that fail again, in the same layout with their second failure instead of the first
     *                ({@code rows[m] = f2, rows[CHUNK + m] = e, rows[3 * CHUNK + m] = j}).
     * @param failing number of failing slots listed
     * @param acc     the block buffer. Modified.
     * @return the number of slots that fail again (their second failure is before their end)
     */
    static int firstFailures(SweepState w, double[] rows, int failing, double[] acc) {
        double[] bounds = w.bounds;
        int stride = w.grid.cells + 1;
        int failRow = SimulateKernels.ROW_FAILURES * stride;
        int downFull = SimulateKernels.ROW_DOWN_FULL * stride;
        int downPart = SimulateKernels.ROW_DOWN_PART * stride;
        double repair = w.repairHours;
        boolean repairs = repair > 0;
        int again = 0;
        for (int m = 0; m < failing; m++) {
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
            double f2 = back + w.upTime(rows[2 * CHUNK + m]);
            // compacted over entries already read (again <= m)
            rows[again] = f2;
            rows[CHUNK + again] = e;
            rows[3 * CHUNK + again] = rows[3 * CHUNK + m];
            again += (back < e & f2 < e) ? 1 : 0;
        }
        return again;
    }

    /**
     * The failures of one slot from its second, at {@code f < e}: each counted in its cell with its repair
     * interval, and the next up-time drawn from the slot's stream (draw {@code DRAW_FIRST_LIFETIME + 2} on),
     * until an up-time ends at or after {@code e}.
     *
     * @param w    the deployment's sweep. Not modified.
     * @param acc  the block buffer. Modified.
     * @param f    the second failure instant, before {@code e}
     * @param e    the slot's end
     * @param key  the deployment key
     * @param slot the slot index
     */
    static void laterFailures(SweepState w, double[] acc, double f, double e, long key, long slot) {
        double[] bounds = w.bounds;
        int stride = w.grid.cells + 1;
        int failRow = SimulateKernels.ROW_FAILURES * stride;
        int downFull = SimulateKernels.ROW_DOWN_FULL * stride;
        int downPart = SimulateKernels.ROW_DOWN_PART * stride;
        double repair = w.repairHours;
        long state = CounterStreams.slotState(key, slot);
        int next = CounterStreams.DRAW_FIRST_LIFETIME + 2;
        while (true) {
            int c = w.cellOf(f);
            acc[failRow + c] += 1;
            double back = f + repair;
            if (repair > 0) {
                double de = Math.min(back, e);
                acc[downFull + c] += 1;
                acc[downPart + c] -= f - bounds[c];
                int cd = c;
                while (de >= bounds[cd + 1]) {
                    cd++;
                }
                acc[downFull + cd] -= 1;
                acc[downPart + cd] += de - bounds[cd];
            }
            if (back >= e) {
                return;
            }
            f = back + w.upTime(CounterStreams.exponential(CounterStreams.draw(state, next++)));
            if (f >= e) {
                return;
            }
        }
    }
}
