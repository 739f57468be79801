package io.github.fairsynth.simd;

import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;

import java.util.Arrays;

/** The default kernels: plain Java, the reference every other implementation must match bit for bit. */
public final class ScalarKernels implements Kernels {
    /** The one instance. */
    public static final ScalarKernels INSTANCE = new ScalarKernels();
    private static final int CHUNK = 64;
    /** {@link #UNSELECTED} in every byte of a word. */
    static final long UNSELECTED_BYTES = 0x0101_0101_0101_0101L * UNSELECTED;

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
    public int game(double[] x, double[] noise, int from, int to, double tau, double eps, double lo, double hi,
                    double unitCost, double scale, double control, double[] scoreY, double[] burden, byte[] moved) {
        return gameScalar(x, noise, from, to, tau, eps, lo, hi, unitCost, scale, control, scoreY, burden, moved);
    }

    /**
     * {@link #game}, the reference loop (also the vector kernels' tail). Branch-free: whether a score is
     * below tau is a coin flip to a branch predictor, so every candidate move is computed and kept by bit
     * masks (0 or all ones), never by a jump.
     */
    static int gameScalar(double[] x, double[] noise, int from, int to, double tau, double eps, double lo,
                          double hi, double unitCost, double scale, double control, double[] scoreY,
                          double[] burden, byte[] moved) {
        boolean unlimited = Double.isInfinite(control);
        double fixedTarget = Math.min(Math.max(tau, lo), hi);
        int count = 0;
        for (int i = from; i < to; i++) {
            double xi = x[i];
            double target = noise != null ? Math.min(Math.max(tau + noise[i], lo), hi) : fixedTarget;
            double costX = scale * (xi * unitCost);
            double change = scale * (target * unitCost) - costX;
            double maxCost = unlimited ? UNLIMITED_COST : scale * ((xi + control) * unitCost) - costX;
            double com = (target >= tau ? 1.0 : 0.0) - change - eps;
            long below = -(long) (xi < tau ? 1 : 0);
            long move = below & -(long) ((0 <= com ? 1 : 0) & (com <= 1 ? 1 : 0)
                    & (change < maxCost + COST_TOLERANCE ? 1 : 0));
            long xb = Double.doubleToRawLongBits(xi);
            burden[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(change) & below);
            scoreY[i] = Double.longBitsToDouble(xb ^ ((xb ^ Double.doubleToRawLongBits(target)) & move));
            moved[i] = (byte) (move & 1);
            count -= (int) move;
        }
        return count;
    }

    @Override
    public int gameRound(double[] x, double[] noise, int n, int split, double tau, double eps, double lo, double hi,
                         double unitCost0, double scale0, double unitCost1, double scale1, double control,
                         double[] scoreY, double[] burden, byte[] moved) {
        return gameScalar(x, noise, 0, split, tau, eps, lo, hi, unitCost0, scale0, control, scoreY, burden, moved)
                + gameScalar(x, noise, split, n, tau, eps, lo, hi, unitCost1, scale1, control, scoreY, burden, moved);
    }

    @Override
    public void scoresRound(double[] z, int zOff, int n, int split, double mu0, double sigma0, double threshold0,
                            double mu1, double sigma1, double threshold1, double lo, double hi, double[] original,
                            double[] observed, byte[] eligible, int off) {
        scoresScalar(z, zOff, 0, split, mu0, sigma0, lo, hi, threshold0, original, observed, eligible, off);
        scoresScalar(z, zOff, split, n, mu1, sigma1, lo, hi, threshold1, original, observed, eligible, off);
    }

    @Override
    public void scores(double[] z, int zOff, int n, double mu, double sigma, double lo, double hi, double threshold,
                       double[] original, double[] observed, byte[] eligible, int off) {
        scoresScalar(z, zOff, 0, n, mu, sigma, lo, hi, threshold, original, observed, eligible, off);
    }

    /** {@link #scores} of applicants {@code [from, to)}: the reference loop (also the vector kernels' tail). */
    static void scoresScalar(double[] z, int zOff, int from, int to, double mu, double sigma, double lo, double hi,
                             double threshold, double[] original, double[] observed, byte[] eligible, int off) {
        for (int i = from; i < to; i++) {
            double s = Math.min(Math.max(mu + sigma * z[zOff + i], lo), hi);
            original[off + i] = s;
            observed[off + i] = s;
            eligible[off + i] = (byte) (s >= threshold ? 1 : 0);
        }
    }

    /**
     * {@link Kernels#select}: eight applicants at a time, their eight 0/1 selections packed into one word
     * (byte {@code j} of the word is applicant {@code i + j}), from which the ground truth of all eight is made
     * with word operations and stored at once; the last {@code n mod 8} one by one.
     */
    @Override
    public int select(double[] scoreY, byte[] eligible, int n, double tau, double eps, double[] u, byte[] selected,
                      byte[] groundTruth) {
        int whole = n & ~7;
        long count = 0;
        for (int i = 0; i < whole; i += 8) {
            long word = 0;
            for (int j = 0; j < 8; j++) {
                long s = (u[i + j] < eps ? 1 : 0) | (scoreY[i + j] >= tau ? 1 : 0);
                word |= s << (8 * j);
            }
            count += selectWord(word, eligible, i, selected, groundTruth);
        }
        return (int) count + selectScalar(scoreY, eligible, whole, n, tau, eps, u, selected, groundTruth);
    }

    /**
     * Stores the selections of applicants {@code [i, i+8)}, packed one per byte (0 or 1) in {@code word}, and
     * their ground truth: each byte of {@code word · 0xFF} is 0xFF where selected, 0 where not.
     *
     * @return how many of the eight were selected
     */
    static int selectWord(long word, byte[] eligible, int i, byte[] selected, byte[] groundTruth) {
        long mask = word * 0xFF;
        long el = ByteWords.get(eligible, i);
        ByteWords.set(selected, i, word);
        ByteWords.set(groundTruth, i, (el & mask) | (UNSELECTED_BYTES & ~mask));
        return Long.bitCount(word);
    }

    /** {@link #select} of applicants {@code [from, to)}, one at a time: the reference loop. */
    static int selectScalar(double[] scoreY, byte[] eligible, int from, int to, double tau, double eps, double[] u,
                            byte[] selected, byte[] groundTruth) {
        int count = 0;
        for (int i = from; i < to; i++) {
            int s = (u[i] < eps ? 1 : 0) | (scoreY[i] >= tau ? 1 : 0);
            selected[i] = (byte) s;
            // eligibility (0/1) when selected, UNSELECTED when not: no branch
            groundTruth[i] = (byte) ((eligible[i] & -s) | (UNSELECTED & (s - 1)));
            count += s;
        }
        return count;
    }

    @Override
    public String name() {
        return "scalar";
    }
}
