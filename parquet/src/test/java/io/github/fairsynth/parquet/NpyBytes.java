package io.github.fairsynth.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Byte-level reading of a NumPy .npy array (format 1.0, little-endian float64 or uint8). */
final class NpyBytes {
    final String header;
    final double[] values;

    NpyBytes(byte[] b) {
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        int len = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        assertEquals(0, (10 + len) % 64, "data aligned to 64 bytes");
        header = new String(b, 10, len, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n"));
        int data = 10 + len;
        if (header.contains("'<f8'")) {
            ByteBuffer bb = ByteBuffer.wrap(b, data, b.length - data).order(ByteOrder.LITTLE_ENDIAN);
            values = new double[(b.length - data) / 8];
            for (int i = 0; i < values.length; i++) {
                values[i] = bb.getDouble();
            }
        } else {
            assertTrue(header.contains("'|u1'"), header);
            values = new double[b.length - data];
            for (int i = 0; i < values.length; i++) {
                values[i] = b[data + i];
            }
        }
    }
}
