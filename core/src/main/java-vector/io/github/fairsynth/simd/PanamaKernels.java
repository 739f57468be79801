package io.github.fairsynth.simd;

import io.github.fairsynth.rng.InverseNormal;
import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels: four 64-bit lanes (256 bits, AVX2). The same IEEE operations in the same order as
 * {@link ScalarKernels}, so results are bit-identical. Loop bodies are written inline in one method each:
 * a helper taking or returning vectors that is not inlined would box every vector.
 */
public final class PanamaKernels implements Kernels {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_256;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final long ONE_BITS = 0x3FF0_0000_0000_0000L;
    /**
     * Bits of 2^52: OR-ed over a 52-bit integer they give exactly 2^52 + that integer. The open uniform
     * {@code ((bits >>> 12) + 0.5) · 2^-52} is built from it in line wherever it is used: as a helper method
     * returning a vector it was not always inlined (rounds of 20 applicants: JFR allocation samples), and
     * a vector that leaves a method that is not inlined is boxed: 1.4 KB per 20-applicant round, 5% of the time.
     */
    private static final long EXP52 = 0x4330_0000_0000_0000L;
    /** Shifts that put lane {@code j}'s 0/1 in byte {@code j} of a word. */
    private static final long[] BYTE_SHIFTS = {0, 8, 16, 24};
    /** Lane positions 0–3 as doubles: with a round's split subtracted, negative exactly in group 0's lanes. */
    private static final double[] LANE_POSITIONS = {0, 1, 2, 3};
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Fails (and the caller falls back to scalar) where 256-bit vectors are not the preferred shape. */
    public PanamaKernels() {
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit vectors on this machine");
        }
    }

    @Override
    public void fillUniform(Xoshiro256PlusPlusX4 rng, double[] dst, int off, int len, double lo, double hi) {
        fill(rng, null, dst, off, len, lo, hi);
    }

    @Override
    public void fillLongs(Xoshiro256PlusPlusX4 rng, long[] dst, int off, int len) {
        fill(rng, dst, null, off, len, 0, 0);
    }

    /**
     * Steps the four lanes together; writes raw outputs to {@code longs}, or uniforms in {@code [lo, hi]} to
     * {@code doubles} (exactly one is non-null: a loop-invariant test the JIT moves out of the loop).
     */
    private static void fill(Xoshiro256PlusPlusX4 rng, long[] longs, double[] doubles, int off, int len,
                             double lo, double hi) {
        long[] s = rng.stateArray();
        int whole = len & ~3;
        LongVector a = LongVector.fromArray(L, s, 0);
        LongVector b = LongVector.fromArray(L, s, 4);
        LongVector c = LongVector.fromArray(L, s, 8);
        LongVector d = LongVector.fromArray(L, s, 12);
        DoubleVector vlo = DoubleVector.broadcast(D, lo);
        DoubleVector vspan = DoubleVector.broadcast(D, hi - lo);
        DoubleVector vhi = DoubleVector.broadcast(D, hi);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        for (int i = 0; i < whole; i += 4) {
            LongVector r = a.add(d).lanewise(VectorOperators.ROL, 23).add(a);
            LongVector t = b.lanewise(VectorOperators.LSHL, 17);
            c = c.lanewise(VectorOperators.XOR, a);
            d = d.lanewise(VectorOperators.XOR, b);
            b = b.lanewise(VectorOperators.XOR, c);
            a = a.lanewise(VectorOperators.XOR, d);
            c = c.lanewise(VectorOperators.XOR, t);
            d = d.lanewise(VectorOperators.ROL, 45);
            if (doubles == null) {
                r.intoArray(longs, off + i);
            } else {
                DoubleVector u = r.lanewise(VectorOperators.LSHR, 12).lanewise(VectorOperators.OR, ONE_BITS)
                        .reinterpretAsDoubles().sub(one);
                vlo.add(vspan.mul(u)).min(vhi).intoArray(doubles, off + i);
            }
        }
        a.intoArray(s, 0);
        b.intoArray(s, 4);
        c.intoArray(s, 8);
        d.intoArray(s, 12);
        if (whole < len) {
            if (doubles == null) {
                rng.fillLongs(longs, off + whole, len - whole);
            } else {
                rng.fillUniform(doubles, off + whole, len - whole, lo, hi);
            }
        }
    }

    @Override
    public void linear(double[] x, double[] w, int dim, int groups, int rows, double[] y) {
        DoubleVector zero = DoubleVector.zero(D);
        // 32 rows of every feature, copied contiguous: the columns are 32 KiB apart, so reading them in
        // place for every group maps them to the same L1 set and misses constantly. Eight independent
        // accumulators hide the latency of the adds.
        double[] buf = new double[dim * 32];
        for (int r = 0; r < rows; r += 32) {
            for (int j = 0; j < dim; j++) {
                System.arraycopy(x, j * rows + r, buf, j * 32, 32);
            }
            for (int g = 0; g < groups; g++) {
                DoubleVector a0 = zero;
                DoubleVector a1 = zero;
                DoubleVector a2 = zero;
                DoubleVector a3 = zero;
                DoubleVector a4 = zero;
                DoubleVector a5 = zero;
                DoubleVector a6 = zero;
                DoubleVector a7 = zero;
                for (int j = 0; j < dim; j++) {
                    DoubleVector wj = DoubleVector.broadcast(D, w[j * groups + g]);
                    int xo = j * 32;
                    a0 = a0.add(DoubleVector.fromArray(D, buf, xo).mul(wj));
                    a1 = a1.add(DoubleVector.fromArray(D, buf, xo + 4).mul(wj));
                    a2 = a2.add(DoubleVector.fromArray(D, buf, xo + 8).mul(wj));
                    a3 = a3.add(DoubleVector.fromArray(D, buf, xo + 12).mul(wj));
                    a4 = a4.add(DoubleVector.fromArray(D, buf, xo + 16).mul(wj));
                    a5 = a5.add(DoubleVector.fromArray(D, buf, xo + 20).mul(wj));
                    a6 = a6.add(DoubleVector.fromArray(D, buf, xo + 24).mul(wj));
                    a7 = a7.add(DoubleVector.fromArray(D, buf, xo + 28).mul(wj));
                }
                int yo = g * rows + r;
                a0.intoArray(y, yo);
                a1.intoArray(y, yo + 4);
                a2.intoArray(y, yo + 8);
                a3.intoArray(y, yo + 12);
                a4.intoArray(y, yo + 16);
                a5.intoArray(y, yo + 20);
                a6.intoArray(y, yo + 24);
                a7.intoArray(y, yo + 28);
            }
        }
    }

    @Override
    public void groupStats(double[] y, int groups, int rows, int meanOff, int minOff, int maxOff) {
        // Group by group over the three output columns, as the scalar loop, four rows per step. No vector
        // is carried from one iteration to the next: a loop-carried vector is boxed on every iteration
        // when C2 enters the loop by on-stack replacement (seen here in one JMH fork of four, 144 B/row).
        for (int r = 0; r < rows; r += 4) {
            DoubleVector v = DoubleVector.fromArray(D, y, r);
            DoubleVector.zero(D).add(v).intoArray(y, meanOff + r);
            v.intoArray(y, minOff + r);
            v.intoArray(y, maxOff + r);
        }
        for (int g = 1; g < groups; g++) {
            int yo = g * rows;
            for (int r = 0; r < rows; r += 4) {
                DoubleVector v = DoubleVector.fromArray(D, y, yo + r);
                DoubleVector.fromArray(D, y, meanOff + r).add(v).intoArray(y, meanOff + r);
                DoubleVector.fromArray(D, y, minOff + r).min(v).intoArray(y, minOff + r);
                DoubleVector.fromArray(D, y, maxOff + r).max(v).intoArray(y, maxOff + r);
            }
        }
        for (int r = 0; r < rows; r += 4) {
            DoubleVector.fromArray(D, y, meanOff + r).div(groups).intoArray(y, meanOff + r);
        }
    }

    /**
     * AS241 in passes, so that each pass is a short chain whose iterations the core overlaps: (1) the
     * central rational function for every lane, two vectors at a time, with a 0/1 tail flag per lane;
     * (2) the tail lanes (about 15% of all) gathered densely with their bits by a branch-free compaction;
     * (3) {@code r = sqrt(-log(min(p, 1-p)))} and (4) the tail rational functions, on the dense lanes only;
     * (5) the tail values scattered back. Every lane gets exactly the scalar operations of its branch.
     */
    @Override
    public void normals(long[] bits, int n, double[] out) {
        int whole = n & ~3;
        Scratch sc = SCRATCH.get().ensure(whole);
        long[] inTail = sc.flags;
        DoubleVector c1 = DoubleVector.broadcast(D, 0.180625);
        DoubleVector split = DoubleVector.broadcast(D, 0.425);
        int i = 0;
        // Two vectors per iteration, written out: four independent Horner chains keep the FP units busy
        // (one vector's two chains are latency-bound; a helper taking vectors would not be inlined reliably).
        for (; i + 8 <= whole; i += 8) {
            DoubleVector qa = LongVector.fromArray(L, bits, i).lanewise(VectorOperators.LSHR, 12)
                    .lanewise(VectorOperators.OR, EXP52).reinterpretAsDoubles().sub(0x1p52).add(0.5).mul(0x1p-52)
                    .sub(0.5);
            DoubleVector qb = LongVector.fromArray(L, bits, i + 4).lanewise(VectorOperators.LSHR, 12)
                    .lanewise(VectorOperators.OR, EXP52).reinterpretAsDoubles().sub(0x1p52).add(0.5).mul(0x1p-52)
                    .sub(0.5);
            DoubleVector ra = c1.sub(qa.mul(qa));
            DoubleVector rb = c1.sub(qb.mul(qb));
            DoubleVector na = ra.mul(InverseNormal.A7).add(InverseNormal.A6);
            DoubleVector nb = rb.mul(InverseNormal.A7).add(InverseNormal.A6);
            DoubleVector da = ra.mul(InverseNormal.B7).add(InverseNormal.B6);
            DoubleVector db = rb.mul(InverseNormal.B7).add(InverseNormal.B6);
            na = na.mul(ra).add(InverseNormal.A5);
            nb = nb.mul(rb).add(InverseNormal.A5);
            da = da.mul(ra).add(InverseNormal.B5);
            db = db.mul(rb).add(InverseNormal.B5);
            na = na.mul(ra).add(InverseNormal.A4);
            nb = nb.mul(rb).add(InverseNormal.A4);
            da = da.mul(ra).add(InverseNormal.B4);
            db = db.mul(rb).add(InverseNormal.B4);
            na = na.mul(ra).add(InverseNormal.A3);
            nb = nb.mul(rb).add(InverseNormal.A3);
            da = da.mul(ra).add(InverseNormal.B3);
            db = db.mul(rb).add(InverseNormal.B3);
            na = na.mul(ra).add(InverseNormal.A2);
            nb = nb.mul(rb).add(InverseNormal.A2);
            da = da.mul(ra).add(InverseNormal.B2);
            db = db.mul(rb).add(InverseNormal.B2);
            na = na.mul(ra).add(InverseNormal.A1);
            nb = nb.mul(rb).add(InverseNormal.A1);
            da = da.mul(ra).add(InverseNormal.B1);
            db = db.mul(rb).add(InverseNormal.B1);
            na = na.mul(ra).add(InverseNormal.A0);
            nb = nb.mul(rb).add(InverseNormal.A0);
            da = da.mul(ra).add(1.0);
            db = db.mul(rb).add(1.0);
            qa.mul(na).div(da).intoArray(out, i);
            qb.mul(nb).div(db).intoArray(out, i + 4);
            // 1 where |q| > 0.425: the sign bit of 0.425 - |q| (no mask-to-scalar reduction, no branch)
            split.sub(qa.abs()).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63).intoArray(inTail, i);
            split.sub(qb.abs()).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63).intoArray(inTail, i + 4);
        }
        for (; i < whole; i += 4) {
            DoubleVector q = LongVector.fromArray(L, bits, i).lanewise(VectorOperators.LSHR, 12)
                    .lanewise(VectorOperators.OR, EXP52).reinterpretAsDoubles().sub(0x1p52).add(0.5).mul(0x1p-52)
                    .sub(0.5);
            DoubleVector r = c1.sub(q.mul(q));
            DoubleVector num = r.mul(InverseNormal.A7).add(InverseNormal.A6)
                    .mul(r).add(InverseNormal.A5).mul(r).add(InverseNormal.A4).mul(r).add(InverseNormal.A3)
                    .mul(r).add(InverseNormal.A2).mul(r).add(InverseNormal.A1).mul(r).add(InverseNormal.A0);
            DoubleVector den = r.mul(InverseNormal.B7).add(InverseNormal.B6)
                    .mul(r).add(InverseNormal.B5).mul(r).add(InverseNormal.B4).mul(r).add(InverseNormal.B3)
                    .mul(r).add(InverseNormal.B2).mul(r).add(InverseNormal.B1).mul(r).add(1.0);
            q.mul(num).div(den).intoArray(out, i);
            split.sub(q.abs()).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63).intoArray(inTail, i);
        }
        // gather the tail lanes (about 15%) densely with their bits: a branch-free scalar compaction
        long[] tb = sc.bits;
        int[] at = sc.lanes;
        int c = 0;
        for (int k = 0; k < whole; k++) {
            tb[c] = bits[k];
            at[c] = k;
            c += (int) inTail[k];
        }
        if (c > 0) {
            int padded = (c + 3) & ~3;
            java.util.Arrays.fill(tb, c, padded, 0L);
            double[] tz = sc.values;
            tailRoots(tb, padded, tz);
            tailValues(tb, padded, tz);
            for (int j = 0; j < c; j++) {
                out[at[j]] = tz[j];
            }
        }
        for (int k = whole; k < n; k++) {
            out[k] = InverseNormal.quantile(InverseNormal.openUnit(bits[k]));
        }
    }

    /** Per-thread scratch of the normals kernel (grown on demand, never shrunk). */
    private static final class Scratch {
        long[] flags = new long[0];
        int[] lanes = new int[0];
        long[] bits = new long[0];
        double[] values = new double[0];

        Scratch ensure(int whole) {
            if (lanes.length < whole) {
                flags = new long[whole];
                lanes = new int[whole];
                bits = new long[whole];
                values = new double[whole];
            }
            return this;
        }
    }

    /** Pass 3: {@code r = sqrt(-log(min(p, 1-p)))} of dense tail lanes. */
    private static void tailRoots(long[] bits, int len, double[] out) {
        final long mantissaMask = 0x000F_FFFF_FFFF_FFFFL;
        final long magic = 0x4338_0000_0000_0000L;     // bits of 1.5·2^52: small integers to doubles
        DoubleVector magicD = DoubleVector.broadcast(D, 0x1.8p52);
        for (int i = 0; i < len; i += 4) {
            DoubleVector p = LongVector.fromArray(L, bits, i).lanewise(VectorOperators.LSHR, 12)
                    .lanewise(VectorOperators.OR, EXP52).reinterpretAsDoubles().sub(0x1p52).add(0.5).mul(0x1p-52);
            VectorMask<Double> negative = p.compare(VectorOperators.LT, 0.5);
            DoubleVector x = DoubleVector.broadcast(D, 1.0).sub(p).blend(p, negative);
            LongVector xb = x.reinterpretAsLongs();
            LongVector e = xb.lanewise(VectorOperators.LSHR, 52).and(0x7FFL).sub(1023L);
            DoubleVector mm = xb.and(mantissaMask).or(0x3FF0_0000_0000_0000L).reinterpretAsDoubles();
            VectorMask<Double> big = mm.compare(VectorOperators.GT, InverseNormal.SQRT2);
            mm = mm.blend(mm.mul(0.5), big);
            // e + 1 where big, done on the exact double (no mask cast between lane types)
            DoubleVector ed = e.add(magic).reinterpretAsDoubles().sub(magicD);
            ed = ed.blend(ed.add(1.0), big);
            DoubleVector sv = mm.sub(1.0).div(mm.add(1.0));
            DoubleVector s2 = sv.mul(sv);
            DoubleVector t = DoubleVector.broadcast(D, 1.0 / 23).mul(s2).add(1.0 / 21).mul(s2).add(1.0 / 19)
                    .mul(s2).add(1.0 / 17).mul(s2).add(1.0 / 15).mul(s2).add(1.0 / 13).mul(s2).add(1.0 / 11)
                    .mul(s2).add(1.0 / 9).mul(s2).add(1.0 / 7).mul(s2).add(1.0 / 5).mul(s2).add(1.0 / 3);
            DoubleVector series = t.mul(s2).mul(sv).add(sv);
            DoubleVector log = ed.mul(InverseNormal.LN2_HI).add(ed.mul(InverseNormal.LN2_LO).add(series.mul(2.0)));
            log.neg().lanewise(VectorOperators.SQRT).intoArray(out, i);
        }
    }

    /** Pass 4: the signed tail rational functions of dense roots, in place. */
    private static void tailValues(long[] bits, int len, double[] rts) {
        for (int i = 0; i < len; i += 4) {
            DoubleVector rt = DoubleVector.fromArray(D, rts, i);
            DoubleVector r1 = rt.sub(1.6);
            DoubleVector z = DoubleVector.broadcast(D, InverseNormal.C7).mul(r1).add(InverseNormal.C6)
                    .mul(r1).add(InverseNormal.C5).mul(r1).add(InverseNormal.C4).mul(r1).add(InverseNormal.C3)
                    .mul(r1).add(InverseNormal.C2).mul(r1).add(InverseNormal.C1).mul(r1).add(InverseNormal.C0)
                    .div(DoubleVector.broadcast(D, InverseNormal.D7).mul(r1).add(InverseNormal.D6)
                    .mul(r1).add(InverseNormal.D5).mul(r1).add(InverseNormal.D4).mul(r1).add(InverseNormal.D3)
                    .mul(r1).add(InverseNormal.D2).mul(r1).add(InverseNormal.D1).mul(r1).add(1.0));
            VectorMask<Double> far = rt.compare(VectorOperators.GT, 5.0);
            if (far.anyTrue()) {
                DoubleVector r2 = rt.sub(5.0);
                DoubleVector zFar = DoubleVector.broadcast(D, InverseNormal.E7).mul(r2).add(InverseNormal.E6)
                        .mul(r2).add(InverseNormal.E5).mul(r2).add(InverseNormal.E4).mul(r2).add(InverseNormal.E3)
                        .mul(r2).add(InverseNormal.E2).mul(r2).add(InverseNormal.E1).mul(r2).add(InverseNormal.E0)
                        .div(DoubleVector.broadcast(D, InverseNormal.F7).mul(r2).add(InverseNormal.F6)
                        .mul(r2).add(InverseNormal.F5).mul(r2).add(InverseNormal.F4).mul(r2).add(InverseNormal.F3)
                        .mul(r2).add(InverseNormal.F2).mul(r2).add(InverseNormal.F1).mul(r2).add(1.0));
                z = z.blend(zFar, far);
            }
            // p < 0.5 exactly when the top bit of the lane's bits is clear: negate there (flip the sign bit)
            LongVector flip = LongVector.fromArray(L, bits, i).lanewise(VectorOperators.NOT).and(Long.MIN_VALUE);
            z.reinterpretAsLongs().lanewise(VectorOperators.XOR, flip).reinterpretAsDoubles().intoArray(rts, i);
        }
    }

    /**
     * Four applicants per step, the scalar rule's operations lane by lane. The moves leave the loop as 0/1
     * lanes (the sign bit of a blend of +0.0 and −0.0, shifted down) read one lane at a time: a mask's
     * {@code toLong} is not an intrinsic on JDK 17.
     */
    @Override
    public int game(double[] x, double[] noise, int from, int to, double tau, double eps, double lo, double hi,
                    double unitCost, double scale, double control, double[] scoreY, double[] burden, byte[] moved) {
        boolean unlimited = Double.isInfinite(control);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector negZero = DoubleVector.broadcast(D, -0.0);
        DoubleVector vtau = DoubleVector.broadcast(D, tau);
        DoubleVector vlo = DoubleVector.broadcast(D, lo);
        DoubleVector vhi = DoubleVector.broadcast(D, hi);
        DoubleVector fixedTarget = vtau.max(vlo).min(vhi);
        DoubleVector unlimitedCost = DoubleVector.broadcast(D, UNLIMITED_COST);
        int whole = from + ((to - from) & ~3);
        int count = 0;
        for (int i = from; i < whole; i += 4) {
            DoubleVector xv = DoubleVector.fromArray(D, x, i);
            DoubleVector target = noise == null ? fixedTarget
                    : vtau.add(DoubleVector.fromArray(D, noise, i)).max(vlo).min(vhi);
            DoubleVector costX = xv.mul(unitCost).mul(scale);
            DoubleVector change = target.mul(unitCost).mul(scale).sub(costX);
            DoubleVector maxCost = unlimited ? unlimitedCost : xv.add(control).mul(unitCost).mul(scale).sub(costX);
            DoubleVector com = zero.blend(one, target.compare(VectorOperators.GE, vtau)).sub(change).sub(eps);
            VectorMask<Double> below = xv.compare(VectorOperators.LT, vtau);
            VectorMask<Double> move = below.and(com.compare(VectorOperators.GE, 0.0))
                    .and(com.compare(VectorOperators.LE, 1.0))
                    .and(change.compare(VectorOperators.LT, maxCost.add(COST_TOLERANCE)));
            zero.blend(change, below).intoArray(burden, i);
            xv.blend(target, move).intoArray(scoreY, i);
            LongVector m = zero.blend(negZero, move).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63);
            long m0 = m.lane(0);
            long m1 = m.lane(1);
            long m2 = m.lane(2);
            long m3 = m.lane(3);
            moved[i] = (byte) m0;
            moved[i + 1] = (byte) m1;
            moved[i + 2] = (byte) m2;
            moved[i + 3] = (byte) m3;
            count += (int) (m0 + m1 + m2 + m3);
        }
        return count + ScalarKernels.gameScalar(x, noise, whole, to, tau, eps, lo, hi, unitCost, scale, control,
                scoreY, burden, moved);
    }

    /**
     * {@link #game}'s loop with each lane's unit cost and subsidy chosen by its position (lane position
     * minus the split, as an exact double, is negative in group 0): the same operations on the same
     * operands as the group's own run, so the same bits.
     */
    @Override
    public int gameRound(double[] x, double[] noise, int n, int split, double tau, double eps, double lo, double hi,
                         double unitCost0, double scale0, double unitCost1, double scale1, double control,
                         double[] scoreY, double[] burden, byte[] moved) {
        boolean unlimited = Double.isInfinite(control);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector negZero = DoubleVector.broadcast(D, -0.0);
        DoubleVector vtau = DoubleVector.broadcast(D, tau);
        DoubleVector vlo = DoubleVector.broadcast(D, lo);
        DoubleVector vhi = DoubleVector.broadcast(D, hi);
        DoubleVector fixedTarget = vtau.max(vlo).min(vhi);
        DoubleVector unlimitedCost = DoubleVector.broadcast(D, UNLIMITED_COST);
        DoubleVector unit0 = DoubleVector.broadcast(D, unitCost0);
        DoubleVector unit1 = DoubleVector.broadcast(D, unitCost1);
        DoubleVector sub0 = DoubleVector.broadcast(D, scale0);
        DoubleVector sub1 = DoubleVector.broadcast(D, scale1);
        DoubleVector lanes = DoubleVector.fromArray(D, LANE_POSITIONS, 0);
        int whole = n & ~3;
        int count = 0;
        for (int i = 0; i < whole; i += 4) {
            VectorMask<Double> second = lanes.add(i - split).compare(VectorOperators.GE, 0.0);
            DoubleVector unitCost = unit0.blend(unit1, second);
            DoubleVector scale = sub0.blend(sub1, second);
            DoubleVector xv = DoubleVector.fromArray(D, x, i);
            DoubleVector target = noise == null ? fixedTarget
                    : vtau.add(DoubleVector.fromArray(D, noise, i)).max(vlo).min(vhi);
            DoubleVector costX = xv.mul(unitCost).mul(scale);
            DoubleVector change = target.mul(unitCost).mul(scale).sub(costX);
            DoubleVector maxCost = unlimited ? unlimitedCost : xv.add(control).mul(unitCost).mul(scale).sub(costX);
            DoubleVector com = zero.blend(one, target.compare(VectorOperators.GE, vtau)).sub(change).sub(eps);
            VectorMask<Double> below = xv.compare(VectorOperators.LT, vtau);
            VectorMask<Double> move = below.and(com.compare(VectorOperators.GE, 0.0))
                    .and(com.compare(VectorOperators.LE, 1.0))
                    .and(change.compare(VectorOperators.LT, maxCost.add(COST_TOLERANCE)));
            zero.blend(change, below).intoArray(burden, i);
            xv.blend(target, move).intoArray(scoreY, i);
            LongVector m = zero.blend(negZero, move).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63);
            long m0 = m.lane(0);
            long m1 = m.lane(1);
            long m2 = m.lane(2);
            long m3 = m.lane(3);
            moved[i] = (byte) m0;
            moved[i + 1] = (byte) m1;
            moved[i + 2] = (byte) m2;
            moved[i + 3] = (byte) m3;
            count += (int) (m0 + m1 + m2 + m3);
        }
        int mid = Math.max(whole, split);
        return count + ScalarKernels.gameScalar(x, noise, whole, mid, tau, eps, lo, hi, unitCost0, scale0, control,
                scoreY, burden, moved)
                + ScalarKernels.gameScalar(x, noise, mid, n, tau, eps, lo, hi, unitCost1, scale1, control,
                scoreY, burden, moved);
    }

    /**
     * Eight applicants per iteration as two vectors; each vector's eligibility mask becomes 0/1 lanes (the
     * sign bit of a blend of +0.0 and −0.0), shifted to bytes 0–3 and OR-reduced into a word, stored eight
     * bytes at once (a mask to bits, {@code VectorMask.toLong}, is not an intrinsic on JDK 17).
     */
    @Override
    public void scores(double[] z, int zOff, int n, double mu, double sigma, double lo, double hi, double threshold,
                       double[] original, double[] observed, byte[] eligible, int off) {
        DoubleVector vmu = DoubleVector.broadcast(D, mu);
        DoubleVector vsigma = DoubleVector.broadcast(D, sigma);
        DoubleVector vlo = DoubleVector.broadcast(D, lo);
        DoubleVector vhi = DoubleVector.broadcast(D, hi);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector negZero = DoubleVector.broadcast(D, -0.0);
        LongVector shifts = LongVector.fromArray(L, BYTE_SHIFTS, 0);
        int whole = n & ~7;
        for (int i = 0; i < whole; i += 8) {
            DoubleVector sa = vmu.add(vsigma.mul(DoubleVector.fromArray(D, z, zOff + i))).max(vlo).min(vhi);
            DoubleVector sb = vmu.add(vsigma.mul(DoubleVector.fromArray(D, z, zOff + i + 4))).max(vlo).min(vhi);
            sa.intoArray(original, off + i);
            sb.intoArray(original, off + i + 4);
            sa.intoArray(observed, off + i);
            sb.intoArray(observed, off + i + 4);
            long wa = zero.blend(negZero, sa.compare(VectorOperators.GE, threshold)).reinterpretAsLongs()
                    .lanewise(VectorOperators.LSHR, 63).lanewise(VectorOperators.LSHL, shifts)
                    .reduceLanes(VectorOperators.OR);
            long wb = zero.blend(negZero, sb.compare(VectorOperators.GE, threshold)).reinterpretAsLongs()
                    .lanewise(VectorOperators.LSHR, 63).lanewise(VectorOperators.LSHL, shifts)
                    .reduceLanes(VectorOperators.OR);
            ByteWords.set(eligible, off + i, wa | (wb << 32));
        }
        ScalarKernels.scoresScalar(z, zOff, whole, n, mu, sigma, lo, hi, threshold, original, observed, eligible, off);
    }

    /**
     * {@link #scores}' loop with each lane's mean, deviation and true threshold chosen by its position, as in
     * {@link #gameRound}; then one vector of four where at least four are left, so a round of 20 has no
     * scalar tail.
     */
    @Override
    public void scoresRound(double[] z, int zOff, int n, int split, double mu0, double sigma0, double threshold0,
                            double mu1, double sigma1, double threshold1, double lo, double hi, double[] original,
                            double[] observed, byte[] eligible, int off) {
        DoubleVector mean0 = DoubleVector.broadcast(D, mu0);
        DoubleVector mean1 = DoubleVector.broadcast(D, mu1);
        DoubleVector dev0 = DoubleVector.broadcast(D, sigma0);
        DoubleVector dev1 = DoubleVector.broadcast(D, sigma1);
        DoubleVector thr0 = DoubleVector.broadcast(D, threshold0);
        DoubleVector thr1 = DoubleVector.broadcast(D, threshold1);
        DoubleVector vlo = DoubleVector.broadcast(D, lo);
        DoubleVector vhi = DoubleVector.broadcast(D, hi);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector negZero = DoubleVector.broadcast(D, -0.0);
        LongVector shifts = LongVector.fromArray(L, BYTE_SHIFTS, 0);
        DoubleVector lanes = DoubleVector.fromArray(D, LANE_POSITIONS, 0);
        int whole = n & ~7;
        int i = 0;
        for (; i < whole; i += 8) {
            DoubleVector posA = lanes.add(i - split);
            VectorMask<Double> secondA = posA.compare(VectorOperators.GE, 0.0);
            VectorMask<Double> secondB = posA.compare(VectorOperators.GE, -4.0);
            DoubleVector sa = mean0.blend(mean1, secondA).add(dev0.blend(dev1, secondA)
                    .mul(DoubleVector.fromArray(D, z, zOff + i))).max(vlo).min(vhi);
            DoubleVector sb = mean0.blend(mean1, secondB).add(dev0.blend(dev1, secondB)
                    .mul(DoubleVector.fromArray(D, z, zOff + i + 4))).max(vlo).min(vhi);
            sa.intoArray(original, off + i);
            sb.intoArray(original, off + i + 4);
            sa.intoArray(observed, off + i);
            sb.intoArray(observed, off + i + 4);
            long wa = zero.blend(negZero, sa.compare(VectorOperators.GE, thr0.blend(thr1, secondA)))
                    .reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63).lanewise(VectorOperators.LSHL, shifts)
                    .reduceLanes(VectorOperators.OR);
            long wb = zero.blend(negZero, sb.compare(VectorOperators.GE, thr0.blend(thr1, secondB)))
                    .reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63).lanewise(VectorOperators.LSHL, shifts)
                    .reduceLanes(VectorOperators.OR);
            ByteWords.set(eligible, off + i, wa | (wb << 32));
        }
        if (i + 4 <= n) {
            scoresFour(z, zOff, i, split, mu0, sigma0, threshold0, mu1, sigma1, threshold1, lo, hi, original,
                    observed, eligible, off);
            i += 4;
        }
        int mid = Math.max(i, split);
        ScalarKernels.scoresScalar(z, zOff, i, mid, mu0, sigma0, lo, hi, threshold0, original, observed, eligible,
                off);
        ScalarKernels.scoresScalar(z, zOff, mid, n, mu1, sigma1, lo, hi, threshold1, original, observed, eligible,
                off);
    }

    /** Eight applicants per iteration, their selections packed into a word as in {@link #scores}. */
    @Override
    public int select(double[] scoreY, byte[] eligible, int n, double tau, double eps, double[] u, byte[] selected,
                      byte[] groundTruth) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector negZero = DoubleVector.broadcast(D, -0.0);
        LongVector shifts = LongVector.fromArray(L, BYTE_SHIFTS, 0);
        int whole = n & ~7;
        long count = 0;
        for (int i = 0; i < whole; i += 8) {
            VectorMask<Double> a = DoubleVector.fromArray(D, u, i).compare(VectorOperators.LT, eps)
                    .or(DoubleVector.fromArray(D, scoreY, i).compare(VectorOperators.GE, tau));
            VectorMask<Double> b = DoubleVector.fromArray(D, u, i + 4).compare(VectorOperators.LT, eps)
                    .or(DoubleVector.fromArray(D, scoreY, i + 4).compare(VectorOperators.GE, tau));
            long wa = zero.blend(negZero, a).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63)
                    .lanewise(VectorOperators.LSHL, shifts).reduceLanes(VectorOperators.OR);
            long wb = zero.blend(negZero, b).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63)
                    .lanewise(VectorOperators.LSHL, shifts).reduceLanes(VectorOperators.OR);
            count += ScalarKernels.selectWord(wa | (wb << 32), eligible, i, selected, groundTruth);
        }
        return (int) count + ScalarKernels.selectScalar(scoreY, eligible, whole, n, tau, eps, u, selected,
                groundTruth);
    }

    /**
     * {@link #scoresRound} of applicants {@code [i, i+4)} as one vector. A method of its own, taking and
     * returning no vector, so that no vector of the caller's loop is live into a branch C2 may compile as
     * never taken: the same step written in line in {@link #select} boxed a vector on every call there
     * (48 bytes a call, seen with {@code -prof gc}; that step was dropped, {@code results/ab-session11/}).
     */
    private static void scoresFour(double[] z, int zOff, int i, int split, double mu0, double sigma0,
                                   double threshold0, double mu1, double sigma1, double threshold1, double lo,
                                   double hi, double[] original, double[] observed, byte[] eligible, int off) {
        VectorMask<Double> second = DoubleVector.fromArray(D, LANE_POSITIONS, 0).add(i - split)
                .compare(VectorOperators.GE, 0.0);
        DoubleVector s = DoubleVector.broadcast(D, mu0).blend(DoubleVector.broadcast(D, mu1), second)
                .add(DoubleVector.broadcast(D, sigma0).blend(DoubleVector.broadcast(D, sigma1), second)
                        .mul(DoubleVector.fromArray(D, z, zOff + i))).max(lo).min(hi);
        s.intoArray(original, off + i);
        s.intoArray(observed, off + i);
        LongVector e = DoubleVector.zero(D).blend(DoubleVector.broadcast(D, -0.0), s.compare(VectorOperators.GE,
                        DoubleVector.broadcast(D, threshold0).blend(DoubleVector.broadcast(D, threshold1), second)))
                .reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63);
        eligible[off + i] = (byte) e.lane(0);
        eligible[off + i + 1] = (byte) e.lane(1);
        eligible[off + i + 2] = (byte) e.lane(2);
        eligible[off + i + 3] = (byte) e.lane(3);
    }

    @Override
    public String name() {
        return "panama (Vector API, " + D.vectorBitSize() + "-bit)";
    }
}
