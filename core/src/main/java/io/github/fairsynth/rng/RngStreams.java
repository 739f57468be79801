package io.github.fairsynth.rng;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Names every random stream by {@code (seed, purpose, index)} and derives its state.
 *
 * <p>The stream key is {@code mix(mix(mix(seed) ^ purpose) ^ index)} with {@link SplitMix64#mix(long)}.
 * A stream's generator state is read from a SplitMix64 started at that key: four outputs per xoshiro256++
 * lane. Streams of different purposes or indices are independent of each other, and any block's streams
 * can be built without touching any other block: this is what makes random access and
 * thread-count-independent output possible.
 */
public final class RngStreams {
    private RngStreams() {
    }

    /**
     * The key of stream {@code (seed, purpose, index)}.
     *
     * @param seed    the user's seed
     * @param purpose what the stream is for (a small constant per use; see the engine's stream tables)
     * @param index   the block (or other) index within that purpose
     * @return the 64-bit stream key
     */
    public static long key(long seed, long purpose, long index) {
        return SplitMix64.mix(SplitMix64.mix(SplitMix64.mix(seed) ^ purpose) ^ index);
    }

    /**
     * A 4-lane bulk stream.
     *
     * @param seed    the user's seed
     * @param purpose the purpose constant
     * @param index   the index within the purpose
     * @return a new 4-lane xoshiro256++ stream
     */
    public static Xoshiro256PlusPlusX4 lanes(long seed, long purpose, long index) {
        return new Xoshiro256PlusPlusX4(key(seed, purpose, index));
    }

    /**
     * A scalar stream: Commons RNG's xoshiro256++ seeded with the first four SplitMix64 outputs at the
     * key (the same generator as lane 0 of {@link #lanes(long, long, long)}).
     *
     * @param seed    the user's seed
     * @param purpose the purpose constant
     * @param index   the index within the purpose
     * @return a new scalar stream
     */
    public static UniformRandomProvider scalar(long seed, long purpose, long index) {
        return scalarFromKey(key(seed, purpose, index));
    }

    /**
     * A scalar stream seeded from a key, as {@link #scalar(long, long, long)}.
     *
     * @param key the stream key
     * @return a new scalar stream
     */
    public static UniformRandomProvider scalarFromKey(long key) {
        return new XoShiRo256PlusPlus(scalarState(key, new long[4]));
    }

    /**
     * The state words {@code s0..s3} of the scalar stream at a key: the first four SplitMix64 outputs at
     * the key, with the all-zero state (never seen in practice) replaced as the contract says. Written into
     * a given array, so that streams re-seeded often allocate nothing.
     *
     * @param key   the stream key
     * @param state receives the four state words
     * @return {@code state}
     */
    static long[] scalarState(long key, long[] state) {
        SplitMix64 sm = new SplitMix64(key);
        for (int i = 0; i < 4; i++) {
            state[i] = sm.nextLong();
        }
        if ((state[0] | state[1] | state[2] | state[3]) == 0) {
            state[0] = SplitMix64.GOLDEN_GAMMA;
        }
        return state;
    }

    /**
     * A uniform double in {@code [0, 1)} from a scalar stream, built as the 4-lane kernels build theirs.
     *
     * @param rng the stream
     * @return {@link Xoshiro256PlusPlusX4#toUnitDouble(long)} of the next output
     */
    public static double unitDouble(UniformRandomProvider rng) {
        return Xoshiro256PlusPlusX4.toUnitDouble(rng.nextLong());
    }

    /**
     * A uniform integer in {@code [0, bound)} by Lemire's multiply-and-reject method on the top 32 bits
     * of each output (unbiased).
     *
     * @param rng   the stream
     * @param bound exclusive upper bound, {@code >= 1}
     * @return the draw
     */
    public static int boundedInt(UniformRandomProvider rng, int bound) {
        long m = (rng.nextLong() >>> 32) * bound;
        long low = m & 0xFFFF_FFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (rng.nextLong() >>> 32) * bound;
                low = m & 0xFFFF_FFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
