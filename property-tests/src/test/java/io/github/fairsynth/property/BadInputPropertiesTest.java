package io.github.fairsynth.property;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Random valid configurations with one field broken: always the engine's ConfigException naming it, no file. */
class BadInputPropertiesTest {
    @TempDir
    Path dir;

    record Broken(String field, Consumer<SynthSpec.Builder> gen, Consumer<AdmissionsParams.Builder> adm, long seed) {
        @Override
        public String toString() {
            return "broken " + field;
        }
    }

    static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    static Broken random(SplittableRandom r) {
        double bad = BAD[r.nextInt(BAD.length)];
        int k = r.nextInt(18);
        long seed = r.nextLong();
        switch (k) {
            case 0: return new Broken("samples", b -> b.samples(-r.nextInt(5)), null, seed);
            case 1: return new Broken("dim", b -> b.dim(r.nextBoolean() ? -r.nextInt(3) : SynthSpec.MAX_DIM + 1 + r.nextInt(9)), null, seed);
            case 2: return new Broken("feat_lo", b -> b.features(2 + r.nextDouble(), 1), null, seed);
            case 3: return new Broken("feat_hi", b -> b.features(0, bad == Double.NEGATIVE_INFINITY ? Double.NaN : bad), null, seed);
            case 4: return new Broken("w_lo", b -> b.weights(bad, 1), null, seed);
            case 5: return new Broken("S_lo", b -> b.quadBounds(1 + r.nextDouble(), 0.5), null, seed);
            case 6: return new Broken("label_noise_width", b -> b.noise(r.nextBoolean() ? -r.nextDouble() - 1e-9 : bad), null, seed);
            case 7: return new Broken("prob_dict.SHAPE", b -> b.attribute("SHAPE", List.of("circle", "square"),
                    new double[] {0.5, 0.5 + 1e-6 + r.nextDouble()}), null, seed);
            case 8: return new Broken("prob_dict.SHAPE[0]", b -> b.attribute("SHAPE", List.of("circle", "square"),
                    new double[] {r.nextBoolean() ? Double.NaN : -0.25, 1.25}), null, seed);
            case 9: return new Broken("prob_dict.SHAPE", b -> b.attribute("SHAPE", List.of("circle", "square", "t"),
                    new double[] {0.5, 0.5}), null, seed);
            case 10: return new Broken("group_dict.COLOR", b -> b.attribute("COLOR", List.of("l0", "red"),
                    new double[] {0.5, 0.5}), null, seed);
            case 11: return new Broken("num_applicants", null, b -> b.numApplicants(-r.nextInt(3)), seed);
            case 12: return new Broken("feature_params.mix_weight", null, b -> b.mixWeight(0.5, 0.5 + 1e-6 + r.nextDouble()), seed);
            case 13: return new Broken("feature_params.sigma[0]", null, b -> b.sigma(-r.nextDouble() - 1e-9, 0.1), seed);
            case 14: return new Broken("score_params.min", null, b -> b.scoreRange(1, 1 - r.nextDouble()), seed);
            case 15: return new Broken("group_cost.1", null, b -> b.groupCost(1, -r.nextDouble()), seed);
            case 16: return new Broken("gaming_control", null, b -> b.gamingControl(1 + 1e-9 + r.nextDouble()), seed);
            default: return new Broken("subsidy_beta", null, b -> b.subsidyBeta(r.nextBoolean() ? bad : 1 + 1e-9 + r.nextDouble()), seed);
        }
    }

    static Stream<Named<Broken>> cases() {
        return Cases.of("bad-input", BadInputPropertiesTest::random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneBrokenFieldIsNamedAndNoFileIsWritten(Broken c) throws Exception {
        // generator cases start from GenCase.random, whose levels are named l0, l1, ...
        Path out = dir.resolve("out.csv");
        try {
            if (c.gen() != null) {
                SynthSpec.Builder b = GenCase.random(new SplittableRandom(c.seed())).spec().toBuilder();
                c.gen().accept(b);
                SynthSpec spec = b.build();
                SynthCsvWriter.write(SynthJob.full(spec, 1), out, ProgressListener.NONE);
            } else {
                AdmissionsParams.Builder b = AdmCase.random(new SplittableRandom(c.seed())).params().toBuilder();
                c.adm().accept(b);
                b.build();
            }
            fail("no error for " + c.field());
        } catch (ConfigException e) {
            assertTrue(e.parameter().equals(c.field()), "named " + e.parameter() + ", expected " + c.field() + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.findAny().isEmpty(), "no file, no temporary file");
        }
    }
}
