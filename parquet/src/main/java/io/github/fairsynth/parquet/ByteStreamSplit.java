package io.github.fairsynth.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Parquet's BYTE_STREAM_SPLIT layout of DOUBLE values: a page of {@code n} values is eight streams of
 * {@code n} bytes, stream k holding byte k (little-endian) of every value in order. A page is filled
 * with the streams {@code stride} bytes apart (its capacity), then {@link #close closed} to {@code n}
 * apart when it holds fewer values. Four values at a time go as four-byte runs of each stream (about
 * twice the speed of eight single-byte stores per value).
 */
final class ByteStreamSplit {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteStreamSplit() {
    }

    /**
     * Puts {@code n} values as page values {@code at}, {@code at + 1}, … of streams {@code stride} apart.
     *
     * @param src    the values
     * @param off    the first one's index
     * @param n      how many
     * @param page   the page, at least {@code 8·stride} bytes
     * @param stride the streams' distance: the page's capacity in values
     * @param at     the first value's place in the page
     */
    static void put(double[] src, int off, int n, byte[] page, int stride, int at) {
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long a = Double.doubleToRawLongBits(src[off + i]);
            long b = Double.doubleToRawLongBits(src[off + i + 1]);
            long c = Double.doubleToRawLongBits(src[off + i + 2]);
            long d = Double.doubleToRawLongBits(src[off + i + 3]);
            // a 4x8 byte transpose in two rounds of swaps: bytes of (a, b) and of (c, d), then byte pairs
            // of (a, c) and of (b, d); then the low int of a is byte 0 of the four values, its high int
            // byte 4, and so on for b (bytes 1, 5), c (2, 6), d (3, 7)
            long t = ((a >>> 8) ^ b) & 0x00FF00FF00FF00FFL;
            b ^= t;
            a ^= t << 8;
            t = ((c >>> 8) ^ d) & 0x00FF00FF00FF00FFL;
            d ^= t;
            c ^= t << 8;
            t = ((a >>> 16) ^ c) & 0x0000FFFF0000FFFFL;
            c ^= t;
            a ^= t << 16;
            t = ((b >>> 16) ^ d) & 0x0000FFFF0000FFFFL;
            d ^= t;
            b ^= t << 16;
            int p = at + i;
            INTS.set(page, p, (int) a);
            INTS.set(page, p + stride, (int) b);
            INTS.set(page, p + 2 * stride, (int) c);
            INTS.set(page, p + 3 * stride, (int) d);
            INTS.set(page, p + 4 * stride, (int) (a >>> 32));
            INTS.set(page, p + 5 * stride, (int) (b >>> 32));
            INTS.set(page, p + 6 * stride, (int) (c >>> 32));
            INTS.set(page, p + 7 * stride, (int) (d >>> 32));
        }
        for (; i < n; i++) {
            long v = Double.doubleToRawLongBits(src[off + i]);
            int p = at + i;
            for (int k = 0; k < Double.BYTES; k++) {
                page[p + k * stride] = (byte) (v >>> (8 * k));
            }
        }
    }

    /**
     * Moves the streams of a page of {@code n} values from {@code stride} apart to {@code n} apart, so
     * they are its first {@code 8·n} bytes.
     *
     * @param page   the page
     * @param stride the streams' distance now
     * @param n      the values in the page, at most {@code stride}
     */
    static void close(byte[] page, int stride, int n) {
        for (int k = 1; k < Double.BYTES; k++) {
            System.arraycopy(page, k * stride, page, k * n, n);
        }
    }
}
