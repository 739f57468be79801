package io.github.fairsynth.admissions;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.exec.WorkerTeam;
import io.github.fairsynth.simd.Kernels;
import io.github.fairsynth.simd.ScalarKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionsRunTest {
    private static JurySettings jury(JurySettings.Kind kind) {
        return new JurySettings(kind, kind == JurySettings.Kind.FIXED ? 0.8 : 0.0, 0.0, false, 0.7, 10, 0.02, 5);
    }

    private static List<String> trace(AdmissionsRun run, AdmissionsResult[] out) throws Exception {
        List<String> rows = new ArrayList<>();
        out[0] = run.run((step, tau, eps, g) -> rows.add(step + " " + tau + " " + eps + " " + g[0].selectedRate()
                + " " + g[1].meanBurden() + " " + g[0].socialBurden()), ProgressListener.NONE);
        return rows;
    }

    @ParameterizedTest
    @EnumSource(JurySettings.Kind.class)
    void resultsDoNotDependOnThreads(JurySettings.Kind kind) throws Exception {
        AdmissionsParams p = AdmissionsParams.builder().noisyThreshold(true).build();
        AdmissionsResult[] a = new AdmissionsResult[1];
        AdmissionsResult[] b = new AdmissionsResult[1];
        List<String> t1 = trace(new AdmissionsRun(p, jury(kind), 3, 150, 300, 1), a);
        List<String> t2 = trace(new AdmissionsRun(p, jury(kind), 3, 150, 300, 2), b);
        assertEquals(t1, t2);
        assertEquals(a[0].overall().meanBurden(), b[0].overall().meanBurden(), 0.0);
        assertEquals(a[0].group(1).socialBurden(), b[0].group(1).socialBurden(), 0.0);
        assertEquals(a[0].finalThresholdMean(), b[0].finalThresholdMean(), 0.0);
        assertEquals(a[0].finalThresholdSd(), b[0].finalThresholdSd(), 0.0);
    }

    /**
     * A run's environments stepped in ranges (as on several machines), their outcomes joined in order and
     * combined, give the whole run's result bit for bit: every total, the final threshold's mean and sd.
     */
    @ParameterizedTest
    @EnumSource(JurySettings.Kind.class)
    void rangesOfEnvironmentsCombineToTheWholeRun(JurySettings.Kind kind) throws Exception {
        AdmissionsParams p = AdmissionsParams.builder().noisyThreshold(true).build();
        AdmissionsRun run = new AdmissionsRun(p, jury(kind), 11, 150, 40, 2);
        AdmissionsResult whole = run.run(null, ProgressListener.NONE);
        List<EnvOutcomes> parts = new ArrayList<>();
        for (int[] r : new int[][] {{0, 64}, {64, 128}, {128, 150}}) {
            parts.add(run.runEnvironments(r[0], r[1], ProgressListener.NONE));
        }
        AdmissionsResult spread = run.combine(EnvOutcomes.concat(parts));
        for (int g = 0; g < 2; g++) {
            GroupMetrics a = whole.group(g);
            GroupMetrics b = spread.group(g);
            assertEquals(a.applicants, b.applicants);
            assertEquals(a.eligible, b.eligible);
            assertEquals(a.selected, b.selected);
            assertEquals(a.manipulated, b.manipulated);
            assertEquals(a.correct, b.correct);
            assertEquals(Double.doubleToRawLongBits(a.burden), Double.doubleToRawLongBits(b.burden));
            assertEquals(Double.doubleToRawLongBits(a.socialBurden), Double.doubleToRawLongBits(b.socialBurden));
        }
        assertEquals(Double.doubleToRawLongBits(whole.finalThresholdMean()),
                Double.doubleToRawLongBits(spread.finalThresholdMean()));
        assertEquals(Double.doubleToRawLongBits(whole.finalThresholdSd()),
                Double.doubleToRawLongBits(spread.finalThresholdSd()));
        assertThrows(IllegalArgumentException.class, () -> run.runEnvironments(10, 20, ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> run.combine(parts.get(0)));
    }

    /** @return the scalar kernels, or the Vector API kernels (which must load in this test run) */
    private static Kernels kernels(boolean scalar) {
        if (scalar) {
            return ScalarKernels.INSTANCE;
        }
        Kernels k = Kernels.Holder.panama();
        assertNotNull(k, "the Vector API kernels must load in this test run (surefire adds jdk.incubator.vector)");
        return k;
    }

    /**
     * A fixed jury's environment is stepped chunk by chunk without keeping its applicants (on one thread or
     * several chunks at once); its metrics equal, bit for bit, those tallied from {@link AdmissionsEnv}'s
     * kept applicants, for rounds of several chunks (one partial) with every kind of noise. The kept
     * environment runs on one kernel path and the chunked ones on the other (scalar against Vector API,
     * both ways round), so this is also the whole engine's scalar/SIMD identity.
     */
    @ParameterizedTest
    @CsvSource({"GAUSSIAN, true", "GAUSSIAN, false", "BETA, true", "BETA, false"})
    void chunkedSteppingEqualsKeptApplicants(NoiseDist dist, boolean keptScalar) throws Exception {
        AdmissionsParams p = AdmissionsParams.builder().numApplicants(3 * RoundSampler.CHUNK + 123).noiseDist(dist)
                .noise(dist == NoiseDist.BETA ? 5 : 0.1, dist == NoiseDist.BETA ? 1 : 0.05, -0.3, 0.3)
                .noisyFeatures(true).noisyThreshold(true).build();
        double[] taus = {0.8, 0.5, 0.95, 0.3};
        double eps = 0.1;
        AdmissionsEnv kept = new AdmissionsEnv(p, 17, 4, kernels(keptScalar));
        ChunkedEnv.Workspace ws = new ChunkedEnv.Workspace(p);
        ChunkedEnv one = new ChunkedEnv(p, 17, 4, kernels(!keptScalar), ws);
        ChunkedEnv two = new ChunkedEnv(p, 17, 4, kernels(!keptScalar), ws);
        try (WorkerTeam<ChunkedEnv.Workspace> team = new WorkerTeam<>(2, ws, () -> new ChunkedEnv.Workspace(p))) {
            for (double tau : taus) {
                assertEquals(kept.current().groupZeroCount(), one.nextGroupZero());
                Applicants a = kept.step(tau, eps);
                GroupMetrics[] want = {new GroupMetrics(), new GroupMetrics()};
                AdmissionsKernel.tallyRound(a, want[0], want[1]);
                GroupMetrics[] got1 = {new GroupMetrics(), new GroupMetrics()};
                GroupMetrics[] got2 = {new GroupMetrics(), new GroupMetrics()};
                int moved1 = one.step(tau, eps, got1[0], got1[1], null, ws);
                int moved2 = two.step(tau, eps, got2[0], got2[1], team, ws);
                assertEquals(kept.lastManipulated(), moved1);
                assertEquals(kept.lastManipulated(), moved2);
                assertEquals(kept.nextGroupZero(), one.nextGroupZero());
                assertEquals(kept.nextGroupZero(), two.nextGroupZero());
                for (int g = 0; g < 2; g++) {
                    for (GroupMetrics got : new GroupMetrics[] {got1[g], got2[g]}) {
                        assertEquals(want[g].applicants, got.applicants);
                        assertEquals(want[g].eligible, got.eligible);
                        assertEquals(want[g].selected, got.selected);
                        assertEquals(want[g].manipulated, got.manipulated);
                        assertEquals(want[g].correct, got.correct);
                        assertEquals(Double.doubleToRawLongBits(want[g].burden), Double.doubleToRawLongBits(got.burden));
                        assertEquals(Double.doubleToRawLongBits(want[g].socialBurden), Double.doubleToRawLongBits(got.socialBurden));
                    }
                }
                assertTrue(want[0].manipulated + want[1].manipulated > 0 || tau < 0.5, "gaming happens at tau " + tau);
            }
        }
    }

    /**
     * Stepping several small-round environments together ({@link ChunkedEnv#stepAll}, their normals drawn
     * in one kernel call) gives each the same numbers as stepping it alone, bit for bit: rounds of 37 with
     * every kind of noise, and rounds of 600 with both gaussian noises (three sections of normals, so two
     * environments per kernel call and a last call with one). Those stepped together use one kernel path
     * (the round kernels) and those stepped alone the other, scalar against Vector API both ways round.
     */
    @ParameterizedTest
    @CsvSource({"37, GAUSSIAN, true", "37, GAUSSIAN, false", "37, BETA, true", "37, BETA, false",
            "37, NONE, true", "37, NONE, false", "600, GAUSSIAN, true", "600, GAUSSIAN, false"})
    void steppingTogetherEqualsSteppingAlone(int applicants, String noise, boolean togetherScalar) throws Exception {
        AdmissionsParams.Builder b = AdmissionsParams.builder().numApplicants(applicants);
        if (!noise.equals("NONE")) {
            NoiseDist dist = NoiseDist.valueOf(noise);
            b.noiseDist(dist).noise(dist == NoiseDist.BETA ? 5 : 0.1, dist == NoiseDist.BETA ? 1 : 0.05, -0.3, 0.3)
                    .noisyFeatures(true).noisyThreshold(true);
        }
        AdmissionsParams p = b.build();
        int n = 5;
        ChunkedEnv.Workspace ws = new ChunkedEnv.Workspace(p);
        ChunkedEnv[] together = new ChunkedEnv[n];
        ChunkedEnv[] alone = new ChunkedEnv[n];
        for (int e = 0; e < n; e++) {
            together[e] = new ChunkedEnv(p, 23, e, kernels(togetherScalar), ws);
            alone[e] = new ChunkedEnv(p, 23, e, kernels(!togetherScalar), ws);
        }
        double[] tau = new double[n];
        double[] eps = new double[n];
        for (int step = 0; step < 4; step++) {
            GroupMetrics[][] got = new GroupMetrics[n][];
            for (int e = 0; e < n; e++) {
                tau[e] = 0.3 + 0.1 * ((e + step) % 6);
                eps[e] = 0.05 * e;
                got[e] = new GroupMetrics[] {new GroupMetrics(), new GroupMetrics()};
            }
            ChunkedEnv.stepAll(together, n, tau, eps, got, ws);
            for (int e = 0; e < n; e++) {
                GroupMetrics[] want = {new GroupMetrics(), new GroupMetrics()};
                alone[e].step(tau[e], eps[e], want[0], want[1], null, ws);
                assertEquals(alone[e].nextGroupZero(), together[e].nextGroupZero());
                for (int g = 0; g < 2; g++) {
                    String at = "env " + e + ", step " + step + ", group " + g;
                    assertEquals(want[g].applicants, got[e][g].applicants, at);
                    assertEquals(want[g].selected, got[e][g].selected, at);
                    assertEquals(want[g].manipulated, got[e][g].manipulated, at);
                    assertEquals(want[g].correct, got[e][g].correct, at);
                    assertEquals(Double.doubleToRawLongBits(want[g].burden),
                            Double.doubleToRawLongBits(got[e][g].burden), at);
                    assertEquals(Double.doubleToRawLongBits(want[g].socialBurden),
                            Double.doubleToRawLongBits(got[e][g].socialBurden), at);
                }
            }
        }
    }

    /** One environment of several chunks: its chunks run on the threads, and the result is the same. */
    @Test
    void oneBigEnvironmentGivesTheSameResultsOnTwoThreads() throws Exception {
        AdmissionsParams p = AdmissionsParams.builder().numApplicants(5 * RoundSampler.CHUNK + 7).noisyThreshold(true).build();
        AdmissionsResult[] a = new AdmissionsResult[1];
        AdmissionsResult[] b = new AdmissionsResult[1];
        List<String> t1 = trace(new AdmissionsRun(p, jury(JurySettings.Kind.FIXED), 5, 1, 6, 1), a);
        List<String> t2 = trace(new AdmissionsRun(p, jury(JurySettings.Kind.FIXED), 5, 1, 6, 2), b);
        assertEquals(t1, t2);
        assertEquals(a[0].overall().meanBurden(), b[0].overall().meanBurden(), 0.0);
    }

    @Test
    void environmentTrajectoryDependsOnlyOnItsIndex() throws Exception {
        AdmissionsParams p = AdmissionsParams.builder().build();
        AdmissionsEnv alone = new AdmissionsEnv(p, 9, 70);
        AdmissionsRun many = new AdmissionsRun(p, jury(JurySettings.Kind.FIXED), 9, 100, 3, 2);
        many.run(null, ProgressListener.NONE);
        AdmissionsEnv again = new AdmissionsEnv(p, 9, 70);
        for (int s = 0; s < 3; s++) {
            Applicants x = alone.step(0.8, 0);
            double first = x.scoreY(0);
            Applicants y = again.step(0.8, 0);
            assertEquals(first, y.scoreY(0), 0.0);
        }
    }

    @Test
    void learningJuriesFollowTheGymTimeline() {
        AdmissionsParams p = AdmissionsParams.builder().build();
        JurySettings s = new JurySettings(JurySettings.Kind.STATIC, 0.0, 0, false, 0.7, 10, 0.02, 4);
        Jury j = s.create(p);
        AdmissionsEnv env = new AdmissionsEnv(p, 1, 0);
        List<Double> taus = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            taus.add(j.threshold());
            j.observe(env.step(j.threshold(), j.epsilon()), env.nextGroupZero());
        }
        for (int t = 0; t < 4; t++) {
            assertEquals(0.0, taus.get(t), 0.0, "steps 1..burnin use the initial threshold");
        }
        for (int t = 6; t < 12; t++) {
            assertEquals(taus.get(5), taus.get(t), 0.0, "frozen from step burnin+2");
        }
    }

    @Test
    void epsilonGreedyDecays() {
        JurySettings s = new JurySettings(JurySettings.Kind.FIXED, 0.8, 0, true, 0.7, 10, 0.02, 0);
        Jury j = s.create(AdmissionsParams.builder().build());
        AdmissionsEnv env = new AdmissionsEnv(AdmissionsParams.builder().build(), 1, 0);
        for (int t = 0; t < 25; t++) {
            assertEquals(0.7 * StrictMath.pow(0.02, t / 10.0), j.epsilon(), 0.0);
            j.observe(env.step(j.threshold(), j.epsilon()), env.nextGroupZero());
        }
    }

    @Test
    void badInputIsNamed() {
        assertEquals("feature_params.mix_weight", assertThrows(ConfigException.class,
                () -> AdmissionsParams.builder().mixWeight(0.5, 0.6).build()).parameter());
        assertEquals("feature_params.mix_weight", assertThrows(ConfigException.class,
                () -> AdmissionsParams.builder().mixWeight(0.2, 0.3, 0.5).build()).parameter());
        assertEquals("feature_params.sigma[1]", assertThrows(ConfigException.class,
                () -> AdmissionsParams.builder().sigma(0.1, -1).build()).parameter());
        assertEquals("score_params.min", assertThrows(ConfigException.class,
                () -> AdmissionsParams.builder().scoreRange(1, 1).build()).parameter());
        assertEquals("group_cost.0", assertThrows(ConfigException.class,
                () -> AdmissionsParams.builder().groupCost(0, 1).build()).parameter());
        assertEquals("burnin", assertThrows(ConfigException.class,
                () -> new JurySettings(JurySettings.Kind.ROBUST, 0, 0, false, 0.7, 10, 0.02, 1)).parameter());
        assertEquals("threshold", assertThrows(ConfigException.class,
                () -> new JurySettings(JurySettings.Kind.FIXED, 1.5, 0, false, 0.7, 10, 0.02, 0)).parameter());
        assertEquals("epsilon", assertThrows(ConfigException.class,
                () -> new JurySettings(JurySettings.Kind.FIXED, 0.5, -0.1, false, 0.7, 10, 0.02, 0)).parameter());
        AdmissionsParams p = AdmissionsParams.builder().maxSteps(10).build();
        assertEquals("steps", assertThrows(ConfigException.class,
                () -> new AdmissionsRun(p, jury(JurySettings.Kind.FIXED), 1, 1, 12, 1)).parameter());
        assertEquals("envs", assertThrows(ConfigException.class,
                () -> new AdmissionsRun(p, jury(JurySettings.Kind.FIXED), 1, 0, 5, 1)).parameter());
        assertEquals("noise_params.mu", assertThrows(ConfigException.class,
                () -> AdmissionsParams.builder().noisyFeatures(true).noise(0.5, 0.1, -0.3, 0.3).build()).parameter());
        // gaussian noise params are not checked when noise is not in use, as the gym only fails on a draw
        AdmissionsParams unused = AdmissionsParams.builder().noise(0.5, 0.1, -0.3, 0.3).build();
        assertTrue(unused.noiseMu() == 0.5 && !unused.noiseInUse());
    }
}
