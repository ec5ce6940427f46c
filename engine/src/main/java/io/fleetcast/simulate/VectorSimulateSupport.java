package io.fleetcast.simulate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link SimulateSupport}: one lane per slot, the widest vectors the CPU has (8 slots at a
 * time with AVX-512). Loaded only through {@link SimulateSupportProvider}, because linking it needs the
 * {@code jdk.incubator.vector} module.
 *
 * <p>Draws: the same values as {@link ScalarSimulateSupport} bit for bit: the SplitMix64 hashing is integer arithmetic
 * (64-bit lane multiplies), and {@link #negLogInPlace} is a lane-wise port of {@link StrictMath#log} (fdlibm's
 * {@code e_log.c}: same constants, same operation order, every branch computed and blended), not the
 * Vector API's {@code LOG}, whose intrinsic may differ from StrictMath by an ulp and from platform to
 * platform. Parity is tested over awkward counts and edge values ({@code VectorSimulateSupportTest}).
 *
 * <p>Fold: eight slots at a time while every lane's install, slot end and facility end stay in the
 * sweep's running cells (a chunk of a large fleet almost always does: a monthly cell holds thousands of
 * installs), with the offsets summed per lane; the lanes where a stream changes cell, and the chunk's
 * tail, go through the scalar fold. Failing slots come from a lane mask. Lane sums are added up in lane
 * order ({@link #sumLanes}), never with {@code reduceLanes}, whose order is unspecified and could differ
 * between the interpreter and compiled code of one run.
 *
 * <p>Methods take and return arrays, never vectors: a vector passed to a method C2 does not inline is
 * boxed on the heap (a SplitMix64 helper taking vectors cost 36 B per slot, measured with the GC profiler),
 * so each loop body holds its vectors itself.
 */
final class VectorSimulateSupport implements SimulateSupport {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = VectorSpecies.of(long.class, D.vectorShape());
    private static final LongVector IOTA = LongVector.zero(L).addIndex(1);
    private static final DoubleVector IOTA_D = DoubleVector.zero(D).addIndex(1);
    /** The multipliers of {@link CounterStreams#mix64}. */
    private static final long M1 = 0xBF58476D1CE4E5B9L;
    private static final long M2 = 0x94D049BB133111EBL;

    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double LG1 = 0x1.5555555555593p-1;
    private static final double LG2 = 0x1.999999997fa04p-2;
    private static final double LG3 = 0x1.2492494229359p-2;
    private static final double LG4 = 0x1.c71c51d8e78afp-3;
    private static final double LG5 = 0x1.7466496cb03dep-3;
    private static final double LG6 = 0x1.39a09d078c69fp-3;
    private static final double LG7 = 0x1.2f112df3e5244p-3;

    VectorSimulateSupport() {
    }

    /** The vector width this implementation runs at. */
    static int lanes() {
        return D.length();
    }

    @Override
    public void draw(long key, long firstSlot, int count, double[] out, int stride) {
        int lanes = D.length();
        int bound = D.loopBound(count);
        // Pass 1: hash every slot's two draws; the up-time row gets the logarithm's argument. The
        // SplitMix64 finalizer is written out, not called: C2 does not always inline a helper taking
        // vectors, and then boxes them (36 B per slot measured with a mix64 helper).
        for (int j = 0; j < bound; j += lanes) {
            LongVector state = IOTA.add(firstSlot + j).mul(CounterStreams.SLOT_MULTIPLIER).lanewise(VectorOperators.XOR, key);

            LongVector z = state.add(CounterStreams.GOLDEN * (CounterStreams.DRAW_JITTER + 1L));
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0)).mul(0x1.0p-53)
                    .intoArray(out, j);                                      // unit: (bits >>> 11) * 2^-53

            z = state.add(CounterStreams.GOLDEN * (CounterStreams.DRAW_FIRST_LIFETIME + 1L));
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).add(1L).convert(VectorOperators.L2D, 0)).mul(0x1.0p-53)
                    .intoArray(out, stride + j);                             // ((bits >>> 11) + 1) * 2^-53
        }
        // Pass 2: minus the logarithms, in place (4 KB, still in L1). Two passes rather than one so that
        // each loop body holds its vectors in registers: a vector passed to a method C2 does not inline is
        // boxed on the heap, and the logarithm is too large to inline.
        negLogInPlace(out, stride, bound);
        // Fewer slots than lanes left: the scalar twin, which computes the same values.
        ScalarSimulateSupport.fill(key, firstSlot, bound, count, out, stride);
    }

    @Override
    public void drawLifetimes(long key, long firstSlot, double[] rows, int count, int stride, int drawIndex) {
        int lanes = D.length();
        // Whole vectors, past count up to the next multiple of the lanes: the garbage lanes hash whatever
        // slot numbers lie there and are never read, and no lane needs the scalar logarithm.
        int end = (count + lanes - 1) / lanes * lanes;
        for (int m = 0; m < end; m += lanes) {
            LongVector slot = (LongVector) DoubleVector.fromArray(D, rows, 3 * stride + m).convert(VectorOperators.D2L, 0);
            LongVector z = slot.add(firstSlot).mul(CounterStreams.SLOT_MULTIPLIER).lanewise(VectorOperators.XOR, key)
                    .add(CounterStreams.GOLDEN * (drawIndex + 1L));
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).add(1L).convert(VectorOperators.L2D, 0)).mul(0x1.0p-53)
                    .intoArray(rows, 2 * stride + m);
        }
        negLogInPlace(rows, 2 * stride, end);
    }

    @Override
    public int fold(SweepState w, long firstSlot, int count, double[] rows, int stride, double[] acc) {
        if (w.weibull) {
            // Weibull up-times need pow, which is not ported: the scalar fold keeps StrictMath.pow.
            return ScalarSimulateSupport.foldRange(w, firstSlot, 0, count, rows, stride, acc, 0);
        }
        int lanes = D.length();
        int bound = D.loopBound(count);
        int failAt = 3 * stride;
        int tmpAt = 4 * stride;
        int failing = 0;
        double[] b = w.bounds;
        double lo0 = b[w.c0];
        double hi0 = b[w.c0 + 1];
        double loE = b[w.ce];
        double hiE = b[w.ce + 1];
        double loF = b[w.cf];
        double hiF = b[w.cf + 1];
        DoubleVector sum0 = DoubleVector.zero(D);
        DoubleVector sumE = DoubleVector.zero(D);
        DoubleVector sumF = DoubleVector.zero(D);
        double counted = 0;
        for (int j = 0; j < bound; j += lanes) {
            // t0 = start + spacing * ((firstSlot + j + lane) + jitter), the scalar fold's operations in its order
            DoubleVector t0 = IOTA_D.add((double) (firstSlot + j)).add(DoubleVector.fromArray(D, rows, j))
                    .mul(w.spacing).add(w.start);
            DoubleVector e = t0.add(w.life).min(w.cap);
            VectorMask<Double> stay = t0.compare(VectorOperators.GE, lo0).and(t0.compare(VectorOperators.LT, hi0))
                    .and(t0.compare(VectorOperators.LT, w.cap))
                    .and(e.compare(VectorOperators.GE, loE)).and(e.compare(VectorOperators.LT, hiE));
            DoubleVector fe = t0.add(w.facilityLife).min(w.horizon);
            if (w.facility) {
                stay = stay.and(fe.compare(VectorOperators.GE, loF)).and(fe.compare(VectorOperators.LT, hiF));
            }
            if (!stay.allTrue()) {
                // A stream leaves its cell (or a slot is not installed) in these lanes: write the lane sums, fold
                // the lanes one by one, and continue from the cells they moved to.
                w.n0 += counted;
                sum0.intoArray(rows, tmpAt);
                w.o0 += sumLanes(rows, tmpAt);
                w.ne += counted;
                sumE.intoArray(rows, tmpAt);
                w.oe += sumLanes(rows, tmpAt);
                if (w.facility) {
                    w.nf += counted;
                    sumF.intoArray(rows, tmpAt);
                    w.of += sumLanes(rows, tmpAt);
                }
                counted = 0;
                sum0 = DoubleVector.zero(D);
                sumE = DoubleVector.zero(D);
                sumF = DoubleVector.zero(D);
                failing = ScalarSimulateSupport.foldRange(w, firstSlot, j, j + lanes, rows, stride, acc, failing);
                lo0 = b[w.c0];
                hi0 = b[w.c0 + 1];
                loE = b[w.ce];
                hiE = b[w.ce + 1];
                loF = b[w.cf];
                hiF = b[w.cf + 1];
                continue;
            }
            counted += lanes;
            sum0 = sum0.add(t0.sub(lo0));
            sumE = sumE.add(e.sub(loE));
            if (w.facility) {
                sumF = sumF.add(fe.sub(loF));
            }
            if (w.fails) {
                DoubleVector f = t0.add(DoubleVector.fromArray(D, rows, stride + j).mul(w.meanHours));
                VectorMask<Double> failed = f.compare(VectorOperators.LT, e);
                // Append the failing lanes without a branch per lane (compress, then the lane count). Each
                // store writes a whole vector at [failing, failing + lanes), over rows already read: the
                // list never holds more slots than were folded (failing <= j).
                f.compress(failed).intoArray(rows, failing);
                e.compress(failed).intoArray(rows, stride + failing);
                IOTA_D.add(j).compress(failed).intoArray(rows, failAt + failing);
                failing += failed.trueCount();
            }
        }
        // The same flush as where a stream leaves its cell, written out twice on purpose: a helper taking the
        // four vectors was not inlined and boxed them (0.76 B/device on SimulateBenchmark 10M, now 0).
        w.n0 += counted;
        sum0.intoArray(rows, tmpAt);
        w.o0 += sumLanes(rows, tmpAt);
        w.ne += counted;
        sumE.intoArray(rows, tmpAt);
        w.oe += sumLanes(rows, tmpAt);
        if (w.facility) {
            w.nf += counted;
            sumF.intoArray(rows, tmpAt);
            w.of += sumLanes(rows, tmpAt);
        }
        return ScalarSimulateSupport.foldRange(w, firstSlot, bound, count, rows, stride, acc, failing);
    }

    /**
     * One vector's lanes, stored at {@code tmp[at..]}, added up in lane order, so that the result does not
     * depend on how a reduction instruction (or the interpreter) would order them. The caller stores the
     * vector: a method taking a vector is boxed when C2 does not inline it, which it stopped doing here as
     * the fold grew (0.76 B per device, GC profiler), and {@code lane(i)} with a variable {@code i} is not
     * intrinsified (5 % of the fold's time in a JFR profile).
     *
     * @param tmp the stored lanes. Not modified.
     * @param at  where they start
     * @return {@code ((tmp[at] + tmp[at + 1]) + tmp[at + 2]) + ...}
     */
    private static double sumLanes(double[] tmp, int at) {
        double sum = 0;
        for (int i = at; i < at + D.length(); i++) {
            sum += tmp[i];
        }
        return sum;
    }

    @Override
    public String name() {
        return "vector (" + D.vectorBitSize() + "-bit, " + D.length() + " lanes)";
    }

    /**
     * {@code a[from + i] = -StrictMath.log(a[from + i])} for {@code i in [0, count)}, {@code count} a
     * multiple of the lane count, bit for bit, for normal positive finite values (the draws are in
     * [2^-53, 1]; fdlibm's zero, negative, subnormal and infinite cases are not needed and not ported).
     * The comments give the fdlibm lines each step mirrors. Two of fdlibm's branches are not computed:
     * <ul>
     *   <li>{@code k == 0}: its formulas equal the general ones with {@code dk = 0} bit for bit
     *       ({@code 0 - (A - f)} and {@code f - A} round alike, and give +0.0 alike when {@code A == f});</li>
     *   <li>{@code |f| < 2^-20} (an argument within about 2^-20 of a power of two, one draw in half a
     *       million): those lanes are recomputed with {@link StrictMath#log} itself.</li>
     * </ul>
     *
     * @param a     the values. Modified.
     * @param from  first index
     * @param count number of values, a multiple of {@link #lanes()}
     */
    static void negLogInPlace(double[] a, int from, int count) {
        int lanes = D.length();
        for (int idx = from; idx < from + count; idx += lanes) {
            DoubleVector x = DoubleVector.fromArray(D, a, idx);
            LongVector bits = x.viewAsIntegralLanes();
            LongVector hx = bits.lanewise(VectorOperators.LSHR, 32);                 // hx = __HI(x)
            LongVector k = hx.lanewise(VectorOperators.ASHR, 20).sub(1023L);           // k += (hx >> 20) - 1023
            hx = hx.and(0x000f_ffffL);                                                  // hx &= 0x000fffff
            LongVector i = hx.add(0x9_5f64L).and(0x10_0000L);                           // i = (hx + 0x95f64) & 0x100000
            LongVector hi = hx.or(i.lanewise(VectorOperators.XOR, 0x3ff0_0000L));       // x = __HI(x, hx | (i ^ 0x3ff00000))
            DoubleVector xn = hi.lanewise(VectorOperators.LSHL, 32).or(bits.and(0xffff_ffffL)).viewAsFloatingLanes();
            k = k.add(i.lanewise(VectorOperators.ASHR, 20));                            // k += (i >> 20)
            DoubleVector f = xn.sub(1.0);                                               // f = x - 1.0
            DoubleVector dk = (DoubleVector) k.convert(VectorOperators.L2D, 0);
            DoubleVector hiK = dk.mul(LN2_HI);
            DoubleVector loK = dk.mul(LN2_LO);
            DoubleVector s = f.div(f.add(2.0));                                         // s = f/(2.0 + f)
            DoubleVector z = s.mul(s);
            DoubleVector w = z.mul(z);
            DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));               // w*(Lg2 + w*(Lg4 + w*Lg6))
            DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1)); // z*(Lg1 + w*(Lg3 + w*(Lg5 + w*Lg7)))
            DoubleVector r = t2.add(t1);
            VectorMask<Double> iPos = hx.sub(0x6_147aL).or(LongVector.broadcast(L, 0x6b851L).sub(hx))
                    .compare(VectorOperators.GT, 0L).cast(D);                           // (hx - 0x6147a | 0x6b851 - hx) > 0
            DoubleVector hfsq = f.mul(0.5).mul(f);                                      // hfsq = 0.5*f*f
            DoubleVector posK = hiK.sub(hfsq.sub(s.mul(hfsq.add(r)).add(loK)).sub(f));  // dk*ln2_hi - ((hfsq - (s*(hfsq + R) + dk*ln2_lo)) - f)
            DoubleVector negK = hiK.sub(s.mul(f.sub(r)).sub(loK).sub(f));               // dk*ln2_hi - ((s*(f - R) - dk*ln2_lo) - f)
            negK.blend(posK, iPos).neg().intoArray(a, idx);
            if (hx.add(2L).and(0x000f_ffffL).compare(VectorOperators.LT, 3L).anyTrue()) { // (0x000fffff & (2 + hx)) < 3
                for (int lane = idx; lane < idx + lanes; lane++) {
                    a[lane] = -StrictMath.log(x.lane(lane - idx));
                }
            }
        }
    }
}
