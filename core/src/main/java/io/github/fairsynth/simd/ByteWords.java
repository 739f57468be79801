package io.github.fairsynth.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a {@code byte[]} as one little-endian {@code long}: byte {@code i + j} is bits
 * {@code 8j … 8j+7} of the word at {@code i}. The kernels store eight 0/1 outcomes at once this way, and the
 * admissions tallies count eight of them with one bit count.
 */
public final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteWords() {
    }

    /**
     * @param a bytes
     * @param i index of the first of eight ({@code i + 8 <= a.length})
     * @return {@code a[i … i+8)} as one word, {@code a[i]} in the low byte
     */
    public static long get(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    /**
     * Stores a word's eight bytes at {@code a[i … i+8)}, its low byte at {@code a[i]}.
     *
     * @param a    bytes
     * @param i    index of the first of eight ({@code i + 8 <= a.length})
     * @param word the eight bytes
     */
    public static void set(byte[] a, int i, long word) {
        LONGS.set(a, i, word);
    }
}
