package io.github.fairsynth.property;

import io.github.fairsynth.rng.InverseNormal;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Statistical bounds at a stated false-alarm rate α: every bound here is exact or conservative.
 * <ul>
 *   <li>Kolmogorov–Smirnov: the Dvoretzky–Kiefer–Wolfowitz inequality with Massart's constant,
 *       P(sup|F_n − F| &gt; ε) ≤ 2·exp(−2nε²), so ε = √(ln(2/α)/(2n)).</li>
 *   <li>Counts: Bernstein's inequality for a binomial, P(|X − np| ≥ t) ≤ 2·exp(−t²/(2(np(1−p) + t/3))).</li>
 *   <li>Chi-square: the upper α-quantile of χ²(k) from the regularized incomplete gamma function.</li>
 *   <li>Means of normals: z = Φ⁻¹(1 − α/2) (the core's AS241 quantile).</li>
 * </ul>
 */
final class Stats {
    private Stats() {
    }

    /** @return the DKW bound on the KS distance for n samples at false-alarm rate alpha */
    static double ksBound(int n, double alpha) {
        return Math.sqrt(Math.log(2 / alpha) / (2.0 * n));
    }

    /** @return sup_x |F_n(x) − F(x)| of the sample against a continuous CDF */
    static double ksDistance(double[] sample, DoubleUnaryOperator cdf) {
        double[] s = sample.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /** @return the Bernstein half-width t with P(|X − np| ≥ t) ≤ alpha for X ~ Binomial(n, p) */
    static double binomialBound(long n, double p, double alpha) {
        double v = n * p * (1 - p);
        double l = Math.log(2 / alpha);
        // solve t² = 2 l (v + t/3)
        double b = 2 * l / 3;
        return (b + Math.sqrt(b * b + 8 * l * v)) / 2;
    }

    /** @return z with P(|Z| &gt; z) = alpha */
    static double zTwoSided(double alpha) {
        return normalQuantile(1 - alpha / 2);
    }

    /** @return the standard normal's p-quantile */
    static double normalQuantile(double p) {
        return InverseNormal.quantile(p);
    }

    /** @return the standard normal CDF */
    static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double erfc = gammaQ(0.5, z * z);
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    /** @return the upper alpha-quantile of the chi-square distribution with k degrees of freedom */
    static double chiSquareQuantile(int k, double alpha) {
        double lo = 0;
        double hi = Math.max(10, 4 * k);
        while (gammaQ(k / 2.0, hi / 2) > alpha) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (gammaQ(k / 2.0, mid / 2) > alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** @return the lower alpha-quantile of the chi-square distribution with k degrees of freedom */
    static double chiSquareLowerQuantile(int k, double alpha) {
        double lo = 0;
        double hi = Math.max(10, 4 * k);
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (1 - gammaQ(k / 2.0, mid / 2) < alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Regularized upper incomplete gamma Q(a, x): series below a + 1, continued fraction above. */
    static double gammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (x < a + 1) {
            double sum = 1 / a;
            double term = sum;
            for (int n = 1; n < 100_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
        }
        double b = x + 1 - a;
        double c = 1 / 1e-300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < 1e-300) {
                d = 1e-300;
            }
            c = b + an / c;
            if (Math.abs(c) < 1e-300) {
                c = 1e-300;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** Lanczos approximation of ln Γ(x), x &gt; 0 (relative error about 1e-15). */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /**
     * Pearson's chi-square statistic of counts against expected counts, cells with expectation below 5
     * pooled into one cell (dropped if the pool's expectation is still below 5).
     *
     * @return {statistic, degrees of freedom}
     */
    static double[] chiSquare(long[] observed, double[] expected) {
        double stat = 0;
        int cells = 0;
        double poolE = 0;
        long poolO = 0;
        for (int i = 0; i < observed.length; i++) {
            if (expected[i] < 5) {
                poolE += expected[i];
                poolO += observed[i];
            } else {
                stat += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
                cells++;
            }
        }
        if (poolE >= 5) {
            stat += (poolO - poolE) * (poolO - poolE) / poolE;
            cells++;
        }
        return new double[] {stat, cells - 1};
    }
}
