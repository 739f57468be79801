package io.github.fairsynth.admissions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThresholdLearnerTest {

    /** The gym's rule by brute force: every candidate (+inf and each distinct score), first max of TP - FP. */
    static double bruteForce(List<double[]> data) {
        TreeSet<Double> scores = new TreeSet<>();
        for (double[] d : data) {
            scores.add(d[0]);
        }
        double bestT = Double.POSITIVE_INFINITY;
        long best = 0;
        for (double s : scores.descendingSet()) {
            long v = 0;
            for (double[] d : data) {
                if (d[0] >= s) {
                    v += d[1] == 1 ? 1 : -1;
                }
            }
            if (v > best) {
                best = v;
                bestT = s;
            }
        }
        return bestT;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesTheBruteForceRuleAfterEveryAddition(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ThresholdLearner l = new ThresholdLearner();
        List<double[]> data = new ArrayList<>();
        boolean coarse = seed % 2 == 0; // many ties on a coarse grid
        for (int i = 0; i < 600; i++) {
            double s = coarse ? r.nextInt(20) / 20.0 : r.nextDouble();
            int label = r.nextDouble() < s * 0.9 + 0.05 ? 1 : 0;
            l.add(s, label);
            data.add(new double[] {s, label});
            assertEquals(bruteForce(data), l.bestThreshold(), 0.0, "after " + (i + 1));
        }
    }
}
