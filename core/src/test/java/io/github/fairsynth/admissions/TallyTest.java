package io.github.fairsynth.admissions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link AdmissionsKernel#tally} (counts eight applicants per word, burden sums one by one) against its
 * definition written out per applicant: every split of a chunk and every tail length of the word loop.
 */
class TallyTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 16, 23, 64, 1001})
    void countsAndSumsMatchTheDefinition(int n) {
        SplittableRandom r = new SplittableRandom(n + 3);
        Applicants a = new Applicants(n + 8);
        for (int rep = 0; rep < 50; rep++) {
            for (int i = 0; i < a.capacity; i++) {
                a.eligible[i] = (byte) r.nextInt(2);
                a.selected[i] = (byte) r.nextInt(2);
                a.manipulated[i] = (byte) r.nextInt(2);
                a.burden[i] = r.nextInt(3) == 0 ? 0.0 : r.nextDouble() - 0.25;
            }
            int from = r.nextInt(8);
            int to = from + n;
            int split = from + (n == 0 ? 0 : r.nextInt(n + 1));
            GroupMetrics g0 = new GroupMetrics();
            GroupMetrics g1 = new GroupMetrics();
            g1.burden = 0.5; // sums continue from what the metrics hold
            AdmissionsKernel.tally(a, from, split, to, g0, g1);
            check(a, from, split, 0.0, g0);
            check(a, split, to, 0.5, g1);
        }
    }

    private static void check(Applicants a, int from, int to, double burden0, GroupMetrics m) {
        long eligible = 0;
        long selected = 0;
        long manipulated = 0;
        long correct = 0;
        double burden = burden0;
        double social = 0.0;
        for (int i = from; i < to; i++) {
            eligible += a.eligible[i];
            selected += a.selected[i];
            manipulated += a.manipulated[i];
            correct += a.eligible[i] == a.selected[i] ? 1 : 0;
            burden += a.burden[i];
            social += a.eligible[i] == 1 ? a.burden[i] : 0.0;
        }
        assertEquals(to - from, m.applicants);
        assertEquals(eligible, m.eligible, "eligible");
        assertEquals(selected, m.selected, "selected");
        assertEquals(manipulated, m.manipulated, "manipulated");
        assertEquals(correct, m.correct, "correct");
        assertEquals(Double.doubleToRawLongBits(burden), Double.doubleToRawLongBits(m.burden), "burden");
        assertEquals(Double.doubleToRawLongBits(social), Double.doubleToRawLongBits(m.socialBurden), "social burden");
    }
}
