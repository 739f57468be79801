package io.github.fairsynth.spark;

import io.github.fairsynth.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The source's options: partitions of whole blocks, and errors that name the option, its value and the range. */
class SynthOptionsTest {
    @Test
    void partitionsAreRunsOfWholeBlocks() {
        SynthOptions o = SynthOptions.parse(Map.of("rows", "100000", "partitions", "3"), 2);
        assertEquals(25, o.blocks());
        assertEquals(9, o.blocksPerPartition());
        assertEquals(3, o.partitions());
        SynthOptions r = SynthOptions.parse(Map.of("rows", "100000", "rowsPerPartition", "5000"), 2);
        assertEquals(2, r.blocksPerPartition()); // 5000 rows round up to two 4096-row blocks
        assertEquals(13, r.partitions());
        assertEquals(2, SynthOptions.parse(Map.of("ROWS", "100000"), 2).partitions()); // default parallelism
        assertEquals(123, SynthOptions.parse(Map.of("config", "{\"samples\": 123}"), 2).spec().samples());
        assertEquals(9, SynthOptions.parse(Map.of("config", "{\"fixed_seed\": 3}", "seed", "9"), 2).spec().seed());
    }

    @Test
    void badOptionsNameTheOptionItsValueAndTheRange() {
        assertMessage("option rows", Map.of("rows", "0"), "[1, ");
        assertMessage("option rows", Map.of("rows", "many"), "whole number");
        assertMessage("option partitions", Map.of("rows", "8192", "partitions", "3"), "[1, 2]");
        assertMessage("option partitions", Map.of("partitions", "2", "rowsPerPartition", "5000"), "not both");
        assertMessage("option rowIndex", Map.of("rowIndex", "yes"), "true or false");
        assertMessage("option colour", Map.of("colour", "red"), "known: config, rows");
        assertMessage("option config", Map.of("config", "{"), "not valid JSON");
        assertMessage("config field \"sample\"", Map.of("config", "{\"sample\": 5}"), "did you mean \"samples\"");
        assertMessage("dim", Map.of("config", "{\"dim\": 0}"), "[1, 4096]");
    }

    private static void assertMessage(String parameter, Map<String, String> options, String part) {
        ConfigException e = assertThrows(ConfigException.class, () -> SynthOptions.parse(options, 2).spec());
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
