package io.github.fairsynth.io;

import io.github.fairsynth.simd.ByteWords;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Shortest round-trip decimal text of a double, byte for byte the text of {@code Double.toString} on
 * JDK 19 and later, on every JDK (JDK 17's own {@code Double.toString} is slower and sometimes not the
 * shortest, e.g. for {@code 2e23}).
 *
 * <p>The decimal is chosen by Giulietti's Schubfach algorithm ("The Schubfach way to render doubles",
 * 2020): among the decimals that round to the double, the shortest (considering lengths 1 and 2 together),
 * then the closest, then the one with an even last digit. It is written as Java writes doubles: plain
 * notation with at least one fractional digit for magnitudes in [10^-3, 10^7), otherwise
 * {@code d.dddE±n}. The 126-bit approximations of powers of ten the algorithm needs are computed once,
 * exactly, with {@link BigInteger} when the class loads.
 *
 * <p>Thread-safe and allocation-free when writing into a caller's buffer.
 */
public final class DoubleFormat {
    /** Most bytes one double's text takes ({@code -2.2250738585072014E-308}). */
    public static final int MAX_CHARS = 24;

    private static final int P = 53;
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    private static final int BQ_MASK = 0x7FF;
    private static final long T_MASK = (1L << 52) - 1;
    private static final long C_TINY = 3;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    private static final long MASK_63 = (1L << 63) - 1;

    /** g1(k) at 2(k - K_MIN), g0(k) at 2(k - K_MIN) + 1: 10^-k ≈ (g1·2^63 + g0)·2^r, rounded up. */
    private static final long[] G = new long[2 * (K_MAX - K_MIN + 1)];
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
        BigInteger ten = BigInteger.TEN;
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            int r = flog2pow10(e) - 125;
            BigInteger num = e >= 0 ? ten.pow(e) : BigInteger.ONE;
            BigInteger den = e >= 0 ? BigInteger.ONE : ten.pow(-e);
            if (r >= 0) {
                den = den.shiftLeft(r);
            } else {
                num = num.shiftLeft(-r);
            }
            BigInteger g = num.divide(den).add(BigInteger.ONE);
            if (g.bitLength() != 126) {
                throw new AssertionError("power-of-ten table: bad length at k = " + k);
            }
            G[2 * (k - K_MIN)] = g.shiftRight(63).longValueExact();
            G[2 * (k - K_MIN) + 1] = g.and(mask63).longValueExact();
        }
    }

    private DoubleFormat() {
    }

    /**
     * @param v any double
     * @return its text, equal to JDK 19+'s {@code Double.toString(v)}
     */
    public static String toString(double v) {
        byte[] b = new byte[MAX_CHARS + 8];
        int n = write(v, b, 0);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    /**
     * Writes the text of {@code v} as ASCII bytes.
     *
     * @param v   any double
     * @param buf destination, with at least {@link #MAX_CHARS} bytes free from {@code pos}
     * @param pos where to start
     * @return the position after the last byte written
     */
    public static int write(double v, byte[] buf, int pos) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & T_MASK;
        int bq = (int) (bits >>> 52) & BQ_MASK;
        if (bq < BQ_MASK) {
            if (bits < 0) {
                buf[pos++] = '-';
            }
            if (bq != 0) {
                int mq = -Q_MIN + 1 - bq;
                long c = C_MIN | t;
                if (0 < mq && mq < P) {
                    long f = c >> mq;
                    if (f << mq == c) {
                        return toChars(f, 0, buf, pos);
                    }
                }
                return toDecimal(-mq, c, 0, buf, pos);
            }
            if (t != 0) {
                return t < C_TINY ? toDecimal(Q_MIN, 10 * t, -1, buf, pos) : toDecimal(Q_MIN, t, 0, buf, pos);
            }
            buf[pos++] = '0';
            buf[pos++] = '.';
            buf[pos++] = '0';
            return pos;
        }
        if (t != 0) {
            return ascii("NaN", buf, pos);
        }
        return ascii(bits > 0 ? "Infinity" : "-Infinity", buf, pos);
    }

    private static int ascii(String s, byte[] buf, int pos) {
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return pos;
    }

    /** The finite positive double c·2^q; dk adjusts the decimal exponent for tiny subnormals. */
    private static int toDecimal(int q, long c, int dk, byte[] buf, int pos) {
        int out = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int gi = 2 * (k - K_MIN);
        long g1 = G[gi];
        long g0 = G[gi + 1];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        // The choice below is branch-free: each test is the sign of a difference (no overflow: all
        // values are below 2^62), as a mask of all ones when it holds.
        long s = vb >> 2;
        long sp = Math.multiplyHigh(s, 115_292_150_460_684_698L << 4); // floor(s / 10)
        long sp10 = 10 * sp;
        long tp10 = sp10 + 10;
        long upin = ~((sp10 << 2) - vbl - out >> 63); // vbl + out <= 4·sp10
        long wpin = ~(vbr - (tp10 << 2) - out >> 63); // 4·tp10 + out <= vbr
        long useShorter = (upin ^ wpin) & ~(s - 100 >> 63); // exactly one shorter candidate, and s >= 100
        // The shorter candidate passed as its tenth with the exponent one up: its last digit is a zero
        // that toChars would otherwise strip in a loop whose trip count is a coin flip to the predictor.
        long shorter = sp + 1 + upin; // sp10 / 10 if it is the one in range, else tp10 / 10
        long tt = s + 1;
        long uin = ~((s << 2) - vbl - out >> 63); // vbl + out <= 4·s
        long win = ~(vbr - (tt << 2) - out >> 63); // 4·tt + out <= vbr
        long oneIn = uin ^ win;
        long cmp = vb - ((s + tt) << 1);
        long sCloser = cmp >> 63 | ~(cmp >> 63) & (cmp - 1 >> 63) & ((s & 1) - 1); // closer, or a tie and even
        long nearest = tt + (uin & oneIn | sCloser & ~oneIn); // the one in range, else the closer
        return toChars(shorter & useShorter | nearest & ~useShorter, k + dk + (int) (useShorter & 1), buf, pos);
    }

    /** Rounds (g·cp)·2^-127 to odd: the product's high part with a sticky bit. */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (((z & MASK_63) + MASK_63) >>> 63);
    }

    /** floor(log10(2^e)) for |e| ≤ 5456721. */
    private static int flog10pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 · 2^e)) for |e| ≤ 5456721. */
    private static int flog10threeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
    }

    /** floor(log2(10^e)) for |e| ≤ 1838394. */
    private static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /** Writes f·10^e (f &gt; 0) the way Java writes doubles. */
    private static int toChars(long f, int e, byte[] buf, int pos) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        int n = digitCount(f);
        int exp = n - 1 + e; // decimal exponent of the leading digit
        if (exp >= -3 && exp < 7) {
            if (exp >= 0) {
                int intDigits = exp + 1;
                if (n <= intDigits) {
                    pos = digits(f, n, buf, pos);
                    for (int i = n; i < intDigits; i++) {
                        buf[pos++] = '0';
                    }
                    buf[pos++] = '.';
                    buf[pos++] = '0';
                } else {
                    pos = pointAfter(f, n, intDigits, buf, pos);
                }
            } else {
                buf[pos++] = '0';
                buf[pos++] = '.';
                for (int i = -1; i > exp; i--) {
                    buf[pos++] = '0';
                }
                pos = digits(f, n, buf, pos);
            }
            return pos;
        }
        if (n == 1) {
            buf[pos++] = (byte) ('0' + f);
            buf[pos++] = '.';
            buf[pos++] = '0';
        } else {
            pos = pointAfter(f, n, 1, buf, pos);
        }
        buf[pos++] = 'E';
        if (exp < 0) {
            buf[pos++] = '-';
            exp = -exp;
        }
        return digits(exp, digitCount(exp), buf, pos);
    }

    /**
     * Writes the n digits of f with a decimal point after the first {@code intDigits} (&lt; n): the digits
     * one byte to the right, then the integer digits moved back over the gap (no division by a power
     * of ten that is not a constant).
     */
    private static int pointAfter(long f, int n, int intDigits, byte[] buf, int pos) {
        int end = digits(f, n, buf, pos + 1);
        for (int i = 0; i < intDigits; i++) {
            buf[pos + i] = buf[pos + 1 + i];
        }
        buf[pos + intDigits] = '.';
        return end;
    }

    /** Decimal digits of v ≥ 1: from its bit length, corrected by one comparison. */
    private static int digitCount(long v) {
        int t = (64 - Long.numberOfLeadingZeros(v)) * 1233 >>> 12;
        return v < POW10[t] ? t : t + 1;
    }

    /**
     * Writes exactly {@code count} (1 to 17) digits of v, with leading zeros, eight at a time as 8-byte
     * stores from left to right, each store's spilled tail overwritten by the next (the caller's buffer
     * has eight bytes to spare past the digits, else the digits go one byte at a time). From 9 to 17
     * digits the same three stores serve every count, so the count (16 or 17 for most doubles) is not
     * a branch: an optional ninth-from-last digit, the remaining leading digits, the last eight.
     */
    private static int digits(long v, int count, byte[] buf, int pos) {
        int end = pos + count;
        if (end + 8 > buf.length || count > 17) {
            return digitsOneByOne(v, count, buf, pos);
        }
        if (count <= 8) {
            ByteWords.set(buf, pos, eightDigits((int) v) >>> 8 * (8 - count));
            return end;
        }
        long head = v / 100_000_000L; // count - 8 digits, 1 to 9
        int last = (int) (v - head * 100_000_000L);
        int first = (int) (head / 100_000_000L); // the ninth digit of a 9-digit head, else 0
        int rest = (int) (head - first * 100_000_000L);
        int skip = count - 1 >>> 4; // 1 when the head has 9 digits (count 17)
        buf[pos] = (byte) ('0' + first);
        ByteWords.set(buf, pos + skip, eightDigits(rest) >>> 8 * (16 - count + skip));
        ByteWords.set(buf, end - 8, eightDigits(last));
        return end;
    }

    /**
     * The eight ASCII digits of 0 ≤ x &lt; 10^8, most significant in the lowest byte: split into halves
     * of four digits, then pairs, then single digits, each lane at once (divisions by 100 and 10 as
     * multiplications that are exact in these ranges).
     */
    private static long eightDigits(int x) {
        int hi = x / 10_000;
        long v = hi | (long) (x - hi * 10_000) << 32;
        long t = (v * 10_486 >>> 20) & 0x0000_007F_0000_007FL;
        v = t | (v - 100 * t) << 16;
        t = (v * 103 >>> 10) & 0x000F_000F_000F_000FL;
        v = t | (v - 10 * t) << 8;
        return v + 0x3030_3030_3030_3030L;
    }

    /** {@link #digits} one byte at a time, for the last bytes of a buffer. */
    private static int digitsOneByOne(long v, int count, byte[] buf, int pos) {
        for (int i = pos + count - 1; i >= pos; i--) {
            long q = v / 10;
            buf[i] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        return pos + count;
    }
}
