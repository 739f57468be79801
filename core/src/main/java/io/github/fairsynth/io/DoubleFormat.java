package io.github.fairsynth.io;

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
        byte[] b = new byte[MAX_CHARS];
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
        long s = vb >> 2;
        if (s >= 100) {
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return toChars(upin ? sp10 : tp10, k + dk, buf, pos);
            }
        }
        long tt = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (tt << 2) + out <= vbr;
        if (uin != win) {
            return toChars(uin ? s : tt, k + dk, buf, pos);
        }
        long cmp = vb - ((s + tt) << 1);
        return toChars(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k + dk, buf, pos);
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
                    long div = POW10[n - intDigits];
                    long hi = f / div;
                    pos = digits(hi, intDigits, buf, pos);
                    buf[pos++] = '.';
                    pos = digits(f - hi * div, n - intDigits, buf, pos);
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
        long div = POW10[n - 1];
        long lead = f / div;
        buf[pos++] = (byte) ('0' + lead);
        buf[pos++] = '.';
        if (n == 1) {
            buf[pos++] = '0';
        } else {
            pos = digits(f - lead * div, n - 1, buf, pos);
        }
        buf[pos++] = 'E';
        if (exp < 0) {
            buf[pos++] = '-';
            exp = -exp;
        }
        return digits(exp, digitCount(exp), buf, pos);
    }

    private static int digitCount(long v) {
        int n = 1;
        while (n < 19 && v >= POW10[n]) {
            n++;
        }
        return n;
    }

    /** Writes exactly {@code count} digits of v (with leading zeros). */
    private static int digits(long v, int count, byte[] buf, int pos) {
        for (int i = pos + count - 1; i >= pos; i--) {
            long q = v / 10;
            buf[i] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        return pos + count;
    }
}
