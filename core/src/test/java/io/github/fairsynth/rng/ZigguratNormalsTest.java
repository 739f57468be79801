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

    /**
     * {@code fromBits} then {@code edge} for its NaNs give Commons' {@code sample()} over a provider whose
     * draws are each value in turn followed, when the sampler asks for more, by the edge stream: bit for bit,
     * over 200,000 values of which about 1.2% (some in the tail) need the edge stream.
     */
    @ParameterizedTest
    @ValueSource(longs = {0L, 66L, -5L})
    void fromBitsAndEdgeAreCommonsSamplerFedTheSameDraws(long key) {
        int n = 200_000;
        long[] bits = new long[n + 3];
        new Xoshiro256PlusPlusX4(key).fillLongs(bits, 0, bits.length);
        double[] z = new double[n + 5];
        ZigguratNormals.fromBits(bits, 3, n, z, 5);
        ZigguratNormals edges = new ZigguratNormals(1);
        edges.reseed(key ^ 0x5555);
        int marked = 0;
        for (int k = 5; k < n + 5; k++) {
            if (Double.isNaN(z[k])) {
                marked++;
                z[k] = edges.edge(bits[k - 2]);
            }
        }
        Feed feed = new Feed(RngStreams.scalarFromKey(key ^ 0x5555));
        ZigguratSampler.NormalizedGaussian ref = ZigguratSampler.NormalizedGaussian.of(feed);
        int tails = 0;
        for (int k = 0; k < n; k++) {
            feed.first = bits[k + 3];
            feed.fresh = true;
            double expect = ref.sample();
            assertEquals(Double.doubleToRawLongBits(expect), Double.doubleToRawLongBits(z[k + 5]), "value " + k);
            tails += Math.abs(expect) > 3.6360066255009455 ? 1 : 0;
        }
        assertEquals(n * 3 / 256.0, marked, 4 * Math.sqrt(n * 3 / 256.0), "about 3 in 256 leave the fast path");
        assertTrue(tails > 0, "some values from the tail");
        assertEquals(0.0, z[4], 0.0, "nothing written before outOff");
    }

    /** A provider whose next draw is {@link #first} once, then the given stream's. */
    private static final class Feed implements UniformRandomProvider {
        private final UniformRandomProvider rest;
        long first;
        boolean fresh;

        Feed(UniformRandomProvider rest) {
            this.rest = rest;
        }

        @Override
        public long nextLong() {
            if (fresh) {
                fresh = false;
                return first;
            }
            return rest.nextLong();
        }
    }
}
