package io.github.fairsynth.analysis;

/**
 * Count, means and centred co-moment matrix {@code M = Σ (z - mean)(z - mean)ᵀ} of vectors {@code z} of
 * length {@code k} (features then target). Merged with the pairwise formula of Chan, Golub and LeVeque:
 * {@code M = Ma + Mb + δδᵀ·na·nb/n}. Only the upper triangle of {@code M} is kept up to date.
 */
final class Moments {
    final int k;
    long n;
    final double[] mean;
    final double[] m; // k x k row-major, upper triangle
    private final double[] delta; // merge's scratch

    Moments(int k) {
        this.k = k;
        mean = new double[k];
        m = new double[k * k];
        delta = new double[k];
    }

    void clear() {
        n = 0;
        java.util.Arrays.fill(mean, 0.0);
        java.util.Arrays.fill(m, 0.0);
    }

    /**
     * Sets this to the exact moments of {@code rows} vectors stored row-major in {@code z} (two passes:
     * means, then centred cross-products).
     */
    void setFrom(double[] z, int rows) {
        setFrom(z, 0, rows);
    }

    /**
     * Sets this to the exact moments of the {@code rows} vectors stored row-major in {@code z} from vector
     * {@code first} on (two passes: means, then centred cross-products); centres those vectors in place.
     */
    void setFrom(double[] z, int first, int rows) {
        clear();
        n = rows;
        if (rows == 0) {
            return;
        }
        int end = first + rows;
        for (int r = first; r < end; r++) {
            int o = r * k;
            for (int a = 0; a < k; a++) {
                mean[a] += z[o + a];
            }
        }
        for (int a = 0; a < k; a++) {
            mean[a] /= rows;
        }
        for (int r = first; r < end; r++) {
            int o = r * k;
            for (int a = 0; a < k; a++) {
                z[o + a] -= mean[a];
            }
        }
        for (int r = first; r < end; r++) {
            int o = r * k;
            for (int a = 0; a < k; a++) {
                double za = z[o + a];
                int row = a * k;
                for (int b = a; b < k; b++) {
                    m[row + b] += za * z[o + b];
                }
            }
        }
    }

    /** Adds another set of moments (of other rows) to this one. */
    void merge(Moments o) {
        if (o.n == 0) {
            return;
        }
        if (n == 0) {
            n = o.n;
            System.arraycopy(o.mean, 0, mean, 0, k);
            System.arraycopy(o.m, 0, m, 0, k * k);
            return;
        }
        double na = n;
        double nb = o.n;
        double nn = na + nb;
        double f = na * nb / nn;
        for (int a = 0; a < k; a++) {
            delta[a] = o.mean[a] - mean[a];
        }
        for (int a = 0; a < k; a++) {
            int row = a * k;
            for (int b = a; b < k; b++) {
                m[row + b] += o.m[row + b] + delta[a] * delta[b] * f;
            }
            mean[a] += delta[a] * (nb / nn);
        }
        n += o.n;
    }

    /** @return M[a][b] for any a, b (reads the upper triangle) */
    double get(int a, int b) {
        return a <= b ? m[a * k + b] : m[b * k + a];
    }
}
