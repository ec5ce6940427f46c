package io.fleetcast.simulate;

/**
 * The scalar {@link SimulateSupport}: one slot at a time, {@link StrictMath#log} for the exponentials. The
 * reference the vector implementation is tested against, and the fallback when the Vector API is not
 * available.
 */
final class ScalarSimulateSupport implements SimulateSupport {

    /** The one instance (stateless). */
    static final ScalarSimulateSupport INSTANCE = new ScalarSimulateSupport();

    private ScalarSimulateSupport() {
    }

    @Override
    public void draw(long key, long firstSlot, int count, double[] out, int stride) {
        fill(key, firstSlot, 0, count, out, stride);
    }

    @Override
    public int fold(SweepState sweep, long firstSlot, int count, double[] rows, int stride, double[] acc) {
        return foldRange(sweep, firstSlot, 0, count, rows, stride, acc, 0);
    }

    @Override
    public void drawLifetimes(long key, long firstSlot, double[] rows, int count, int stride, int drawIndex) {
        for (int m = 0; m < count; m++) {
            long state = CounterStreams.slotState(key, firstSlot + (long) rows[3 * stride + m]);
            rows[2 * stride + m] = CounterStreams.exponential(CounterStreams.draw(state, drawIndex));
        }
    }

    /**
     * Draw and fold in one pass: the jitter, then the first up-time only where it can end before the slot
     * does. Two devices in three outlive their slot at AFR 5-10 % over 6 years; for them the uniform is
     * compared with {@link SweepState#survivorBound} and {@link StrictMath#log} (fdlibm in Java, the most
     * expensive step of a device) is not taken. The failing list is the one {@link #fold} makes from
     * {@link #draw}'s rows, bit for bit.
     */
    @Override
    public int drawAndFold(SweepState w, long firstSlot, int count, double[] rows, int stride, double[] acc) {
        double[] bounds = w.bounds;
        long key = w.key;
        double survivor = w.survivorBound;
        int failing = 0;
        for (int j = 0; j < count; j++) {
            long slot = firstSlot + j;
            long state = CounterStreams.slotState(key, slot);
            double t0 = w.installAt(slot, CounterStreams.unit(CounterStreams.draw(state, CounterStreams.DRAW_JITTER)));
            if (!(t0 < w.cap)) {
                continue;
            }
            double e = Math.min(t0 + w.life, w.cap);
            // the install and slot-end steps repeat foldRange's on purpose: as one SweepState method shared by both
            // loops (larger than C1's 35-byte inlining limit, the likely cause) the cold 10M-device and portfolio
            // simulate runs took 3-4 % longer (2 x 12-16 interleaved processes, 2026-12-04) for no warm gain
            // (fleetStateScalar 7.0-7.1 ops/s both ways)
            if (t0 >= bounds[w.c0 + 1] || t0 < bounds[w.c0]) {
                w.moveInstall(t0, acc);
            }
            w.n0 += 1;
            w.o0 += t0 - bounds[w.c0];
            if (e >= bounds[w.ce + 1] || e < bounds[w.ce]) {
                w.moveEnd(e, acc);
            }
            w.ne += 1;
            w.oe += e - bounds[w.ce];
            // every deployment folds a facility stream (into the sink rows when it has no facility capex): a
            // per-device `if (w.facility)` was compiled for the first deployments' side and deoptimized later
            double fe = Math.min(t0 + w.facilityLife, w.horizon);
            if (fe >= bounds[w.cf + 1] || fe < bounds[w.cf]) {
                w.moveFacility(fe, acc);
            }
            w.nf += 1;
            w.of += fe - bounds[w.cf];
            // survivor is 1 for a deployment without failures: no `w.fails` test per device
            double u = CounterStreams.openUnit(CounterStreams.draw(state, CounterStreams.DRAW_FIRST_LIFETIME));
            if (u > survivor) {
                double f = t0 + w.upTime(-StrictMath.log(u));
                // listed without a branch (the list is written over the rows' front, which is free here), the
                // count moved by the sign bit of f - e (1 exactly when f < e; f and e are finite, and f == e gives
                // +0.0): `f < e` is nearly always true for the first deployments and false for some later ones,
                // and as a branch, even as `f < e ? 1 : 0`, it cost a C2 deoptimization in the cold run
                rows[failing] = f;
                rows[stride + failing] = e;
                rows[3 * stride + failing] = j;
                failing += (int) (Double.doubleToRawLongBits(f - e) >>> 63);
            }
        }
        return failing;
    }

    /** As {@link #drawLifetimes(long, long, double[], int, int, int)}, +infinity for certain survivors. */
    @Override
    public void drawLifetimes(SweepState w, long firstSlot, double[] rows, int count, int stride, int drawIndex) {
        long key = w.key;
        double survivor = w.survivorBound;
        for (int m = 0; m < count; m++) {
            long state = CounterStreams.slotState(key, firstSlot + (long) rows[3 * stride + m]);
            double u = CounterStreams.openUnit(CounterStreams.draw(state, drawIndex));
            rows[2 * stride + m] = u > survivor ? -StrictMath.log(u) : Double.POSITIVE_INFINITY;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }

    /**
     * {@link #draw} for {@code j in [from, to)} (also the vector implementation's tail).
     *
     * @param key       the deployment key
     * @param firstSlot slot index of {@code j = 0}
     * @param from      first {@code j}
     * @param to        end of the range, exclusive
     * @param out       the rows. Modified at {@code [from, to)} of the first two.
     * @param stride    row length
     */
    static void fill(long key, long firstSlot, int from, int to, double[] out, int stride) {
        for (int j = from; j < to; j++) {
            long state = CounterStreams.slotState(key, firstSlot + j);
            out[j] = CounterStreams.unit(CounterStreams.draw(state, CounterStreams.DRAW_JITTER));
            out[stride + j] = CounterStreams.exponential(CounterStreams.draw(state, CounterStreams.DRAW_FIRST_LIFETIME));
        }
    }

    /**
     * {@link #fold} for {@code j in [from, to)} only, appending failing slots after the {@code failing}
     * already listed (also the vector implementation's tail and its fallback where a stream changes cell).
     *
     * @param w         the sweep. Modified.
     * @param firstSlot slot index of {@code j = 0}
     * @param from      first {@code j}
     * @param to        end of the range, exclusive
     * @param rows      draws, then the failing list ({@link SimulateSupport#fold}). Modified.
     * @param stride    row length
     * @param acc       the buffer. Modified.
     * @param failing   failing slots listed so far
     * @return failing slots listed after this range
     */
    static int foldRange(SweepState w, long firstSlot, int from, int to, double[] rows, int stride, double[] acc, int failing) {
        double[] bounds = w.bounds;
        for (int j = from; j < to; j++) {
            double t0 = w.installAt(firstSlot + j, rows[j]);
            if (!(t0 < w.cap)) {
                continue;
            }
            double e = Math.min(t0 + w.life, w.cap);
            if (t0 >= bounds[w.c0 + 1] || t0 < bounds[w.c0]) {
                w.moveInstall(t0, acc);
            }
            w.n0 += 1;
            w.o0 += t0 - bounds[w.c0];
            if (e >= bounds[w.ce + 1] || e < bounds[w.ce]) {
                w.moveEnd(e, acc);
            }
            w.ne += 1;
            w.oe += e - bounds[w.ce];
            if (w.facility) {
                double fe = Math.min(t0 + w.facilityLife, w.horizon);
                if (fe >= bounds[w.cf + 1] || fe < bounds[w.cf]) {
                    w.moveFacility(fe, acc);
                }
                w.nf += 1;
                w.of += fe - bounds[w.cf];
            }
            if (w.fails) {
                double f = t0 + w.upTime(rows[stride + j]);
                if (f < e) {
                    // the list is written over the rows' consumed front: failing <= j
                    rows[failing] = f;
                    rows[stride + failing] = e;
                    rows[3 * stride + failing] = j;
                    failing++;
                }
            }
        }
        return failing;
    }
}
