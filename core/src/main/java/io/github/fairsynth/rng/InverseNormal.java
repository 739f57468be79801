package io.github.fairsynth.rng;

/**
 * Standard normal deviates from single uniforms by Wichura's algorithm AS 241 (PPND16, Applied
 * Statistics 37, 1988), accurate to about 1e-16 relative. One uniform gives exactly one normal — no
 * rejection. The algorithm uses only IEEE basic operations (+, −, ×, ÷, √), with {@link #log(double)} of its
 * own, never {@code Math.log} (whose result may differ between JDKs and intrinsics), so its numbers are the
 * same on every JDK. The engine draws its normals by Commons RNG's ziggurat ({@link ZigguratNormals}); this
 * quantile serves the statistical tests' critical values and reproducibility contract version 1's
 * description ({@code docs/REPRODUCIBILITY.md}).
 */
public final class InverseNormal {
    private static final double SPLIT1 = 0.425;
    private static final double SPLIT2 = 5.0;
    private static final double CONST1 = 0.180625;
    private static final double CONST2 = 1.6;

    /** AS241 coefficients. */
    private static final double A0 = 3.387132872796366608, A1 = 133.14166789178437745, A2 = 1971.5909503065514427,
            A3 = 13731.693765509461125, A4 = 45921.953931549871457, A5 = 67265.770927008700853,
            A6 = 33430.575583588128105, A7 = 2509.0809287301226727;
    /** AS241 coefficients. */
    private static final double B1 = 42.313330701600911252, B2 = 687.1870074920579083, B3 = 5394.1960214247511077,
            B4 = 21213.794301586595867, B5 = 39307.89580009271061, B6 = 28729.085735721942674,
            B7 = 5226.495278852545925;
    /** AS241 coefficients. */
    private static final double C0 = 1.42343711074968357734, C1 = 4.6303378461565452959,
            C2 = 5.7694972214606914055, C3 = 3.64784832476320460504, C4 = 1.27045825245236838258,
            C5 = 0.24178072517745061177, C6 = 0.0227238449892691845833, C7 = 7.7454501427834140764e-4;
    /** AS241 coefficients. */
    private static final double D1 = 2.05319162663775882187, D2 = 1.6763848301838038494,
            D3 = 0.68976733498510000455, D4 = 0.14810397642748007459, D5 = 0.0151986665636164571966,
            D6 = 5.475938084995344946e-4, D7 = 1.05075007164441684324e-9;
    /** AS241 coefficients. */
    private static final double E0 = 6.6579046435011037772, E1 = 5.4637849111641143699,
            E2 = 1.7848265399172913358, E3 = 0.29656057182850489123, E4 = 0.026532189526576123093,
            E5 = 0.0012426609473880784386, E6 = 2.71155556874348757815e-5, E7 = 2.01033439929228813265e-7;
    /** AS241 coefficients. */
    private static final double F1 = 0.59983220655588793769, F2 = 0.13692988092273580531,
            F3 = 0.0148753612908506148525, F4 = 7.868691311456132591e-4, F5 = 1.8463183175100546818e-5,
            F6 = 1.4215117583164458887e-7, F7 = 2.04426310338993978564e-15;

    /** ln 2, high part. */
    private static final double LN2_HI = 0x1.62e42fefa38p-1;   // ln 2, high 42 bits
    /** ln 2, low part. */
    private static final double LN2_LO = 0x1.ef35793c7673p-45; // ln 2 - LN2_HI
    /** √2. */
    private static final double SQRT2 = 1.4142135623730951;

    private InverseNormal() {
    }

    /**
     * An open-interval uniform from 64 random bits: {@code ((bits >>> 12) + 0.5) · 2^-52}, in
     * {@code (0, 1)} and symmetric about 1/2.
     *
     * @param bits random bits
     * @return a uniform in (0, 1)
     */
    public static double openUnit(long bits) {
        return ((bits >>> 12) + 0.5) * 0x1p-52;
    }

    /**
     * The standard normal quantile.
     *
     * @param p a probability in (0, 1)
     * @return z with Φ(z) = p
     */
    public static double quantile(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= SPLIT1) {
            double r = CONST1 - q * q;
            return q * (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0)
                    / (((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1.0);
        }
        double r = q < 0 ? p : 1.0 - p;
        r = Math.sqrt(-log(r));
        double z;
        if (r <= SPLIT2) {
            r = r - CONST2;
            z = (((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0)
                    / (((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1.0);
        } else {
            r = r - SPLIT2;
            z = (((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0)
                    / (((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1.0);
        }
        return q < 0 ? -z : z;
    }

    /**
     * Natural logarithm of a positive normal double from basic operations only (so scalar and vector
     * kernels agree bit for bit): {@code x = m·2^e} with {@code m} in [√2/2, √2), then
     * {@code log m = 2·atanh(s)}, {@code s = (m−1)/(m+1)}, by its odd series to s^23.
     *
     * @param x a positive, finite, normal double
     * @return log x (within about one ulp)
     */
    public static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) ((bits >>> 52) & 0x7FF) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > SQRT2) {
            m = m * 0.5;
            e = e + 1;
        }
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s;
        double t = 1.0 / 23;
        t = t * s2 + 1.0 / 21;
        t = t * s2 + 1.0 / 19;
        t = t * s2 + 1.0 / 17;
        t = t * s2 + 1.0 / 15;
        t = t * s2 + 1.0 / 13;
        t = t * s2 + 1.0 / 11;
        t = t * s2 + 1.0 / 9;
        t = t * s2 + 1.0 / 7;
        t = t * s2 + 1.0 / 5;
        t = t * s2 + 1.0 / 3;
        double series = (t * s2) * s + s;
        return e * LN2_HI + (e * LN2_LO + 2.0 * series);
    }
}
