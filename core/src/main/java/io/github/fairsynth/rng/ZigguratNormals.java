package io.github.fairsynth.rng;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Standard normals of Apache Commons RNG 1.6's {@code ZigguratSampler.NormalizedGaussian} over a scalar
 * stream ({@link RngStreams#scalarFromKey(long)}), in bulk and bit-identical to calling that sampler's
 * {@code sample()} once per value.
 *
 * <p>Commons' sampler draws a 64-bit value {@code v}; when its low byte {@code i} is below 253 (253 of 256
 * draws) the normal is {@code X[i] · v}, otherwise it runs its edge code, which draws more values. Here
 * that fast path runs in one loop with the xoshiro256++ state in local variables (through Commons'
 * provider interface the state goes to memory and back on every draw: 6.5 ns a normal on Zen 1). The
 * other draws are handed to a Commons sampler over this stream's state as it was before {@code v}, so the
 * sampler draws {@code v} again and runs its own edge code; the loop then continues from the state it left.
 *
 * <p>The table {@code X[i]} is read from Commons' sampler once, by feeding it {@code 2^62 + i} (which
 * converts to the double {@code 2^62} exactly). If that probe finds a layout other than the one above
 * (a later Commons version), every value goes through Commons' sampler: slower, still the same numbers.
 *
 * <p>The same sampler also makes normals from 64-bit values drawn elsewhere (the admissions streams):
 * {@link #fromBits} runs the fast path over an array of values and marks every other value with a NaN,
 * and {@link #edge(long)} gives such a value's normal as Commons' sampler gives it when its first draw is
 * that value and its further draws come from this object's stream.
 *
 * <p>Not thread-safe: one instance per thread; {@link #reseed(long)} reuses it for another stream.
 */
public final class ZigguratNormals {
    /** {@code X[i]} for the fast-path indices {@code i < FAST}, zero above; 256 entries. */
    private static final double[] X = new double[256];
    /** Low bytes below this take the fast path; 0 when the probe found an unexpected layout. */
    private static final int FAST = probe(X);
    /** {@code X} with NaN for the indices that are not on the fast path: {@link #fromBits}'s table. */
    private static final double[] X_OR_NAN = orNaN(X, FAST);

    /** The stream; its fields are the state between calls. */
    private final State rng = new State();
    /** Scratch for {@link #reseed(long)}: admissions re-seed once per chunk that has an edge draw. */
    private final long[] seedWords = new long[4];
    /** Commons' sampler over {@link #rng}, for the edge draws. */
    private final ZigguratSampler.NormalizedGaussian sampler = ZigguratSampler.NormalizedGaussian.of(rng);

    /**
     * @param key the stream key (see {@link RngStreams#key(long, long, long)})
     */
    public ZigguratNormals(long key) {
        reseed(key);
    }

    /**
     * Restarts this object on the scalar stream of another key, as a new instance would.
     *
     * @param key the stream key
     */
    public void reseed(long key) {
        long[] st = RngStreams.scalarState(key, seedWords);
        rng.set(st[0], st[1], st[2], st[3]);
        rng.pending = false;
    }

    /**
     * The normals of {@code n} given 64-bit values as Commons' sampler makes them when they are its first
     * draws: {@code out[outOff + k] = X[i] · bits[off + k]} for a value whose low byte {@code i} is on the
     * fast path, NaN for the others (about 3 in 256), whose normal {@link #edge(long)} gives.
     *
     * @param bits   the values
     * @param off    index of the first
     * @param n      how many
     * @param out    the normals, NaN where {@link #edge(long)} must finish
     * @param outOff index of the first normal
     */
    public static void fromBits(long[] bits, int off, int n, double[] out, int outOff) {
        final double[] x = X_OR_NAN;
        for (int k = 0; k < n; k++) {
            long v = bits[off + k];
            out[outOff + k] = x[(int) v & 0xff] * (double) v;
        }
    }

    /**
     * The normal of a value {@link #fromBits} marked NaN: Commons' {@code sample()} over a provider whose
     * first output is {@code v} and whose further outputs are this object's stream, which advances by as
     * many draws as the sampler's edge code takes. (For a value on the fast path it gives the same number
     * as {@link #fromBits}, without advancing the stream.)
     *
     * @param v the first draw
     * @return the standard normal
     */
    public double edge(long v) {
        rng.pendingValue = v;
        rng.pending = true;
        double z = sampler.sample();
        rng.pending = false;
        return z;
    }

    /**
     * Adds {@code scale · z_k} to {@code y[off + k]} for the next {@code len} normals {@code z_k} of the
     * stream, in order: {@code y[off + k] = y[off + k] + scale · z_k}.
     *
     * @param y     the values to add to
     * @param off   first index
     * @param len   number of normals
     * @param scale the factor
     */
    public void addScaled(double[] y, int off, int len, double scale) {
        final double[] x = X;
        long s0 = rng.s0;
        long s1 = rng.s1;
        long s2 = rng.s2;
        long s3 = rng.s3;
        for (int k = off, end = off + len; k < end; k++) {
            long v = Long.rotateLeft(s0 + s3, 23) + s0;
            int i = (int) v & 0xff;
            if (i < FAST) {
                long t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = Long.rotateLeft(s3, 45);
                y[k] = y[k] + scale * (x[i] * (double) v);
            } else {
                rng.set(s0, s1, s2, s3); // the state before v: the sampler draws v again
                y[k] = y[k] + scale * sampler.sample();
                s0 = rng.s0;
                s1 = rng.s1;
                s2 = rng.s2;
                s3 = rng.s3;
            }
        }
        rng.set(s0, s1, s2, s3);
    }

    /** @return how many low-byte values take the fast path (253 with Commons RNG 1.6, 0 if unrecognised) */
    static int fastIndices() {
        return FAST;
    }

    /**
     * Reads {@code X[i]} from Commons' sampler for every low byte {@code i} whose draw returns after one
     * value, and checks that these form the prefix {@code [0, FAST)}.
     *
     * @param x receives {@code X[i]}
     * @return {@code FAST}, or 0 if the fast indices are not a non-empty prefix
     */
    private static int probe(double[] x) {
        Probe p = new Probe();
        ZigguratSampler.NormalizedGaussian s = ZigguratSampler.NormalizedGaussian.of(p);
        int fast = 0;
        boolean prefix = true;
        for (int i = 0; i < 256; i++) {
            p.value = (1L << 62) + i;
            p.calls = 0;
            double z;
            try {
                z = s.sample();
            } catch (IllegalStateException e) {
                z = Double.NaN; // asked for a second value: an edge index
            }
            if (p.calls == 1 && z > 0 && !Double.isInfinite(z)) {
                if (fast != i) {
                    prefix = false;
                }
                fast = i + 1;
                x[i] = Math.scalb(z, -62);
            }
        }
        if (!prefix || fast == 0) {
            java.util.Arrays.fill(x, 0);
            return 0;
        }
        return fast;
    }

    private static double[] orNaN(double[] x, int fast) {
        double[] t = x.clone();
        java.util.Arrays.fill(t, fast, t.length, Double.NaN);
        return t;
    }

    /** A provider that returns one chosen value, then fails. */
    private static final class Probe implements UniformRandomProvider {
        long value;
        int calls;

        @Override
        public long nextLong() {
            if (calls++ > 0) {
                throw new IllegalStateException("second draw");
            }
            return value;
        }
    }

    /**
     * xoshiro256++ with its state in fields (the scalar stream of {@link RngStreams}), which first returns
     * {@link #pendingValue} when {@link #pending} is set.
     */
    private static final class State implements UniformRandomProvider {
        long s0;
        long s1;
        long s2;
        long s3;
        boolean pending;
        long pendingValue;

        void set(long a, long b, long c, long d) {
            s0 = a;
            s1 = b;
            s2 = c;
            s3 = d;
        }

        @Override
        public long nextLong() {
            if (pending) {
                pending = false;
                return pendingValue;
            }
            long r = Long.rotateLeft(s0 + s3, 23) + s0;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            return r;
        }
    }
}
