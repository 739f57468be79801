package io.github.fairsynth.rng;

import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Xoshiro256PlusPlusX4Test {

    /** Each lane is exactly Commons RNG's xoshiro256++ seeded with its four SplitMix64 outputs. */
    @Test
    void lanesAreCommonsXoshiro256PlusPlus() {
        long key = 0x1234_5678_9ABC_DEF0L;
        SplitMix64 sm = new SplitMix64(key);
        XoShiRo256PlusPlus[] ref = new XoShiRo256PlusPlus[4];
        for (int l = 0; l < 4; l++) {
            ref[l] = new XoShiRo256PlusPlus(new long[] {sm.nextLong(), sm.nextLong(), sm.nextLong(), sm.nextLong()});
        }
        long[] out = new long[4 * 1000];
        new Xoshiro256PlusPlusX4(key).fillLongs(out, 0, out.length);
        for (int i = 0; i < out.length; i++) {
            assertEquals(ref[i % 4].nextLong(), out[i], "output " + i);
        }
    }

    @Test
    void scalarStreamIsLaneZero() {
        long[] out = new long[400];
        RngStreams.lanes(21, 3, 7).fillLongs(out, 0, out.length);
        var scalar = RngStreams.scalar(21, 3, 7);
        for (int i = 0; i < out.length; i += 4) {
            assertEquals(out[i], scalar.nextLong());
        }
    }

    @Test
    void uniformFillMatchesLongFillAndStaysInBounds() {
        int n = 4 * 257 + 3; // exercises the tail
        long[] bits = new long[n];
        new Xoshiro256PlusPlusX4(99).fillLongs(bits, 0, n);
        double[] u = new double[n];
        new Xoshiro256PlusPlusX4(99).fillUniform(u, 0, n, -2.5, 7.0);
        for (int i = 0; i < n; i++) {
            double expect = Math.min(-2.5 + 9.5 * Xoshiro256PlusPlusX4.toUnitDouble(bits[i]), 7.0);
            assertEquals(expect, u[i], 0.0, "value " + i);
            assertTrue(u[i] >= -2.5 && u[i] <= 7.0);
        }
    }

    @Test
    void unitDoubleEdges() {
        assertEquals(0.0, Xoshiro256PlusPlusX4.toUnitDouble(0L), 0.0);
        assertEquals(1.0 - 0x1p-52, Xoshiro256PlusPlusX4.toUnitDouble(-1L), 0.0);
    }

    @Test
    void streamKeysDifferByPurposeAndIndex() {
        assertTrue(RngStreams.key(21, 1, 0) != RngStreams.key(21, 2, 0));
        assertTrue(RngStreams.key(21, 1, 0) != RngStreams.key(21, 1, 1));
        assertTrue(RngStreams.key(21, 1, 0) != RngStreams.key(22, 1, 0));
    }

    @Test
    void boundedIntIsInRangeAndCoversIt() {
        var rng = RngStreams.scalar(5, 0, 0);
        int[] seen = new int[7];
        for (int i = 0; i < 7000; i++) {
            int v = RngStreams.boundedInt(rng, 7);
            assertTrue(v >= 0 && v < 7);
            seen[v]++;
        }
        for (int c : seen) {
            assertTrue(c > 0);
        }
    }
}
