package io.github.fairsynth.property;

import io.github.fairsynth.analysis.GroupOlsAccumulator;
import io.github.fairsynth.analysis.GroupOlsResult;
import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthSpec;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group-wise least squares on generated data (linear labels): noise-free fits recover the truth's weights;
 * with noise every coefficient lies within 6 standard errors (σ·√[(XᵀX)⁻¹]_jj, centred X, known σ) of the
 * truth — a false alarm of 2e-9 per coefficient.
 */
class LeastSquaresPropertiesTest {
    record LsCase(SynthSpec spec) {
        static LsCase random(SplittableRandom r) {
            SynthSpec.Builder b = SynthSpec.builder().samples(3_000 + r.nextInt(12_000)).dim(1 + r.nextInt(8))
                    .seed(r.nextLong()).clearAttributes().scale(false);
            b.attribute("A", List.of("a0", "a1"), new double[] {0.4, 0.6});
            b.attribute("B", List.of("b0", "b1", "b2"), new double[] {0.3, 0.3, 0.4});
            double lo = r.nextDouble() * 4 - 2;
            b.features(lo, lo + 0.5 + r.nextDouble() * 3);
            double wlo = r.nextDouble() * 10 - 5;
            b.weights(wlo, wlo + r.nextDouble() * 5);
            b.noise(r.nextInt(4) == 0 ? 0 : 0.01 + r.nextDouble());
            return new LsCase(b.build());
        }

        @Override
        public String toString() {
            return "n=" + spec.samples() + " dim=" + spec.dim() + " noise=" + String.format("%.3f", spec.noiseWidth());
        }
    }

    static Stream<Named<LsCase>> cases() {
        return Cases.of("least-squares", LsCase::random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fitsRecoverTheTruthWeights(LsCase c) throws Exception {
        SynthSpec s = c.spec();
        SynthDataset d = SynthDataset.generate(s, 2);
        int p = s.dim();
        List<String> features = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            features.add("x_" + j);
        }
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < s.groups(); g++) {
            groups.add(s.groupName(g));
        }
        for (int target = 0; target < s.groups(); target++) {
            GroupOlsAccumulator acc = new GroupOlsAccumulator(features, groups, "y_" + s.groupName(target));
            double[] row = new double[p];
            boolean[] member = new boolean[s.groups()];
            DMatrixRMaj xtx = new DMatrixRMaj(p, p);
            double[] mean = new double[p];
            int nTrain = 0;
            for (int r = 0; r < d.rows(); r++) {
                java.util.Arrays.fill(member, false);
                for (int a = 0; a < s.attributeCount(); a++) {
                    member[d.activeGroup(a)[r]] = true;
                }
                for (int j = 0; j < p; j++) {
                    row[j] = d.x(j)[r];
                }
                boolean test = r % 5 == 0;
                acc.add(row, 0, d.label(target)[r], member, test);
                if (member[target] && !test) {
                    nTrain++;
                    for (int j = 0; j < p; j++) {
                        mean[j] += row[j];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                mean[j] /= nTrain;
            }
            for (int r = 0; r < d.rows(); r++) {
                boolean in = false;
                for (int a = 0; a < s.attributeCount(); a++) {
                    in |= d.activeGroup(a)[r] == target;
                }
                if (!in || r % 5 == 0) {
                    continue;
                }
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        xtx.add(i, j, (d.x(i)[r] - mean[i]) * (d.x(j)[r] - mean[j]));
                    }
                }
            }
            GroupOlsResult res = acc.result();
            GroupOlsResult.Fit f = res.fits().get(target);
            assertEquals(p, f.rank());
            DMatrixRMaj inv = new DMatrixRMaj(p, p);
            assertTrue(CommonOps_DDRM.invert(xtx, inv));
            for (int j = 0; j < p; j++) {
                double truth = d.truth().weight(j, target);
                if (s.noiseWidth() == 0) {
                    assertEquals(truth, f.coef()[j], 1e-8 * Math.max(1, Math.abs(truth)), "w_" + j);
                } else {
                    double se = s.noiseWidth() * Math.sqrt(inv.get(j, j));
                    assertTrue(Math.abs(f.coef()[j] - truth) <= 6 * se,
                            "w_" + j + " = " + f.coef()[j] + ", truth " + truth + ", 6 SE = " + 6 * se);
                }
            }
        }
    }
}
