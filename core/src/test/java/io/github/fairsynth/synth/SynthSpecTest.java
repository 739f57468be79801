package io.github.fairsynth.synth;

import io.github.fairsynth.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthSpecTest {

    private static ConfigException bad(UnaryOperator<SynthSpec.Builder> change) {
        return assertThrows(ConfigException.class, () -> change.apply(SynthSpec.builder()).build());
    }

    @Test
    void defaultsAreThePaperExperiment() {
        SynthSpec s = SynthSpec.builder().build();
        assertEquals(100_000, s.samples());
        assertEquals(20, s.dim());
        assertEquals(5, s.groups());
        assertEquals(List.of("circle", "square", "triangle", "green", "red"),
                List.of(s.groupName(0), s.groupName(1), s.groupName(2), s.groupName(3), s.groupName(4)));
        assertEquals(0.16, s.noiseWidth());
        assertEquals(21, s.seed());
        assertTrue(s.linear() && !s.quad() && s.scale() && !s.dropSensitive());
    }

    @Test
    void eachBadParameterIsNamed() {
        assertEquals("samples", bad(b -> b.samples(0)).parameter());
        assertEquals("dim", bad(b -> b.dim(0)).parameter());
        assertEquals("feat_lo", bad(b -> b.features(2, 1)).parameter());
        assertEquals("feat_hi", bad(b -> b.features(0, Double.POSITIVE_INFINITY)).parameter());
        assertEquals("w_lo", bad(b -> b.weights(Double.NaN, 1)).parameter());
        assertEquals("S_lo", bad(b -> b.quadBounds(1, 0)).parameter());
        assertEquals("label_noise_width", bad(b -> b.noise(-1)).parameter());
        assertEquals("prob_dict.SHAPE", bad(b -> b.attribute("SHAPE", List.of("a", "b"), new double[] {0.5, 0.6})).parameter());
        assertEquals("prob_dict.SHAPE[1]", bad(b -> b.attribute("SHAPE", List.of("a", "b"), new double[] {1.5, -0.5})).parameter());
        assertEquals("prob_dict.SHAPE[0]", bad(b -> b.attribute("SHAPE", List.of("a", "b"), new double[] {Double.NaN, 0.5})).parameter());
        assertEquals("prob_dict.SHAPE", bad(b -> b.attribute("SHAPE", List.of("a", "b"), new double[] {1.0})).parameter());
        assertEquals("group_dict.COLOR", bad(b -> b.attribute("COLOR", List.of("circle", "x"), new double[] {0.5, 0.5})).parameter());
        assertEquals("group_dict", bad(SynthSpec.Builder::clearAttributes).parameter());
    }

    @Test
    void messageIsOneLineWithValueAndRange() {
        ConfigException e = bad(b -> b.features(2, 1));
        assertEquals("invalid feat_lo = 2.0: must be <= feat_hi (1.0)", e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void probabilitySumToleranceIsOneInABillion() {
        SynthSpec.builder().attribute("SHAPE", List.of("a", "b"), new double[] {0.5, 0.5 + 5e-10}).build();
        bad(b -> b.attribute("SHAPE", List.of("a", "b"), new double[] {0.5, 0.5 + 5e-9}));
    }
}
