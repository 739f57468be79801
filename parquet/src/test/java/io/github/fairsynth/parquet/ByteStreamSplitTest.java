package io.github.fairsynth.parquet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The split layout against the format's definition, built value by value from little-endian bytes. */
class ByteStreamSplitTest {
    @ParameterizedTest(name = "{0} values in pieces of {1}, capacity {2}")
    @CsvSource({"1, 1, 1", "7, 3, 8", "64, 64, 64", "1001, 13, 1024", "4096, 4096, 5000", "4099, 1000, 4099"})
    void piecesThenCloseGiveTheFormatsStreams(int n, int piece, int capacity) {
        SplittableRandom rnd = new SplittableRandom(n * 31L + piece);
        double[] src = new double[n + 5];
        for (int i = 0; i < src.length; i++) {
            // ordinary values, both zeros, infinities, a NaN with payload bits, subnormals
            int kind = rnd.nextInt(8);
            src[i] = kind == 0 ? -0.0 : kind == 1 ? Double.NEGATIVE_INFINITY
                    : kind == 2 ? Double.longBitsToDouble(0x7ff0_0000_0000_1234L)
                    : kind == 3 ? Double.MIN_VALUE * rnd.nextInt(1000) : rnd.nextDouble() * 4 - 2;
        }
        int off = 5;
        byte[] le = new byte[n * Double.BYTES];
        ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(src, off, n);
        byte[] expected = new byte[n * Double.BYTES];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < Double.BYTES; k++) {
                expected[k * n + i] = le[i * Double.BYTES + k];
            }
        }
        byte[] page = new byte[capacity * Double.BYTES];
        for (int at = 0; at < n; at += piece) {
            ByteStreamSplit.put(src, off + at, Math.min(piece, n - at), page, capacity, at);
        }
        ByteStreamSplit.close(page, capacity, n);
        byte[] got = new byte[n * Double.BYTES];
        System.arraycopy(page, 0, got, 0, got.length);
        assertArrayEquals(expected, got);
    }
}
