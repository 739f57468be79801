package io.github.fairsynth.synth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.github.fairsynth.synth.SynthTestSupport.csv;
import static io.github.fairsynth.synth.SynthTestSupport.rich;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthGeneratorTest {

    @Test
    void bytesDoNotDependOnThreadCount() throws Exception {
        SynthSpec spec = rich().build();
        byte[] one = csv(spec, 1);
        assertArrayEquals(one, csv(spec, 2));
        assertArrayEquals(one, csv(spec, 3));
        assertArrayEquals(one, csv(spec, 7));
    }

    @Test
    void anyRowRangeEqualsTheSameRowsOfAFullRun() throws Exception {
        SynthSpec spec = rich().build();
        String[] full = new String(csv(spec, 2), StandardCharsets.US_ASCII).split("\n");
        long[][] ranges = {{0, 1}, {0, 4096}, {4095, 2}, {4096, 4096}, {5000, 7000}, {spec.samples() - 1, 1}, {123, 12_000}};
        for (long[] r : ranges) {
            String[] part = new String(csv(spec, r[0], r[1], 2), StandardCharsets.US_ASCII).split("\n");
            assertEquals(r[1] + 1, part.length);
            assertEquals(full[0], part[0]);
            for (int i = 1; i < part.length; i++) {
                assertEquals(full[(int) r[0] + i], part[i], "row " + (r[0] + i - 1));
            }
        }
    }

    @Test
    void rawRowsDoNotDependOnSamples() throws Exception {
        SynthSpec small = rich().samples(5000).scale(false).build();
        SynthSpec big = rich().samples(20_000).scale(false).build();
        String[] a = new String(csv(small, 1), StandardCharsets.US_ASCII).split("\n");
        String[] b = new String(csv(big, 2), StandardCharsets.US_ASCII).split("\n");
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i]);
        }
    }

    /** With no noise, every label is exactly the documented sum, recomputed here in the same order. */
    @Test
    void noiseFreeLabelsAreTheDocumentedSums() throws Exception {
        SynthSpec spec = rich().noise(0).scale(false).build();
        SynthDataset d = SynthDataset.generate(spec, 2);
        SynthTruth t = d.truth();
        int dim = spec.dim();
        for (int r = 0; r < d.rows(); r++) {
            for (int g = 0; g < spec.groups(); g++) {
                double y = 0.0;
                for (int j = 0; j < dim; j++) {
                    y = y + d.x(j)[r] * t.weight(j, g);
                }
                double q = 0.0;
                for (int i = 0; i < dim; i++) {
                    double s = 0.0;
                    for (int j = 0; j < dim; j++) {
                        s = s + t.quadratic(g, i, j) * d.x(j)[r];
                    }
                    q = q + d.x(i)[r] * s;
                }
                y = y + q;
                assertEquals(y, d.label(g)[r], 0.0, "row " + r + " group " + g);
            }
        }
    }

    @Test
    void aggregatesFollowTheirDefinitions() throws Exception {
        SynthSpec spec = rich().scale(false).build();
        SynthDataset d = SynthDataset.generate(spec, 2);
        int groups = spec.groups();
        int attrs = spec.attributeCount();
        int[] perm = d.truth().permutation();
        for (int r = 0; r < d.rows(); r++) {
            double sum = 0.0;
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            boolean[] active = new boolean[groups];
            for (int a = 0; a < attrs; a++) {
                int g = d.activeGroup(a)[r];
                assertTrue(g >= spec.attributeOffset(a) && g < spec.attributeOffset(a) + spec.attributes().get(a).size());
                active[g] = true;
                double v = d.label(g)[r];
                sum += v;
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            int first = -1;
            for (int g : perm) {
                if (active[g]) {
                    first = g;
                    break;
                }
            }
            assertEquals(sum / attrs, d.label("y_mean_active")[r], 0.0);
            assertEquals(mn, d.label("y_min_active")[r], 0.0);
            assertEquals(mx, d.label("y_max_active")[r], 0.0);
            assertEquals(d.label(first)[r], d.label("y_dperm_active")[r], 0.0);
            double all = 0.0;
            double amn = Double.POSITIVE_INFINITY;
            double amx = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < groups; g++) {
                all += d.label(g)[r];
                amn = Math.min(amn, d.label(g)[r]);
                amx = Math.max(amx, d.label(g)[r]);
            }
            assertEquals(all / groups, d.label("y_mean_all")[r], 0.0);
            assertEquals(amn, d.label("y_min_all")[r], 0.0);
            assertEquals(amx, d.label("y_max_all")[r], 0.0);
            double meanActive = d.label("y_mean_active")[r];
            assertTrue(d.label("y_min_active")[r] <= meanActive && meanActive <= d.label("y_max_active")[r]);
        }
    }

    @Test
    void scaledColumnsSpanExactlyZeroToOne() throws Exception {
        SynthDataset d = SynthDataset.generate(rich().build(), 2);
        SynthDataset raw = SynthDataset.generate(rich().scale(false).build(), 2);
        for (int c = 0; c < SynthColumns.labelCount(d.spec()); c++) {
            double[] v = d.label(c);
            double mn = Arrays.stream(v).min().orElseThrow();
            double mx = Arrays.stream(v).max().orElseThrow();
            assertEquals(0.0, mn, 0.0, SynthColumns.labelName(d.spec(), c));
            assertEquals(1.0, mx, 0.0, SynthColumns.labelName(d.spec(), c));
            double lo = d.ranges().min(c);
            double span = d.ranges().max(c) - lo;
            for (int r = 0; r < d.rows(); r += 97) {
                assertEquals((raw.label(c)[r] - lo) / span, v[r], 0.0);
            }
        }
    }

    @Test
    void featuresStayInBounds() throws Exception {
        SynthSpec spec = rich().build();
        SynthDataset d = SynthDataset.generate(spec, 2);
        for (int j = 0; j < spec.dim(); j++) {
            for (double v : d.x(j)) {
                assertTrue(v >= -1 && v <= 2);
            }
        }
    }

    @Test
    void truthDependsOnSeedOnly() {
        SynthTruth a = new SynthGenerator(rich().samples(10).build()).truth();
        SynthTruth b = new SynthGenerator(rich().samples(99_999).build()).truth();
        SynthTruth c = new SynthGenerator(rich().seed(1).build()).truth();
        assertArrayEquals(a.permutation(), b.permutation());
        assertEquals(a.weight(3, 4), b.weight(3, 4), 0.0);
        assertTrue(a.weight(3, 4) != c.weight(3, 4));
        int[] p = a.permutation();
        Arrays.sort(p);
        for (int i = 0; i < p.length; i++) {
            assertEquals(i, p[i]);
        }
    }

    @Test
    void columnsAreInTheDocumentedOrder() {
        SynthSpec spec = SynthSpec.builder().dim(2).build();
        assertEquals(List.of("x_0", "x_1", "g_circle", "g_square", "g_triangle", "g_green", "g_red",
                "y_circle", "y_square", "y_triangle", "y_green", "y_red", "y_mean_active", "y_min_active",
                "y_max_active", "y_dperm_active", "y_mean_all", "y_min_all", "y_max_all"), SynthColumns.names(spec));
        assertEquals(List.of("x_0", "x_1", "y_circle", "y_square", "y_triangle", "y_green", "y_red", "y_mean_active",
                "y_min_active", "y_max_active", "y_dperm_active", "y_mean_all", "y_min_all", "y_max_all"),
                SynthColumns.names(spec.toBuilder().dropSensitive(true).build()));
    }

    /** Each level's count lies within 5 binomial standard deviations of n·p. */
    @Test
    void levelFrequenciesMatchProbabilities() throws Exception {
        SynthSpec spec = rich().samples(200_000).build();
        SynthDataset d = SynthDataset.generate(spec, 2);
        for (int a = 0; a < spec.attributeCount(); a++) {
            Attribute at = spec.attributes().get(a);
            long[] counts = new long[at.size()];
            for (int g : d.activeGroup(a)) {
                counts[g - spec.attributeOffset(a)]++;
            }
            for (int k = 0; k < at.size(); k++) {
                double n = d.rows();
                double p = at.prob(k);
                double sd = Math.sqrt(n * p * (1 - p));
                assertTrue(Math.abs(counts[k] - n * p) <= 5 * sd, at.level(k) + ": " + counts[k] + " vs " + n * p);
            }
        }
    }
}
