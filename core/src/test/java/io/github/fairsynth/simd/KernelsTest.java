package io.github.fairsynth.simd;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;
import io.github.fairsynth.synth.SynthGenerator;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scalar and vector kernels give bit-identical results (the surefire run makes the module readable). */
class KernelsTest {
    private static Kernels panama() {
        Kernels k = Kernels.Holder.panama();
        assertNotNull(k, "the Vector API kernels must load in this test run (surefire adds jdk.incubator.vector)");
        return k;
    }

    @Test
    void startUpChoosesPanamaHereAndScalarWhenForced() {
        assertTrue(Kernels.get().name().startsWith("panama"), Kernels.get().name());
        String old = System.getProperty("fairsynth.simd");
        try {
            System.setProperty("fairsynth.simd", "false");
            assertSame(ScalarKernels.INSTANCE, Kernels.Holder.select());
        } finally {
            if (old == null) {
                System.clearProperty("fairsynth.simd");
            } else {
                System.setProperty("fairsynth.simd", old);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 5, 64, 1001, 4096 * 3})
    void uniformFillsAreIdentical(int len) {
        Kernels p = panama();
        SplittableRandom r = new SplittableRandom(len);
        for (int rep = 0; rep < 20; rep++) {
            long key = r.nextLong();
            double lo = rep % 3 == 0 ? 0 : r.nextDouble() * 10 - 5;
            double hi = rep % 3 == 0 ? 1 : lo + r.nextDouble() * (rep % 5 == 0 ? 0 : 1e3);
            Xoshiro256PlusPlusX4 a = new Xoshiro256PlusPlusX4(key);
            Xoshiro256PlusPlusX4 b = new Xoshiro256PlusPlusX4(key);
            double[] x = new double[len + 3];
            double[] y = new double[len + 3];
            ScalarKernels.INSTANCE.fillUniform(a, x, 3, len, lo, hi);
            p.fillUniform(b, y, 3, len, lo, hi);
            assertArrayEquals(x, y);
            assertArrayEquals(a.state(), b.state(), "streams advanced alike");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 5, 64, 1001, 4096})
    void longFillsAreIdentical(int len) {
        Kernels p = panama();
        for (long key = 0; key < 10; key++) {
            Xoshiro256PlusPlusX4 a = new Xoshiro256PlusPlusX4(key * 31 + len);
            Xoshiro256PlusPlusX4 b = new Xoshiro256PlusPlusX4(key * 31 + len);
            long[] x = new long[len + 2];
            long[] y = new long[len + 2];
            ScalarKernels.INSTANCE.fillLongs(a, x, 2, len);
            p.fillLongs(b, y, 2, len);
            assertArrayEquals(x, y);
            assertArrayEquals(a.state(), b.state(), "streams advanced alike");
        }
    }

    @Test
    void linearLabelsAreIdentical() {
        Kernels p = panama();
        SplittableRandom r = new SplittableRandom(3);
        for (int[] shape : new int[][] {{1, 1}, {20, 5}, {7, 3}, {100, 50}}) {
            int dim = shape[0];
            int groups = shape[1];
            int rows = 4096;
            double[] x = new double[dim * rows];
            double[] w = new double[dim * groups];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble() * 8 - 4;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextDouble() * 2e3 - 1e3;
            }
            double[] a = new double[groups * rows];
            double[] b = new double[groups * rows];
            ScalarKernels.INSTANCE.linear(x, w, dim, groups, rows, a);
            p.linear(x, w, dim, groups, rows, b);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), "index " + i);
            }
        }
    }

    /** Means, minima and maxima over groups, with signed zeros, NaN and infinities mixed in (sums of both infinities too). */
    @Test
    void groupStatsAreIdentical() {
        Kernels p = panama();
        SplittableRandom r = new SplittableRandom(4);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
        for (int groups : new int[] {1, 2, 5, 50}) {
            int rows = 4096;
            double[] a = new double[(groups + 3) * rows];
            for (int i = 0; i < groups * rows; i++) {
                a[i] = r.nextInt(50) == 0 ? special[r.nextInt(special.length)] : r.nextDouble() * 20 - 10;
            }
            double[] b = a.clone();
            int off = groups * rows;
            ScalarKernels.INSTANCE.groupStats(a, groups, rows, off, off + rows, off + 2 * rows);
            p.groupStats(b, groups, rows, off, off + rows, off + 2 * rows);
            for (int i = 0; i < a.length; i++) {
                // every bit, except a NaN's payload: which of two NaN operands an add returns depends on the
                // operand order the JIT picks, in either path (Double.doubleToLongBits makes all NaNs one)
                assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]), "groups " + groups + ", index " + i);
            }
        }
    }

    /**
     * The gaming rule over one group's run, at offsets and lengths that leave every tail length, with and
     * without threshold noise, limited and unlimited gaming, subsidised or not. Half the cases draw every
     * input from a grid of eighths (costs per unit powers of two), so scores equal to tau and a gaming margin
     * {@code com} of exactly 0 or 1 occur; the test checks that they do.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 5, 7, 20, 1001})
    void gamingIsIdentical(int len) {
        Kernels p = panama();
        SplittableRandom r = new SplittableRandom(len + 101);
        int[] onBoundary = new int[3]; // scores on tau, com exactly 0, com exactly 1
        for (int rep = 0, reps = len >= 1000 ? 1000 : 200; rep < reps; rep++) {
            boolean grid = rep % 2 == 0;
            int from = r.nextInt(4);
            int n = from + len;
            double[] x = new double[n];
            double[] noise = new double[n];
            gamingScores(r, grid, x, noise);
            double tau = unitEighth(r, grid);
            double eps = grid ? r.nextInt(3) / 8.0 : r.nextDouble() * 0.1;
            double unit = unitCost(r, grid);
            double scale = rep % 3 == 0 ? 0.75 : 1.0;
            double control = gamingControl(r, grid, rep);
            double[] useNoise = rep % 5 < 2 ? noise : null;
            double[] ys = new double[n];
            double[] yv = new double[n];
            double[] bs = new double[n];
            double[] bv = new double[n];
            byte[] ms = new byte[n];
            byte[] mv = new byte[n];
            int cs = ScalarKernels.INSTANCE.game(x, useNoise, from, n, tau, eps, 0, 1, unit, scale, control, ys, bs, ms);
            int cv = p.game(x, useNoise, from, n, tau, eps, 0, 1, unit, scale, control, yv, bv, mv);
            assertEquals(cs, cv);
            assertArrayEquals(ms, mv);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(ys[i]), Double.doubleToRawLongBits(yv[i]), "score " + i);
                assertEquals(Double.doubleToRawLongBits(bs[i]), Double.doubleToRawLongBits(bv[i]), "burden " + i);
                if (i >= from) {
                    double target = useNoise == null ? Math.min(Math.max(tau, 0), 1) : Math.min(Math.max(tau + noise[i], 0), 1);
                    double com = (target >= tau ? 1.0 : 0.0) - (scale * (target * unit) - scale * (x[i] * unit)) - eps;
                    onBoundary[0] += x[i] == tau ? 1 : 0;
                    onBoundary[1] += x[i] < tau && com == 0 ? 1 : 0;
                    onBoundary[2] += x[i] < tau && com == 1 ? 1 : 0;
                }
            }
        }
        if (len >= 1000) { // runs of 20 are too few to meet a margin of exactly 1
            assertTrue(onBoundary[0] > 0 && onBoundary[1] > 0 && onBoundary[2] > 0,
                    "the grid cases reach every boundary: " + java.util.Arrays.toString(onBoundary));
        }
    }

    /** @return a value in [0, 1]: on the grid of eighths (both ends included), or drawn freely */
    private static double unitEighth(SplittableRandom r, boolean grid) {
        return grid ? r.nextInt(9) / 8.0 : r.nextDouble();
    }

    /** @return n score normals: eighths in [-2, 2] on the grid (so scores meet thresholds and bounds), else N(0, 4) */
    private static double[] scoreNormals(SplittableRandom r, boolean grid, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = grid ? (r.nextInt(33) - 16) / 8.0 : r.nextGaussian() * 2;
        }
        return z;
    }

    /**
     * Observed scores and threshold noise for the gaming tests: on a grid of eighths (so scores meet tau and
     * the move's margin meets its bounds exactly) or drawn freely.
     */
    private static void gamingScores(SplittableRandom r, boolean grid, double[] x, double[] noise) {
        for (int i = 0; i < x.length; i++) {
            x[i] = unitEighth(r, grid);
            noise[i] = grid ? (r.nextInt(9) - 4) / 8.0 : r.nextGaussian() * 0.1;
        }
    }

    /** @return a gaming unit cost: a power of two over four on the grid, else in [0, 5) */
    private static double unitCost(SplittableRandom r, boolean grid) {
        return grid ? (1 << r.nextInt(6)) / 4.0 : r.nextDouble() * 5;
    }

    /** @return a gaming control: unlimited every fourth case, else a grid or free value below 0.3 */
    private static double gamingControl(SplittableRandom r, boolean grid, int rep) {
        return rep % 4 == 0 ? Double.POSITIVE_INFINITY : (grid ? r.nextInt(4) / 8.0 : r.nextDouble() * 0.3);
    }

    /**
     * Gaming a round of two groups in one call, at every split of rounds of every tail length: both kernels'
     * {@code gameRound} give the bits of one {@code game} call per group with that group's costs.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 12, 19, 20, 21, 40})
    void gamingARoundIsGamingEachGroup(int len) {
        Kernels p = panama();
        SplittableRandom r = new SplittableRandom(len + 303);
        for (int rep = 0; rep < 60; rep++) {
            boolean grid = rep % 2 == 0;
            double[] x = new double[len];
            double[] noise = new double[len];
            gamingScores(r, grid, x, noise);
            double tau = unitEighth(r, grid);
            double eps = grid ? r.nextInt(3) / 8.0 : r.nextDouble() * 0.1;
            double unit0 = unitCost(r, grid);
            double unit1 = unitCost(r, grid);
            double scale0 = rep % 3 == 0 ? 0.75 : 1.0;
            double scale1 = rep % 4 == 1 ? 0.5 : 1.0;
            double control = gamingControl(r, grid, rep);
            double[] useNoise = rep % 5 < 2 ? noise : null;
            for (int split = 0; split <= len; split++) {
                double[][] y = new double[3][len];
                double[][] b = new double[3][len];
                byte[][] m = new byte[3][len];
                int ref = ScalarKernels.INSTANCE.game(x, useNoise, 0, split, tau, eps, 0, 1, unit0, scale0, control,
                        y[0], b[0], m[0])
                        + ScalarKernels.INSTANCE.game(x, useNoise, split, len, tau, eps, 0, 1, unit1, scale1, control,
                        y[0], b[0], m[0]);
                int cs = ScalarKernels.INSTANCE.gameRound(x, useNoise, len, split, tau, eps, 0, 1, unit0, scale0,
                        unit1, scale1, control, y[1], b[1], m[1]);
                int cv = p.gameRound(x, useNoise, len, split, tau, eps, 0, 1, unit0, scale0, unit1, scale1, control,
                        y[2], b[2], m[2]);
                assertEquals(ref, cs, "scalar count, split " + split);
                assertEquals(ref, cv, "vector count, split " + split);
                for (int k = 1; k < 3; k++) {
                    assertArrayEquals(m[0], m[k], "moves, split " + split);
                    for (int i = 0; i < len; i++) {
                        assertEquals(Double.doubleToRawLongBits(y[0][i]), Double.doubleToRawLongBits(y[k][i]),
                                "score " + i + ", split " + split);
                        assertEquals(Double.doubleToRawLongBits(b[0][i]), Double.doubleToRawLongBits(b[k][i]),
                                "burden " + i + ", split " + split);
                    }
                }
            }
        }
    }

    /**
     * Scores of a round of two groups in one call, at every split of rounds of every tail length of the
     * eight- and four-wide steps, at offsets: both kernels' {@code scoresRound} give the bits of one
     * {@code scores} call per group with that group's parameters, and write nothing outside the round.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 16, 19, 20, 21, 28, 40})
    void scoresOfARoundAreScoresOfEachGroup(int len) {
        Kernels p = panama();
        SplittableRandom r = new SplittableRandom(len + 909);
        for (int rep = 0; rep < 40; rep++) {
            boolean grid = rep % 2 == 0;
            int zOff = r.nextInt(5);
            int off = r.nextInt(5);
            double[] z = scoreNormals(r, grid, zOff + len);
            double[] mu = {unitEighth(r, grid), unitEighth(r, grid)};
            double[] sigma = {grid ? r.nextInt(5) / 8.0 : r.nextDouble(), grid ? r.nextInt(5) / 8.0 : r.nextDouble()};
            double[] thr = {unitEighth(r, grid), unitEighth(r, grid)};
            for (int split = 0; split <= len; split++) {
                int size = off + len + 2;
                double[][] out = new double[6][size];
                byte[][] el = new byte[3][size];
                ScalarKernels.INSTANCE.scores(z, zOff, split, mu[0], sigma[0], 0, 1, thr[0], out[0], out[1], el[0],
                        off);
                ScalarKernels.INSTANCE.scores(z, zOff + split, len - split, mu[1], sigma[1], 0, 1, thr[1], out[0],
                        out[1], el[0], off + split);
                ScalarKernels.INSTANCE.scoresRound(z, zOff, len, split, mu[0], sigma[0], thr[0], mu[1], sigma[1],
                        thr[1], 0, 1, out[2], out[3], el[1], off);
                p.scoresRound(z, zOff, len, split, mu[0], sigma[0], thr[0], mu[1], sigma[1], thr[1], 0, 1, out[4],
                        out[5], el[2], off);
                for (int k = 1; k < 6; k++) {
                    for (int i = 0; i < size; i++) {
                        assertEquals(Double.doubleToRawLongBits(out[0][i]), Double.doubleToRawLongBits(out[k][i]),
                                "score " + i + " of output " + k + ", split " + split);
                    }
                }
                assertArrayEquals(el[0], el[1], "scalar eligibility, split " + split);
                assertArrayEquals(el[0], el[2], "vector eligibility, split " + split);
            }
        }
    }

    /**
     * Scores at every tail length of the eight-wide loop and at offsets into both arrays; half the cases on a
     * grid of eighths, so scores land exactly on the threshold and on both clip bounds (checked), and each
     * output is compared with the definition written out here.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 20, 1001})
    void scoresAreIdentical(int len) {
        Kernels p = panama();
        SplittableRandom r = new SplittableRandom(len + 7);
        int[] seen = new int[3]; // on the threshold, clipped low, clipped high
        for (int rep = 0; rep < 200; rep++) {
            boolean grid = rep % 2 == 0;
            int zOff = r.nextInt(5);
            int off = r.nextInt(5);
            double[] z = scoreNormals(r, grid, zOff + len);
            double mu = unitEighth(r, grid);
            double sigma = grid ? r.nextInt(5) / 8.0 : r.nextDouble();
            double threshold = unitEighth(r, grid);
            double[][] out = new double[4][off + len];
            byte[][] el = new byte[2][off + len];
            ScalarKernels.INSTANCE.scores(z, zOff, len, mu, sigma, 0, 1, threshold, out[0], out[1], el[0], off);
            p.scores(z, zOff, len, mu, sigma, 0, 1, threshold, out[2], out[3], el[1], off);
            for (int i = 0; i < len; i++) {
                double s = Math.min(Math.max(mu + sigma * z[zOff + i], 0), 1);
                for (double[] o : out) {
                    assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(o[off + i]), "score " + i);
                }
                assertEquals(s >= threshold ? 1 : 0, el[0][off + i], "scalar eligibility " + i);
                assertEquals(s >= threshold ? 1 : 0, el[1][off + i], "vector eligibility " + i);
                seen[0] += s == threshold ? 1 : 0;
                seen[1] += mu + sigma * z[zOff + i] < 0 ? 1 : 0;
                seen[2] += mu + sigma * z[zOff + i] > 1 ? 1 : 0;
            }
            for (int i = 0; i < off; i++) {
                assertEquals(0, el[0][i] | el[1][i], "nothing written before the offset");
            }
        }
        if (len >= 20) {
            assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, java.util.Arrays.toString(seen));
        }
    }

    /**
     * Selection at every tail length of the eight-wide loops; half the cases on a grid so uniforms equal
     * epsilon and scores equal tau (checked); compared with the definition written out here.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 7, 8, 9, 12, 15, 16, 17, 20, 23, 28, 1001})
    void selectionIsIdentical(int len) {
        Kernels p = panama();
        SplittableRandom r = new SplittableRandom(len + 13);
        int[] ties = new int[2]; // u == eps, score == tau
        for (int rep = 0; rep < 200; rep++) {
            boolean grid = rep % 2 == 0;
            double[] y = new double[len];
            double[] u = new double[len];
            byte[] el = new byte[len];
            for (int i = 0; i < len; i++) {
                y[i] = unitEighth(r, grid);
                u[i] = grid ? r.nextInt(8) / 8.0 : r.nextDouble();
                el[i] = (byte) r.nextInt(2);
            }
            double tau = unitEighth(r, grid);
            double eps = rep % 3 == 0 ? 0 : grid ? r.nextInt(3) / 8.0 : r.nextDouble() * 0.3;
            byte[][] sel = new byte[2][len];
            byte[][] gt = new byte[2][len];
            int cs = ScalarKernels.INSTANCE.select(y, el, len, tau, eps, u, sel[0], gt[0]);
            int cv = p.select(y, el, len, tau, eps, u, sel[1], gt[1]);
            int expected = 0;
            for (int i = 0; i < len; i++) {
                boolean s = u[i] < eps || y[i] >= tau;
                expected += s ? 1 : 0;
                for (int k = 0; k < 2; k++) {
                    assertEquals(s ? 1 : 0, sel[k][i], "selected " + i);
                    assertEquals(s ? el[i] : Kernels.UNSELECTED, gt[k][i], "ground truth " + i);
                }
                ties[0] += u[i] == eps ? 1 : 0;
                ties[1] += y[i] == tau ? 1 : 0;
            }
            assertEquals(expected, cs);
            assertEquals(expected, cv);
        }
        if (len >= 20) {
            assertTrue(ties[0] > 0 && ties[1] > 0, java.util.Arrays.toString(ties));
        }
    }

    @Test
    void admissionsTrajectoriesAreIdentical() {
        io.github.fairsynth.admissions.AdmissionsParams p = io.github.fairsynth.admissions.AdmissionsParams.builder()
                .numApplicants(5_000).noisyFeatures(true).noisyThreshold(true).build();
        io.github.fairsynth.admissions.AdmissionsEnv s = new io.github.fairsynth.admissions.AdmissionsEnv(p, 5, 3, ScalarKernels.INSTANCE);
        io.github.fairsynth.admissions.AdmissionsEnv v = new io.github.fairsynth.admissions.AdmissionsEnv(p, 5, 3, panama());
        for (int step = 0; step < 5; step++) {
            var x = s.step(0.7, 0.1);
            var y = v.step(0.7, 0.1);
            for (int i = 0; i < x.size(); i++) {
                assertEquals(x.original(i), y.original(i), 0.0);
                assertEquals(x.scoreY(i), y.scoreY(i), 0.0);
                assertEquals(x.burden(i), y.burden(i), 0.0);
                assertEquals(x.selected(i), y.selected(i));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper", "wide", "quadratic"})
    void wholeDatasetsAreIdentical(String config) throws Exception {
        SynthSpec.Builder b = SynthSpec.builder().samples(9_000);
        if (config.equals("wide")) {
            b.dim(100).clearAttributes();
            for (int a = 0; a < 10; a++) {
                b.attribute("A" + a, List.of("a" + a + "0", "a" + a + "1", "a" + a + "2"), new double[] {0.5, 0.3, 0.2});
            }
        } else if (config.equals("quadratic")) {
            b.dim(5).quad(true).features(-2, 3).weights(-1, 1);
        }
        SynthSpec spec = b.build();
        assertArrayEquals(csv(spec, ScalarKernels.INSTANCE), csv(spec, panama()));
    }

    private static byte[] csv(SynthSpec spec, Kernels k) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SynthCsvWriter.write(new SynthJob(new SynthGenerator(spec, k), 0, spec.samples(), 2), out, ProgressListener.NONE);
        return out.toByteArray();
    }
}
