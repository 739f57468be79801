package io.github.fairsynth.analysis;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.rng.RngStreams;
import io.github.fairsynth.rng.SplitMix64;

/**
 * Which rows are test rows when no split column is given: a seeded shuffle of the row positions
 * {@code 0 … n-1} of which the first {@code ceil(testFraction · n)} are test rows (scikit-learn's
 * {@code train_test_split} count). The shuffle is a keyed pseudo-random permutation (a six-round Feistel
 * network on the next even power of two, cycle-walking into {@code [0, n)}), so any row's side is known
 * in O(1) time and memory: 10⁸ streamed rows need no permutation array.
 */
public final class SplitRule {
    /** Stream purpose of the split keys. */
    private static final long PURPOSE = 32;
    private static final int ROUNDS = 6;

    private final long n;
    private final long testRows;
    private final int halfBits;
    private final long halfMask;
    private final long[] keys = new long[ROUNDS];

    /**
     * @param n            number of rows ({@code >= 2})
     * @param testFraction share of test rows, in (0, 1); the count is {@code ceil(testFraction·n)}
     * @param seed         the split seed
     */
    public SplitRule(long n, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new ConfigException("test-fraction", testFraction, "must be in (0, 1)");
        }
        long test = (long) Math.ceil(testFraction * n);
        if (n < 2 || test < 1 || test >= n) {
            throw new ConfigException("test-fraction", testFraction,
                    "leaves " + (n - test) + " training and " + test + " test rows of " + n + "; both must be >= 1");
        }
        this.n = n;
        this.testRows = test;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
        bits += bits & 1;
        halfBits = bits / 2;
        halfMask = (1L << halfBits) - 1;
        for (int i = 0; i < ROUNDS; i++) {
            keys[i] = RngStreams.key(seed, PURPOSE, i);
        }
    }

    /** @return number of rows */
    public long rows() {
        return n;
    }

    /** @return number of test rows, {@code ceil(testFraction·n)} */
    public long testRows() {
        return testRows;
    }

    /**
     * @param row row position in {@code [0, n)}
     * @return whether the row is a test row
     */
    public boolean isTest(long row) {
        return permute(row) < testRows;
    }

    /**
     * @param row a position in {@code [0, n)}
     * @return its place in the shuffled order, in {@code [0, n)} (a bijection)
     */
    public long permute(long row) {
        long v = row;
        do {
            v = feistel(v);
        } while (v >= n);
        return v;
    }

    private long feistel(long v) {
        long left = v >>> halfBits;
        long right = v & halfMask;
        for (int i = 0; i < ROUNDS; i++) {
            long t = right;
            right = (left ^ SplitMix64.mix(right ^ keys[i])) & halfMask;
            left = t;
        }
        return (left << halfBits) | right;
    }
}
