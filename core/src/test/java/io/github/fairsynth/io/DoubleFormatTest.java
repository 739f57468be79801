package io.github.fairsynth.io;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoubleFormatTest {

    /** Text recorded from Temurin 25's Double.toString (the JDK 19+ algorithm) must come out on every JDK. */
    @Test
    void matchesJdk25GoldenText() throws Exception {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                getClass().getResourceAsStream("/double-format-jdk25.txt.gz")), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, tab), 16));
                assertEquals(line.substring(tab + 1), DoubleFormat.toString(d), line);
                n++;
            }
        }
        assertTrue(n > 40_000, "golden lines read: " + n);
    }

    @Test
    void roundTripsAndMatchesTheRunningJdkWhenItIsNineteenOrLater() {
        boolean modernJdk = Runtime.version().feature() >= 19;
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextDouble() * Math.pow(10, r.nextInt(-12, 12));
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = DoubleFormat.toString(d);
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(s)), s);
            if (modernJdk) {
                assertEquals(Double.toString(d), s);
            }
        }
    }

    @Test
    void knownTexts() {
        assertEquals("2.0E23", DoubleFormat.toString(2e23)); // JDK 17 prints 1.9999999999999998E23
        assertEquals("0.1", DoubleFormat.toString(0.1));
        assertEquals("1.0", DoubleFormat.toString(1.0));
        assertEquals("-0.0", DoubleFormat.toString(-0.0));
        assertEquals("0.001", DoubleFormat.toString(0.001));
        assertEquals("1.0E-4", DoubleFormat.toString(1e-4));
        assertEquals("9999999.0", DoubleFormat.toString(9999999.0));
        assertEquals("1.0E7", DoubleFormat.toString(1e7));
        assertEquals("4.9E-324", DoubleFormat.toString(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", DoubleFormat.toString(Double.MAX_VALUE));
        assertEquals("NaN", DoubleFormat.toString(Double.NaN));
        assertEquals("-Infinity", DoubleFormat.toString(Double.NEGATIVE_INFINITY));
    }

    @Test
    void writesAtAnOffset() {
        byte[] b = new byte[40];
        b[0] = 'x';
        int end = DoubleFormat.write(-2.2250738585072014E-308, b, 1);
        assertEquals("x-2.2250738585072014E-308", new String(b, 0, end, StandardCharsets.US_ASCII));
        assertEquals(1 + DoubleFormat.MAX_CHARS, end);
    }

    /** The tight-buffer paths (byte by byte near the end) give the same text and touch nothing before pos. */
    @Test
    void sameTextWithOnlyMaxCharsFree() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double d = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(-6, 10));
            String expected = DoubleFormat.toString(d);
            for (int pos = 0; pos < 3; pos++) {
                byte[] b = new byte[pos + DoubleFormat.MAX_CHARS];
                java.util.Arrays.fill(b, (byte) 'x');
                int end = DoubleFormat.write(d, b, pos);
                assertEquals("x".repeat(pos) + expected, new String(b, 0, end, StandardCharsets.US_ASCII));
            }
        }
    }
}
