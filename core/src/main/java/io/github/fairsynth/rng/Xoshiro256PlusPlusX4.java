package io.github.fairsynth.rng;

import java.util.Arrays;

/**
 * Four independent xoshiro256++ generators (Blackman and Vigna 2019) stepped together.
 *
 * <p>Output {@code i} of a fill comes from lane {@code i % 4}, step {@code i / 4}: the layout a 4-lane
 * SIMD kernel produces naturally, so scalar and vector kernels give the same numbers. A fill of {@code n}
 * values advances every lane by {@code ceil(n / 4)} steps; values of a last partial step beyond {@code n}
 * are discarded.
 *
 * <p>Doubles are built from the top 52 bits of each output: {@code longBitsToDouble(0x3FF0… | bits >>> 12)
 * - 1}, which is exact and lies in {@code [0, 1 - 2^-52]}.
 *
 * <p>Not thread-safe; create one per stream.
 */
public final class Xoshiro256PlusPlusX4 {
    /** Number of interleaved lanes. */
    public static final int LANES = 4;

    private static final long ONE_BITS = 0x3FF0_0000_0000_0000L;

    /** State: {@code s[4 * w + lane]} is word {@code w} of lane {@code lane}. */
    private final long[] s = new long[16];

    /**
     * Seeds lane {@code l} with four consecutive outputs {@code 4l … 4l+3} of a SplitMix64 started at
     * {@code key}: lane 0 is the same generator as Commons RNG's {@code XoShiRo256PlusPlus} seeded with
     * the first four outputs.
     *
     * @param key the stream key
     */
    public Xoshiro256PlusPlusX4(long key) {
        reseed(key);
    }

    /**
     * Re-seeds all lanes as the constructor does, so a worker can reuse one instance per stream.
     *
     * @param key the stream key
     */
    public void reseed(long key) {
        SplitMix64 sm = new SplitMix64(key);
        for (int lane = 0; lane < LANES; lane++) {
            long a = sm.nextLong();
            long b = sm.nextLong();
            long c = sm.nextLong();
            long d = sm.nextLong();
            if ((a | b | c | d) == 0) {
                a = SplitMix64.GOLDEN_GAMMA; // the one forbidden state; never seen in practice
            }
            s[lane] = a;
            s[4 + lane] = b;
            s[8 + lane] = c;
            s[12 + lane] = d;
        }
    }

    /**
     * Converts 64 random bits to a double in {@code [0, 1)} from the top 52 bits.
     *
     * @param bits random bits
     * @return a double in {@code [0, 1 - 2^-52]}
     */
    public static double toUnitDouble(long bits) {
        return Double.longBitsToDouble(ONE_BITS | (bits >>> 12)) - 1.0;
    }

    /**
     * Fills {@code dst[off … off+len)} with raw 64-bit outputs.
     *
     * @param dst destination
     * @param off first index
     * @param len number of values
     */
    public void fillLongs(long[] dst, int off, int len) {
        long a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3];
        long b0 = s[4], b1 = s[5], b2 = s[6], b3 = s[7];
        long c0 = s[8], c1 = s[9], c2 = s[10], c3 = s[11];
        long d0 = s[12], d1 = s[13], d2 = s[14], d3 = s[15];
        for (int i = 0; i < len; i += LANES) {
            long r0 = Long.rotateLeft(a0 + d0, 23) + a0;
            long r1 = Long.rotateLeft(a1 + d1, 23) + a1;
            long r2 = Long.rotateLeft(a2 + d2, 23) + a2;
            long r3 = Long.rotateLeft(a3 + d3, 23) + a3;
            long t0 = b0 << 17, t1 = b1 << 17, t2 = b2 << 17, t3 = b3 << 17;
            c0 ^= a0; c1 ^= a1; c2 ^= a2; c3 ^= a3;
            d0 ^= b0; d1 ^= b1; d2 ^= b2; d3 ^= b3;
            b0 ^= c0; b1 ^= c1; b2 ^= c2; b3 ^= c3;
            a0 ^= d0; a1 ^= d1; a2 ^= d2; a3 ^= d3;
            c0 ^= t0; c1 ^= t1; c2 ^= t2; c3 ^= t3;
            d0 = Long.rotateLeft(d0, 45); d1 = Long.rotateLeft(d1, 45);
            d2 = Long.rotateLeft(d2, 45); d3 = Long.rotateLeft(d3, 45);
            int rem = len - i;
            if (rem >= LANES) {
                dst[off + i] = r0;
                dst[off + i + 1] = r1;
                dst[off + i + 2] = r2;
                dst[off + i + 3] = r3;
            } else {
                long[] r = {r0, r1, r2, r3};
                System.arraycopy(r, 0, dst, off + i, rem);
            }
        }
        s[0] = a0; s[1] = a1; s[2] = a2; s[3] = a3;
        s[4] = b0; s[5] = b1; s[6] = b2; s[7] = b3;
        s[8] = c0; s[9] = c1; s[10] = c2; s[11] = c3;
        s[12] = d0; s[13] = d1; s[14] = d2; s[15] = d3;
    }

    /**
     * Fills {@code dst[off … off+len)} with {@code lo + (hi - lo) * u}, {@code u} from
     * {@link #toUnitDouble(long)}, capped at {@code hi} so that rounding never leaves {@code [lo, hi]}.
     *
     * @param dst destination
     * @param off first index
     * @param len number of values
     * @param lo  lower bound (finite)
     * @param hi  upper bound (finite, {@code >= lo})
     */
    public void fillUniform(double[] dst, int off, int len, double lo, double hi) {
        final double span = hi - lo;
        final int whole = len & ~(LANES - 1);
        // Two lanes per pass: eight live state words fit the registers (all four spill), and the
        // outputs land exactly where the interleaved order puts them.
        for (int lane = 0; lane < LANES; lane += 2) {
            long a0 = s[lane], b0 = s[4 + lane], c0 = s[8 + lane], d0 = s[12 + lane];
            long a1 = s[lane + 1], b1 = s[5 + lane], c1 = s[9 + lane], d1 = s[13 + lane];
            for (int i = off + lane; i < off + whole; i += LANES) {
                long r0 = Long.rotateLeft(a0 + d0, 23) + a0;
                long r1 = Long.rotateLeft(a1 + d1, 23) + a1;
                long t0 = b0 << 17;
                long t1 = b1 << 17;
                c0 ^= a0; d0 ^= b0; b0 ^= c0; a0 ^= d0; c0 ^= t0; d0 = Long.rotateLeft(d0, 45);
                c1 ^= a1; d1 ^= b1; b1 ^= c1; a1 ^= d1; c1 ^= t1; d1 = Long.rotateLeft(d1, 45);
                dst[i] = capped(lo + span * toUnitDouble(r0), hi);
                dst[i + 1] = capped(lo + span * toUnitDouble(r1), hi);
            }
            s[lane] = a0; s[4 + lane] = b0; s[8 + lane] = c0; s[12 + lane] = d0;
            s[lane + 1] = a1; s[5 + lane] = b1; s[9 + lane] = c1; s[13 + lane] = d1;
        }
        if (whole < len) {
            long[] tail = new long[LANES];
            fillLongs(tail, 0, LANES);
            for (int i = whole, k = 0; i < len; i++, k++) {
                dst[off + i] = capped(lo + span * toUnitDouble(tail[k]), hi);
            }
        }
    }

    /**
     * {@code Math.min(v, hi)} for the values a uniform fill produces: {@code v = lo + span·u} is never NaN
     * and never -0.0 (a sum rounds to -0.0 only when both terms are -0.0, and {@code span·u} is not), so a
     * plain compare gives the same double without {@code Math.min}'s NaN and signed-zero branches.
     */
    private static double capped(double v, double hi) {
        return v < hi ? v : hi;
    }

    /**
     * The live 16-word state, lane-interleaved as {@link #state()} (for kernels that step the lanes
     * themselves and store the state back; not a copy).
     *
     * @return the state array
     */
    public long[] stateArray() {
        return s;
    }

    /** @return a copy of the 16-word state, lane-interleaved (for tests and SIMD kernels) */
    public long[] state() {
        return Arrays.copyOf(s, s.length);
    }

    /**
     * Replaces the state (for SIMD kernels that step the lanes themselves).
     *
     * @param state 16 words, lane-interleaved as {@link #state()} returns them
     */
    public void setState(long[] state) {
        System.arraycopy(state, 0, s, 0, 16);
    }
}
