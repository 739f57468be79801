package io.github.fairsynth.io;

import java.nio.charset.StandardCharsets;

/**
 * The header of a NumPy {@code .npy} file, format version 1.0: the magic {@code \x93NUMPY}, the version,
 * a little-endian 16-bit header length, then a Python dict literal padded with spaces and a newline so
 * the data starts at a multiple of 64 bytes.
 */
public final class NpyHeader {
    private NpyHeader() {
    }

    /**
     * @param descr NumPy type string, e.g. {@code <f8} (little-endian float64) or {@code |u1}
     * @param shape the array's shape (C order)
     * @return the header bytes
     */
    public static byte[] of(String descr, long... shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        dims.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        StringBuilder h = new StringBuilder(dict);
        while (10 + h.length() + 1 < total) {
            h.append(' ');
        }
        h.append('\n');
        byte[] text = h.toString().getBytes(StandardCharsets.US_ASCII);
        if (text.length > 0xFFFF) {
            throw new IllegalArgumentException("npy header too long: " + text.length);
        }
        byte[] out = new byte[10 + text.length];
        out[0] = (byte) 0x93;
        byte[] magic = "NUMPY".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, out, 1, 5);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (text.length & 0xFF);
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }
}
