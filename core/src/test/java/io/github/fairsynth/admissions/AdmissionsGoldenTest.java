package io.github.fairsynth.admissions;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.DoubleFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pins the admissions streams (docs/REPRODUCIBILITY.md, contract version 2): SHA-256 of every trace value of three runs. */
class AdmissionsGoldenTest {
    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("default, fixed 0.8", AdmissionsParams.builder().build(),
                        new JurySettings(JurySettings.Kind.FIXED, 0.8, 0, false, 0.7, 10, 0.02, 0), "39ff732edbb77d2186c42112561ab307c3d49f15cd2c988f90d4939785132860"),
                Arguments.of("noisy threshold and features, static jury", AdmissionsParams.builder()
                        .noisyThreshold(true).noisyFeatures(true).build(),
                        new JurySettings(JurySettings.Kind.STATIC, 0, 0, false, 0.7, 10, 0.02, 5), "4352c0e43b19183bdd74e11535629c9ba8bfe4ec347827de185d8f325a7c36bd"),
                Arguments.of("beta noise, robust, epsilon-greedy, 5000 applicants", AdmissionsParams.builder()
                        .numApplicants(5000).noiseDist(NoiseDist.BETA).noise(5, 1, -0.3, 0.3).noisyThreshold(true).build(),
                        new JurySettings(JurySettings.Kind.ROBUST, 0, 0, true, 0.7, 10, 0.5, 3), "200ad6384d541d31e735a3d166807765eb71f2765f4dbbe086cec83b7b523c81"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void tracesArePinned(String name, AdmissionsParams p, JurySettings j, String expected) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        AdmissionsResult r = new AdmissionsRun(p, j, 42, 70, 40, 2).run((step, tau, eps, g) -> {
            StringBuilder sb = new StringBuilder().append(step).append(',').append(DoubleFormat.toString(tau))
                    .append(',').append(DoubleFormat.toString(eps));
            for (GroupMetrics m : g) {
                sb.append(',').append(m.applicants()).append(',').append(DoubleFormat.toString(m.selectedRate()))
                        .append(',').append(DoubleFormat.toString(m.meanBurden())).append(',')
                        .append(DoubleFormat.toString(m.eligibleRate())).append(',').append(DoubleFormat.toString(m.manipulatedRate()));
            }
            sha.update(sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
        }, ProgressListener.NONE);
        sha.update(DoubleFormat.toString(r.finalThresholdMean()).getBytes(StandardCharsets.US_ASCII));
        assertEquals(expected, HexFormat.of().formatHex(sha.digest()), name);
    }
}
