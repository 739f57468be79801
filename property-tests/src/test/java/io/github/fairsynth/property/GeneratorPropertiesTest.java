package io.github.fairsynth.property;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.simd.Kernels;
import io.github.fairsynth.simd.ScalarKernels;
import io.github.fairsynth.synth.Attribute;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthGenerator;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import io.github.fairsynth.synth.SynthTruth;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistical and invariant properties of the generator over random configurations (α ≤ 1e-6 per test case). */
class GeneratorPropertiesTest {
    static final double ALPHA = 1e-6;

    static Stream<Named<GenCase>> cases() {
        return Cases.of("generator", GenCase::random);
    }

    private static SynthDataset raw(GenCase c) throws Exception {
        return SynthDataset.generate(c.spec().toBuilder().scale(false).build(), c.threads());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void featuresAreUniformOnTheirBounds(GenCase c) throws Exception {
        SynthSpec s = c.spec();
        SynthDataset d = raw(c);
        double lo = s.featLo();
        double hi = s.featHi();
        double bound = Stats.ksBound(d.rows(), ALPHA / s.dim());
        for (int j = 0; j < s.dim(); j++) {
            for (double v : d.x(j)) {
                assertTrue(v >= lo && v <= hi, "x_" + j + " = " + v + " outside [" + lo + ", " + hi + "]");
            }
            double ks = Stats.ksDistance(d.x(j), v -> Math.min(1, Math.max(0, (v - lo) / (hi - lo))));
            assertTrue(ks <= bound, "x_" + j + ": KS " + ks + " > DKW bound " + bound);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void levelFrequenciesMatchTheirProbabilities(GenCase c) throws Exception {
        SynthSpec s = c.spec();
        SynthDataset d = raw(c);
        int checks = s.attributeCount() + s.groups();
        for (int a = 0; a < s.attributeCount(); a++) {
            Attribute at = s.attributes().get(a);
            long[] counts = new long[at.size()];
            for (int g : d.activeGroup(a)) {
                counts[g - s.attributeOffset(a)]++;
            }
            double[] expected = new double[at.size()];
            for (int k = 0; k < at.size(); k++) {
                expected[k] = d.rows() * at.prob(k);
                double t = Stats.binomialBound(d.rows(), at.prob(k), ALPHA / checks);
                assertTrue(Math.abs(counts[k] - expected[k]) <= t, at.name() + "." + at.level(k) + " p=" + at.prob(k)
                        + ": count " + counts[k] + ", expected " + expected[k] + " ± " + t);
            }
            double[] chi = Stats.chiSquare(counts, expected);
            if (chi[1] >= 1) {
                double q = Stats.chiSquareQuantile((int) chi[1], ALPHA / checks);
                assertTrue(chi[0] <= q, at.name() + ": chi-square " + chi[0] + " > " + q + " (df " + chi[1] + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void attributesAreIndependent(GenCase c) throws Exception {
        SynthSpec s = c.spec();
        if (s.attributeCount() < 2) {
            return;
        }
        SynthDataset d = raw(c);
        int pairs = s.attributeCount() * (s.attributeCount() - 1) / 2;
        for (int a = 0; a < s.attributeCount(); a++) {
            for (int b = a + 1; b < s.attributeCount(); b++) {
                Attribute A = s.attributes().get(a);
                Attribute B = s.attributes().get(b);
                long[] counts = new long[A.size() * B.size()];
                double[] expected = new double[counts.length];
                for (int r = 0; r < d.rows(); r++) {
                    counts[(d.activeGroup(a)[r] - s.attributeOffset(a)) * B.size() + d.activeGroup(b)[r] - s.attributeOffset(b)]++;
                }
                for (int i = 0; i < A.size(); i++) {
                    for (int k = 0; k < B.size(); k++) {
                        expected[i * B.size() + k] = d.rows() * A.prob(i) * B.prob(k);
                    }
                }
                double[] chi = Stats.chiSquare(counts, expected);
                if (chi[1] >= 1) {
                    double q = Stats.chiSquareQuantile((int) chi[1], ALPHA / pairs);
                    assertTrue(chi[0] <= q, A.name() + " x " + B.name() + ": chi-square " + chi[0] + " > " + q);
                }
            }
        }
    }

    /** y_g − x·w_g − xᵀS_g x, recomputed from the truth, is N(0, width²): mean, variance and KS; exact at width 0. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void labelNoiseIsNormalWithTheConfiguredWidth(GenCase c) throws Exception {
        SynthSpec s = c.spec();
        SynthDataset d = raw(c);
        SynthTruth t = d.truth();
        int n = d.rows();
        double width = s.noiseWidth();
        int checks = 3 * s.groups();
        for (int g = 0; g < s.groups(); g++) {
            double[] res = new double[n];
            for (int r = 0; r < n; r++) {
                double y = 0.0;
                for (int j = 0; j < s.dim(); j++) {
                    y = y + d.x(j)[r] * t.weight(j, g);
                }
                if (s.quad()) {
                    double q = 0.0;
                    for (int i = 0; i < s.dim(); i++) {
                        double u = 0.0;
                        for (int j = 0; j < s.dim(); j++) {
                            u = u + t.quadratic(g, i, j) * d.x(j)[r];
                        }
                        q = q + d.x(i)[r] * u;
                    }
                    y = y + q;
                }
                res[r] = d.label(g)[r] - y;
            }
            if (width == 0) {
                for (int r = 0; r < n; r++) {
                    assertEquals(0.0, res[r], 0.0, "noise-free label of group " + g + ", row " + r);
                }
                continue;
            }
            double mean = Arrays.stream(res).sum() / n;
            double z = Stats.zTwoSided(ALPHA / checks);
            assertTrue(Math.abs(mean) <= z * width / Math.sqrt(n), "group " + g + " noise mean " + mean);
            double ss = 0;
            for (double v : res) {
                ss += (v - mean) * (v - mean);
            }
            double stat = ss / (width * width);
            double lo = Stats.chiSquareLowerQuantile(n - 1, ALPHA / checks / 2);
            double hi = Stats.chiSquareQuantile(n - 1, ALPHA / checks / 2);
            assertTrue(stat >= lo && stat <= hi, "group " + g + " noise variance: (n-1)s²/σ² = " + stat + " not in [" + lo + ", " + hi + "]");
            double ks = Stats.ksDistance(res, v -> Stats.phi(v / width));
            double bound = Stats.ksBound(n, ALPHA / checks);
            assertTrue(ks <= bound, "group " + g + " noise KS " + ks + " > " + bound);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aggregatesFollowTheirDefinitions(GenCase c) throws Exception {
        SynthSpec s = c.spec();
        SynthDataset d = raw(c);
        int[] perm = d.truth().permutation();
        for (int r = 0; r < d.rows(); r++) {
            double sum = 0.0;
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            boolean[] active = new boolean[s.groups()];
            for (int a = 0; a < s.attributeCount(); a++) {
                int g = d.activeGroup(a)[r];
                active[g] = true;
                double v = d.label(g)[r];
                sum += v;
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            double mean = d.label("y_mean_active")[r];
            assertEquals(sum / s.attributeCount(), mean, 0.0);
            assertEquals(mn, d.label("y_min_active")[r], 0.0);
            assertEquals(mx, d.label("y_max_active")[r], 0.0);
            assertTrue(mn <= mean && mean <= mx, "min <= mean <= max at row " + r);
            int first = -1;
            for (int g : perm) {
                if (active[g]) {
                    first = g;
                    break;
                }
            }
            assertEquals(d.label(first)[r], d.label("y_dperm_active")[r], 0.0);
            double all = 0.0;
            double amn = Double.POSITIVE_INFINITY;
            double amx = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < s.groups(); g++) {
                all += d.label(g)[r];
                amn = Math.min(amn, d.label(g)[r]);
                amx = Math.max(amx, d.label(g)[r]);
            }
            assertEquals(all / s.groups(), d.label("y_mean_all")[r], 0.0);
            assertEquals(amn, d.label("y_min_all")[r], 0.0);
            assertEquals(amx, d.label("y_max_all")[r], 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scaledColumnsSpanExactlyZeroToOne(GenCase c) throws Exception {
        SynthDataset d = SynthDataset.generate(c.spec(), c.threads());
        for (int col = 0; col < SynthColumns.labelCount(c.spec()); col++) {
            double[] v = d.label(col);
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                assertTrue(x >= 0 && x <= 1, SynthColumns.labelName(c.spec(), col) + " = " + x);
                mn = Math.min(mn, x);
                mx = Math.max(mx, x);
            }
            boolean constant = d.ranges().min(col) == d.ranges().max(col);
            assertEquals(0.0, mn, 0.0);
            assertEquals(constant ? 0.0 : 1.0, mx, 0.0, SynthColumns.labelName(c.spec(), col));
        }
    }

    /** Any thread count and row range gives the bytes of a single-threaded full run; scalar and SIMD agree. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bytesDependOnlyOnConfigSeedAndRows(GenCase c) throws Exception {
        SynthSpec s = c.spec();
        String[] full = new String(csv(new SynthJob(new SynthGenerator(s, ScalarKernels.INSTANCE), 0, s.samples(), 1)),
                StandardCharsets.US_ASCII).split("\n", -1);
        Kernels panama = Kernels.Holder.panama();
        assertNotNull(panama, "the Vector API kernels must load here (surefire adds jdk.incubator.vector)");
        byte[] part = csv(new SynthJob(new SynthGenerator(s, panama), c.offset(), c.limit(), c.threads()));
        String[] lines = new String(part, StandardCharsets.US_ASCII).split("\n", -1);
        assertEquals(c.limit() + 2, lines.length);
        assertEquals(full[0], lines[0]);
        for (int i = 1; i <= c.limit(); i++) {
            assertEquals(full[(int) c.offset() + i], lines[i], "row " + (c.offset() + i - 1));
        }
        assertArrayEquals(csv(new SynthJob(new SynthGenerator(s, ScalarKernels.INSTANCE), c.offset(), c.limit(), 1)), part);
    }

    private static byte[] csv(SynthJob job) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SynthCsvWriter.write(job, out, ProgressListener.NONE);
        return out.toByteArray();
    }
}
