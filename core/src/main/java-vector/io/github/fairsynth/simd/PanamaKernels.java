package io.github.fairsynth.simd;

import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
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

    /** Fails (and the caller falls back to scalar) where 256-bit vectors are not the preferred shape. */
    public PanamaKernels() {
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit vectors on this machine");
        }
    }

    @Override
    public void fillUniform(Xoshiro256PlusPlusX4 rng, double[] dst, int off, int len, double lo, double hi) {
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
            DoubleVector u = r.lanewise(VectorOperators.LSHR, 12).lanewise(VectorOperators.OR, ONE_BITS)
                    .reinterpretAsDoubles().sub(one);
            vlo.add(vspan.mul(u)).min(vhi).intoArray(dst, off + i);
        }
        a.intoArray(s, 0);
        b.intoArray(s, 4);
        c.intoArray(s, 8);
        d.intoArray(s, 12);
        if (whole < len) {
            rng.fillUniform(dst, off + whole, len - whole, lo, hi);
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
    public String name() {
        return "panama (Vector API, " + D.vectorBitSize() + "-bit)";
    }
}
