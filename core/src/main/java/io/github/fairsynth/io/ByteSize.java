package io.github.fairsynth.io;

import java.util.Locale;

/** Byte counts as people read them: decimal units, three significant digits. */
public final class ByteSize {
    private ByteSize() {
    }

    /**
     * @param bytes a byte count, {@code >= 0}
     * @return it in decimal units, three significant digits at most: {@code 512 B}, {@code 4.25 kB},
     *         {@code 80.1 GB}, {@code 2.37 TB}
     */
    public static String text(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        if (u == 0) {
            return bytes + " B";
        }
        String digits = v >= 99.95 ? "%.0f" : v >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, v) + " " + units[u];
    }
}
