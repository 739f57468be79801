package io.github.fairsynth.synth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the random streams (docs/REPRODUCIBILITY.md): the SHA-256 of the CSV bytes of three configs. A
 * change here changes every dataset users have generated; it must be deliberate, documented and come with
 * a new major version of the stream contract.
 */
class GoldenStreamsTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("paper defaults, 10000 rows",
                        SynthSpec.builder().samples(10_000).build(),
                        "c469e40571c6bb398b4d82b85c247d04df66796093c7e4e2a5f240b38a6db5f8"),
                Arguments.of("quadratic, drop_sensitive, unscaled, 3 attributes",
                        SynthTestSupport.rich().samples(9_000).dropSensitive(true).scale(false).build(),
                        "6fd7c135d61658bac69798354027c37f8abcbf812aa9691f61d17b8b0244d43a"),
                Arguments.of("wide: dim 100, 10 attributes x 5 levels, seed 7",
                        wide().samples(5_000).seed(7).build(),
                        "4619266891fc8794ae64e68889907f0bac2c6069d72151c2bc5c4a72d67368dc"));
    }

    static SynthSpec.Builder wide() {
        SynthSpec.Builder b = SynthSpec.builder().dim(100).clearAttributes();
        for (int a = 0; a < 10; a++) {
            List<String> levels = List.of("a" + a + "l0", "a" + a + "l1", "a" + a + "l2", "a" + a + "l3", "a" + a + "l4");
            b.attribute("A" + a, levels, new double[] {0.4, 0.25, 0.15, 0.12, 0.08});
        }
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void csvBytesArePinned(String name, SynthSpec spec, String expected) throws Exception {
        byte[] csv = SynthTestSupport.csv(spec, 2);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
        assertEquals(expected, sha, name);
    }
}
