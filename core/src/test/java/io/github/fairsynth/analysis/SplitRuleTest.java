package io.github.fairsynth.analysis;

import io.github.fairsynth.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitRuleTest {
    @ParameterizedTest
    @ValueSource(longs = {2, 3, 5, 17, 1000, 4097, 65_537, 300_001})
    void isABijectionWithTheScikitLearnTestCount(long n) {
        SplitRule s = new SplitRule(n, 0.2, 21);
        boolean[] seen = new boolean[(int) n];
        long test = 0;
        for (long i = 0; i < n; i++) {
            long v = s.permute(i);
            assertTrue(v >= 0 && v < n);
            assertFalse(seen[(int) v]);
            seen[(int) v] = true;
            test += s.isTest(i) ? 1 : 0;
        }
        assertEquals((long) Math.ceil(0.2 * n), test);
    }

    @Test
    void seedsGiveDifferentShuffles() {
        SplitRule a = new SplitRule(10_000, 0.2, 21);
        SplitRule b = new SplitRule(10_000, 0.2, 22);
        int same = 0;
        for (long i = 0; i < 10_000; i++) {
            same += a.isTest(i) == b.isTest(i) ? 1 : 0;
        }
        // independent 20% splits agree on ~68% of rows (0.8² + 0.2²); identical would be 100%
        assertTrue(same < 7_500, "agreement " + same);
    }

    @Test
    void badFractionsAreNamed() {
        assertEquals("test-fraction", assertThrows(ConfigException.class, () -> new SplitRule(100, 0, 1)).parameter());
        assertEquals("test-fraction", assertThrows(ConfigException.class, () -> new SplitRule(100, 1, 1)).parameter());
        assertEquals("test-fraction", assertThrows(ConfigException.class, () -> new SplitRule(1, 0.5, 1)).parameter());
    }
}
