package io.github.fairsynth.simd;

import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;

import java.lang.management.ManagementFactory;

/**
 * The generator's and the admissions engine's hot kernels. Every implementation gives bit-identical results.
 *
 * <p>Selection ({@link #get()}): scalar when the system property {@code fairsynth.simd} is
 * {@code false} or {@code scalar}, when {@code jdk.incubator.vector} is not in the boot layer (run the JVM
 * with {@code --add-modules jdk.incubator.vector}, as the {@code fairsynth} launcher does), when the JVM
 * runs without C2 ({@code -Xint}, {@code -XX:TieredStopAtLevel} below 4), or when the vector classes fail
 * to link; otherwise the Panama (Vector API) implementation.
 */
public interface Kernels {
    /**
     * Fills {@code dst[off … off+len)} from the 4-lane stream exactly as
     * {@link Xoshiro256PlusPlusX4#fillUniform(double[], int, int, double, double)} does.
     *
     * @param rng the stream (advanced)
     * @param dst destination
     * @param off first index
     * @param len number of values
     * @param lo  lower bound
     * @param hi  upper bound
     */
    void fillUniform(Xoshiro256PlusPlusX4 rng, double[] dst, int off, int len, double lo, double hi);

    /**
     * Fills {@code dst[off … off+len)} with raw 64-bit outputs of the 4-lane stream exactly as
     * {@link Xoshiro256PlusPlusX4#fillLongs(long[], int, int)} does.
     *
     * @param rng the stream (advanced)
     * @param dst destination
     * @param off first index
     * @param len number of values
     */
    void fillLongs(Xoshiro256PlusPlusX4 rng, long[] dst, int off, int len);

    /**
     * The linear labels of a block: {@code y[g·rows + r] = ((0 + x_0 w_0g) + x_1 w_1g) + …} for every group
     * and row, with {@code x[j·rows + r]} and {@code w[j·groups + g]}; a multiply then an add per term.
     *
     * @param x      features, column-major with stride {@code rows}
     * @param w      weights, row-major {@code dim × groups}
     * @param dim    features
     * @param groups groups
     * @param rows   rows (a multiple of 32)
     * @param y      labels, group-major with stride {@code rows} (overwritten)
     */
    void linear(double[] x, double[] w, int dim, int groups, int rows, double[] y);

    /**
     * Each row's mean, min and max over all groups' labels {@code y[g·rows + r]}: the mean as
     * {@code (((0.0 + y_0) + y_1) + …) / groups}, min and max folded from {@code y_0} with {@link Math#min}
     * and {@link Math#max}; written to {@code y[meanOff + r]}, {@code y[minOff + r]}, {@code y[maxOff + r]}
     * (ranges that do not overlap the labels). A NaN result is NaN in every implementation, but its payload
     * bits may differ (an add of two NaNs returns either, as the JIT orders the operands); generated labels
     * are finite.
     *
     * @param y       labels, group-major with stride {@code rows}, and the three outputs
     * @param groups  groups, {@code >= 1}
     * @param rows    rows (a multiple of 4)
     * @param meanOff where the means go
     * @param minOff  where the minima go
     * @param maxOff  where the maxima go
     */
    void groupStats(double[] y, int groups, int rows, int meanOff, int minOff, int maxOff);

    /** The largest allowed change cost when gaming is unlimited (the gym's 100). */
    double UNLIMITED_COST = 100;
    /** The gym's tolerance on the largest allowed change cost. */
    double COST_TOLERANCE = 1e-6;

    /**
     * The admissions gaming rule over applicants {@code [from, to)}, all of one group whose change cost of a
     * score {@code v} is {@code scale · (v · unitCost)}. For each applicant with observed score {@code x}:
     * target = {@code min(max(tau + noise[i], lo), hi)} ({@code min(max(tau, lo), hi)} when {@code noise}
     * is null); change = cost(target) − cost(x); largest allowed = {@value #UNLIMITED_COST} when
     * {@code control} is infinite, else cost(x + control) − cost(x); com = ((target ≥ tau ? 1 : 0) − change)
     * − eps. The applicant moves to the target iff {@code x < tau}, {@code 0 ≤ com ≤ 1} and
     * change &lt; largest allowed + {@value #COST_TOLERANCE}; its burden is the change when
     * {@code x < tau}, else +0.0.
     *
     * @param x        observed scores
     * @param noise    per-applicant threshold noise, or null for none
     * @param from     first applicant
     * @param to       end (exclusive)
     * @param tau      the published threshold
     * @param eps      the published epsilon
     * @param lo       lowest score
     * @param hi       highest score
     * @param unitCost the group's cost per unit of score
     * @param scale    the group's subsidy factor (1.0 when none: a multiply by 1.0 is exact)
     * @param control  the gaming control (how far a score may move), or infinity for unlimited
     * @param scoreY   out: final scores
     * @param burden   out: burdens
     * @param moved    out: 1 where the applicant moved, else 0
     * @return how many moved
     */
    int game(double[] x, double[] noise, int from, int to, double tau, double eps, double lo, double hi,
             double unitCost, double scale, double control, double[] scoreY, double[] burden, byte[] moved);

    /**
     * Admissions scores of {@code n} applicants of one group from their standard normals: for each
     * {@code i < n}, {@code s = min(max(mu + sigma · z[zOff + i], lo), hi)} (a multiply, then an add, then
     * {@link Math#max} and {@link Math#min}) is written to {@code original[off + i]} and
     * {@code observed[off + i]}, and {@code eligible[off + i]} is 1 when {@code s >= threshold}, else 0.
     *
     * @param z         standard normals
     * @param zOff      index of the first
     * @param n         how many applicants
     * @param mu        the group's mean score
     * @param sigma     the group's score deviation
     * @param lo        lowest score
     * @param hi        highest score
     * @param threshold the group's true threshold
     * @param original  out: scores
     * @param observed  out: the same scores
     * @param eligible  out: 0/1
     * @param off       index of the first output
     */
    void scores(double[] z, int zOff, int n, double mu, double sigma, double lo, double hi, double threshold,
                double[] original, double[] observed, byte[] eligible, int off);

    /**
     * {@link #game} over a round's applicants {@code [0, n)} of two groups: those before {@code split} cost
     * {@code scale0 · (v · unitCost0)}, the rest {@code scale1 · (v · unitCost1)}. Every applicant's numbers
     * are those of {@link #game} over its group's run; one call instead of two, so a round of a few
     * applicants per group is not left to two short tails.
     *
     * @param x         observed scores
     * @param noise     per-applicant threshold noise, or null for none
     * @param n         applicants
     * @param split     first applicant of group 1, in {@code [0, n]}
     * @param tau       the published threshold
     * @param eps       the published epsilon
     * @param lo        lowest score
     * @param hi        highest score
     * @param unitCost0 group 0's cost per unit of score
     * @param scale0    group 0's subsidy factor
     * @param unitCost1 group 1's cost per unit of score
     * @param scale1    group 1's subsidy factor
     * @param control   the gaming control, or infinity for unlimited
     * @param scoreY    out: final scores
     * @param burden    out: burdens
     * @param moved     out: 1 where the applicant moved, else 0
     * @return how many moved
     */
    int gameRound(double[] x, double[] noise, int n, int split, double tau, double eps, double lo, double hi,
                  double unitCost0, double scale0, double unitCost1, double scale1, double control,
                  double[] scoreY, double[] burden, byte[] moved);

    /**
     * {@link #scores} of a round's applicants {@code [0, n)} of two groups: those before {@code split} with
     * group 0's mean, deviation and true threshold, the rest with group 1's. Every applicant's numbers are
     * those of {@link #scores} over its group's run.
     *
     * @param z          standard normals
     * @param zOff       index of the first
     * @param n          applicants
     * @param split      first applicant of group 1, in {@code [0, n]}
     * @param mu0        group 0's mean score
     * @param sigma0     group 0's score deviation
     * @param threshold0 group 0's true threshold
     * @param mu1        group 1's mean score
     * @param sigma1     group 1's score deviation
     * @param threshold1 group 1's true threshold
     * @param lo         lowest score
     * @param hi         highest score
     * @param original   out: scores
     * @param observed   out: the same scores
     * @param eligible   out: 0/1
     * @param off        index of the first output
     */
    void scoresRound(double[] z, int zOff, int n, int split, double mu0, double sigma0, double threshold0,
                     double mu1, double sigma1, double threshold1, double lo, double hi, double[] original,
                     double[] observed, byte[] eligible, int off);

    /** The ground truth an unselected applicant reports (the gym's 2). */
    byte UNSELECTED = 2;

    /**
     * Admissions selection of applicants {@code [0, n)}: applicant {@code i} is selected when
     * {@code u[i] < eps} or {@code scoreY[i] >= tau}; {@code selected[i]} is then 1 and
     * {@code groundTruth[i]} its eligibility, else 0 and {@value #UNSELECTED}.
     *
     * @param scoreY      final scores
     * @param eligible    eligibility, each 0 or 1 (other values give undefined ground truth)
     * @param n           applicants
     * @param tau         the published threshold
     * @param eps         the published epsilon
     * @param u           one uniform per applicant
     * @param selected    out: 0/1
     * @param groundTruth out: eligibility or {@value #UNSELECTED}
     * @return how many were selected
     */
    int select(double[] scoreY, byte[] eligible, int n, double tau, double eps, double[] u, byte[] selected,
               byte[] groundTruth);

    /** @return a short name: "scalar" or "panama (…)" */
    String name();

    /** @return the kernels chosen at start-up */
    static Kernels get() {
        return Holder.INSTANCE;
    }

    /** Chooses once. */
    final class Holder {
        static final Kernels INSTANCE = select();

        private Holder() {
        }

        static Kernels select() {
            String p = System.getProperty("fairsynth.simd", "auto").trim().toLowerCase(java.util.Locale.ROOT);
            if (p.equals("false") || p.equals("scalar") || p.equals("off")) {
                return ScalarKernels.INSTANCE;
            }
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty() || !c2()) {
                return ScalarKernels.INSTANCE;
            }
            Kernels panama = panama();
            return panama != null ? panama : ScalarKernels.INSTANCE;
        }

        /**
         * @return the Panama kernels, or null when they cannot be loaded here (module missing, or an
         *         incubator API that changed)
         */
        public static Kernels panama() {
            try {
                return (Kernels) Class.forName("io.github.fairsynth.simd.PanamaKernels").getConstructor().newInstance();
            } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static boolean c2() {
            String info = System.getProperty("java.vm.info", "");
            if (info.contains("interpreted")) {
                return false;
            }
            try {
                for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                    if (arg.equals("-Xint") || arg.matches("-XX:TieredStopAtLevel=[0-3]") || arg.equals("-XX:-UseCompiler")) {
                        return false;
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                return true; // management not available: assume the default VM (C2 on)
            }
            return true;
        }
    }
}
