package io.github.fairsynth.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accumulator's fits against a direct least-squares solve (EJML's QR) of each group's training rows,
 * in both of its regimes: few membership patterns per chunk (summed cell by cell) and more than
 * {@value GroupOlsAccumulator#MAX_CELLS} (summed group by group).
 */
class GroupOlsAccumulatorTest {
    private static final int N = 3 * GroupOlsAccumulator.CHUNK + 777; // a partial last chunk too
    private static final int P = 4;

    /**
     * @param groups 5: two attributes (3 and 2 levels, 12 cells with the split side); 9: nine independent
     *               memberships (up to 1024 patterns, so every chunk is summed group by group)
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 9})
    void fitsEqualADirectSolveOfEachGroupsRows(int groups) {
        SplittableRandom rnd = new SplittableRandom(groups);
        double[] x = new double[N * P];
        double[] y = new double[N];
        boolean[][] member = new boolean[N][groups];
        boolean[] test = new boolean[N];
        for (int r = 0; r < N; r++) {
            for (int j = 0; j < P; j++) {
                x[r * P + j] = rnd.nextDouble(-1, 1);
            }
            if (groups == 5) {
                member[r][rnd.nextInt(3)] = true;
                member[r][3 + rnd.nextInt(2)] = true;
            } else {
                for (int grp = 0; grp < groups; grp++) {
                    member[r][grp] = rnd.nextBoolean();
                }
            }
            double v = 0.5;
            for (int grp = 0; grp < groups; grp++) {
                if (member[r][grp]) {
                    for (int j = 0; j < P; j++) {
                        v += (grp + 1) * (j - 1.5) * x[r * P + j] / groups;
                    }
                }
            }
            y[r] = v + 0.1 * rnd.nextGaussian();
            test[r] = rnd.nextInt(5) == 0;
        }
        List<String> features = new ArrayList<>();
        for (int j = 0; j < P; j++) {
            features.add("x_" + j);
        }
        List<String> names = new ArrayList<>();
        for (int grp = 0; grp < groups; grp++) {
            names.add("g" + grp);
        }
        GroupOlsAccumulator acc = new GroupOlsAccumulator(features, names, "y");
        for (int r = 0; r < N; r++) {
            acc.add(x, r * P, y[r], member[r], test[r]);
        }
        GroupOlsResult result = acc.result();
        for (int grp = 0; grp <= groups; grp++) {
            GroupOlsResult.Fit fit = grp < groups ? result.fits().get(grp) : result.all();
            List<Integer> trainRows = new ArrayList<>();
            long testRows = 0;
            for (int r = 0; r < N; r++) {
                if (grp == groups || member[r][grp]) {
                    if (test[r]) {
                        testRows++;
                    } else {
                        trainRows.add(r);
                    }
                }
            }
            assertEquals(trainRows.size(), fit.trainRows(), fit.name());
            assertEquals(testRows, fit.testRows(), fit.name());
            DMatrixRMaj a = new DMatrixRMaj(trainRows.size(), P + 1);
            DMatrixRMaj b = new DMatrixRMaj(trainRows.size(), 1);
            for (int i = 0; i < trainRows.size(); i++) {
                int r = trainRows.get(i);
                a.set(i, 0, 1.0);
                for (int j = 0; j < P; j++) {
                    a.set(i, j + 1, x[r * P + j]);
                }
                b.set(i, 0, y[r]);
            }
            DMatrixRMaj beta = new DMatrixRMaj(P + 1, 1);
            assertTrue(CommonOps_DDRM.solve(a, b, beta));
            // the centred normal equations and a QR solve agree to rounding (condition number ~ 3 here)
            assertEquals(beta.get(0), fit.intercept(), 1e-11, fit.name() + " intercept");
            for (int j = 0; j < P; j++) {
                assertEquals(beta.get(j + 1), fit.coef()[j], 1e-11, fit.name() + " coef " + j);
            }
        }
    }
}
