package io.github.fairsynth.simd;

import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels: four 64-bit lanes (256 bits, AVX2); the admissions kernels are in
 * {@link PanamaAdmissionsKernels}. The same IEEE operations in the same order as
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

    @Override
    public int game(double[] x, double[] noise, int from, int to, double tau, double eps, double lo, double hi,
                    double unitCost, double scale, double control, double[] scoreY, double[] burden, byte[] moved) {
        return PanamaAdmissionsKernels.game(x, noise, from, to, tau, eps, lo, hi, unitCost, scale, control, scoreY,
                burden, moved);
    }

    @Override
    public int gameRound(double[] x, double[] noise, int n, int split, double tau, double eps, double lo, double hi,
                         double unitCost0, double scale0, double unitCost1, double scale1, double control,
                         double[] scoreY, double[] burden, byte[] moved) {
        return PanamaAdmissionsKernels.gameRound(x, noise, n, split, tau, eps, lo, hi, unitCost0, scale0, unitCost1,
                scale1, control, scoreY, burden, moved);
    }

    @Override
    public void scores(double[] z, int zOff, int n, double mu, double sigma, double lo, double hi, double threshold,
                       double[] original, double[] observed, byte[] eligible, int off) {
        PanamaAdmissionsKernels.scores(z, zOff, n, mu, sigma, lo, hi, threshold, original, observed, eligible, off);
    }

    @Override
    public void scoresRound(double[] z, int zOff, int n, int split, double mu0, double sigma0, double threshold0,
                            double mu1, double sigma1, double threshold1, double lo, double hi, double[] original,
                            double[] observed, byte[] eligible, int off) {
        PanamaAdmissionsKernels.scoresRound(z, zOff, n, split, mu0, sigma0, threshold0, mu1, sigma1, threshold1, lo,
                hi, original, observed, eligible, off);
    }

    @Override
    public int select(double[] scoreY, byte[] eligible, int n, double tau, double eps, double[] u, byte[] selected,
                      byte[] groundTruth) {
        return PanamaAdmissionsKernels.select(scoreY, eligible, n, tau, eps, u, selected, groundTruth);
    }

    @Override
    public String name() {
        return "panama (Vector API, " + D.vectorBitSize() + "-bit)";
    }
}
