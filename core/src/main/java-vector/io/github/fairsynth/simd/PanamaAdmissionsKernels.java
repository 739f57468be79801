package io.github.fairsynth.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static io.github.fairsynth.simd.Kernels.COST_TOLERANCE;
import static io.github.fairsynth.simd.Kernels.UNLIMITED_COST;

/**
 * The admissions kernels of {@link PanamaKernels}: gaming, scores and selection, four 64-bit lanes at a
 * time, with the same IEEE operations in the same order as {@link ScalarKernels}. Each takes and returns
 * arrays and scalars only, so no vector crosses a call.
 */
final class PanamaAdmissionsKernels {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_256;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    /** Shifts that put lane {@code j}'s 0/1 in byte {@code j} of a word. */
    private static final long[] BYTE_SHIFTS = {0, 8, 16, 24};
    /** Lane positions 0–3 as doubles: with a round's split subtracted, negative exactly in group 0's lanes. */
    private static final double[] LANE_POSITIONS = {0, 1, 2, 3};

    private PanamaAdmissionsKernels() {
    }

    /**
     * Four applicants per step, the scalar rule's operations lane by lane. The moves leave the loop as 0/1
     * lanes (the sign bit of a blend of +0.0 and −0.0, shifted down) read one lane at a time: a mask's
     * {@code toLong} is not an intrinsic on JDK 17.
     */
    static int game(double[] x, double[] noise, int from, int to, double tau, double eps, double lo, double hi,
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
    static int gameRound(double[] x, double[] noise, int n, int split, double tau, double eps, double lo, double hi,
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
    static void scores(double[] z, int zOff, int n, double mu, double sigma, double lo, double hi, double threshold,
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
    static void scoresRound(double[] z, int zOff, int n, int split, double mu0, double sigma0, double threshold0,
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
    static int select(double[] scoreY, byte[] eligible, int n, double tau, double eps, double[] u, byte[] selected,
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
     * (48 bytes a call, seen with {@code -prof gc}; that variant was not kept).
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
}
