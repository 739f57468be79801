package io.github.fairsynth.rng;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ZigguratNormals} gives exactly Commons RNG's ziggurat normals over the same scalar stream. */
class ZigguratNormalsTest {

    /** The fast path is in use (a Commons version with another layout would fall back to its sampler). */
    @Test
    void probeFindsCommonsFastPath() {
        assertEquals(253, ZigguratNormals.fastIndices());
    }

    /**
     * Bit-identical to {@code sample()} called once per value, across many edge draws (about 1.2% of the
     * 300,000 values take Commons' edge code, some its tail), and the stream continues where Commons' does.
     */
    @ParameterizedTest
    @ValueSource(longs = {0L, 21L, -1L, 0x9E3779B97F4A7C15L, 123456789L})
    void sameBitsAsCommonsSampler(long key) {
        int n = 300_000;
        UniformRandomProvider ref = RngStreams.scalarFromKey(key);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(ref);
        double[] y = new double[n];
        new ZigguratNormals(key).addScaled(y, 0, n, 1.0);
        int tails = 0;
        for (int i = 0; i < n; i++) {
            double expect = 0.0 + 1.0 * z.sample();
            assertEquals(Double.doubleToRawLongBits(expect), Double.doubleToRawLongBits(y[i]), "value " + i);
            if (Math.abs(y[i]) > 3.6360066255009455) {
                tails++;
            }
        }
        assertTrue(tails > 0, "some values from the tail");
    }

    /** Pieces of any length continue one stream; scale and the values added to enter as written. */
    @Test
    void piecesContinueTheStreamAndAddScaled() {
        long key = RngStreams.key(21, 3, 5);
        int n = 50_000;
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            base[i] = i * 0.25 - 7;
        }
        double[] whole = base.clone();
        new ZigguratNormals(key).addScaled(whole, 0, n, 0.3);
        double[] pieces = base.clone();
        ZigguratNormals zn = new ZigguratNormals(99);
        zn.reseed(key);
        int[] cuts = {0, 1, 2, 255, 256, 1000, 33_333, n};
        for (int c = 0; c + 1 < cuts.length; c++) {
            zn.addScaled(pieces, cuts[c], cuts[c + 1] - cuts[c], 0.3);
        }
        UniformRandomProvider ref = RngStreams.scalarFromKey(key);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(ref);
        for (int i = 0; i < n; i++) {
            double expect = base[i] + 0.3 * z.sample();
            assertEquals(expect, whole[i], 0.0, "whole, value " + i);
            assertEquals(expect, pieces[i], 0.0, "pieces, value " + i);
        }
    }
}
