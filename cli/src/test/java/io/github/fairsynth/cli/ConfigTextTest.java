package io.github.fairsynth.cli;

import io.github.fairsynth.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A config given as text (the Spark options, the Java API): its errors show the text, cut when long. */
class ConfigTextTest {
    private static final String LONG_BAD = "{\"samples\": 1000, \"dim\": 20, \"label_noise_width\": 0.16, \"fixed_seed\": 21,";

    private static void check(BiConsumer<String, String> reader) {
        ConfigException e = assertThrows(ConfigException.class, () -> reader.accept("option config", LONG_BAD));
        String m = e.getMessage();
        assertTrue(m.contains("option config"), m);
        assertTrue(m.contains("not valid JSON"), m);
        assertTrue(m.contains(LONG_BAD.substring(0, 57) + "..."), m);
        assertFalse(m.contains(LONG_BAD), m);

        ConfigException shortOne = assertThrows(ConfigException.class, () -> reader.accept("option config", "[1]"));
        assertTrue(shortOne.getMessage().contains("[1]"), shortOne.getMessage());
        assertTrue(shortOne.getMessage().contains("must hold one JSON object"), shortOne.getMessage());
    }

    @Test
    void generatorConfigErrorsShowTheTextCut() {
        check(SynthDocuments::config);
    }

    @Test
    void admissionsConfigErrorsShowTheTextCut() {
        check(AdmissionsDocuments::config);
    }
}
