package io.github.fairsynth.rng;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), used only to derive the states of other generators.
 *
 * <p>{@link #nextLong()} adds the golden gamma {@code 0x9E3779B97F4A7C15} to the state and returns
 * {@link #mix(long)} of the new state, exactly as Commons RNG's {@code SplitMix64}.
 */
public final class SplitMix64 {
    /** The increment of the state: the odd integer closest to 2^64 / φ. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** @param seed the initial state */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** @return the next 64 bits */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /**
     * The SplitMix64 output function (Stafford's variant 13): a bijection of 64-bit values.
     *
     * @param z any value
     * @return the mixed value
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
