package io.github.fairsynth.simd;

import io.github.fairsynth.rng.InverseNormal;
import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;

import java.util.Arrays;

/** The default kernels: plain Java, the reference every other implementation must match bit for bit. */
public final class ScalarKernels implements Kernels {
    /** The one instance. */
    public static final ScalarKernels INSTANCE = new ScalarKernels();
    private static final int CHUNK = 64;

    private ScalarKernels() {
    }

    @Override
    public void fillUniform(Xoshiro256PlusPlusX4 rng, double[] dst, int off, int len, double lo, double hi) {
        rng.fillUniform(dst, off, len, lo, hi);
    }

    @Override
    public void fillLongs(Xoshiro256PlusPlusX4 rng, long[] dst, int off, int len) {
        rng.fillLongs(dst, off, len);
    }

    @Override
    public void linear(double[] x, double[] w, int dim, int groups, int rows, double[] y) {
        Arrays.fill(y, 0, groups * rows, 0.0);
        for (int r0 = 0; r0 < rows; r0 += CHUNK) {
            for (int g = 0; g < groups; g++) {
                int yo = g * rows + r0;
                for (int j = 0; j < dim; j++) {
                    double wjg = w[j * groups + g];
                    int xo = j * rows + r0;
                    for (int r = 0; r < CHUNK; r++) {
                        y[yo + r] = y[yo + r] + x[xo + r] * wjg;
                    }
                }
            }
        }
    }

    @Override
    public void groupStats(double[] y, int groups, int rows, int meanOff, int minOff, int maxOff) {
        for (int r = 0; r < rows; r++) {
            double v = y[r];
            y[meanOff + r] = 0.0 + v;
            y[minOff + r] = v;
            y[maxOff + r] = v;
        }
        for (int g = 1; g < groups; g++) {
            int yo = g * rows;
            for (int r = 0; r < rows; r++) {
                double v = y[yo + r];
                y[meanOff + r] += v;
                y[minOff + r] = Math.min(y[minOff + r], v);
                y[maxOff + r] = Math.max(y[maxOff + r], v);
            }
        }
        double n = groups;
        for (int r = 0; r < rows; r++) {
            y[meanOff + r] = y[meanOff + r] / n;
        }
    }

    @Override
    public void normals(long[] bits, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = InverseNormal.quantile(InverseNormal.openUnit(bits[i]));
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
