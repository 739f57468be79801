package io.github.fairsynth.admissions;

import io.github.fairsynth.simd.ByteWords;
import io.github.fairsynth.simd.Kernels;

/**
 * The gym's per-applicant rules as pure functions over primitive arrays: gaming and selection. No state,
 * no allocation.
 */
public final class AdmissionsKernel {
    private AdmissionsKernel() {
    }

    /**
     * Gaming: for each applicant whose observed score {@code x < tau}: target = clip(tau + noise) (noise 0
     * unless {@code noisy_threshold}); change cost = cost(target) − cost(x), recorded as the burden; it moves
     * iff {@code 0 <= [target >= tau] − cost − epsilon <= 1} and {@code cost < largest allowed + 1e-6} (the
     * rule and its constants: {@link Kernels#game}). At or above {@code tau}, or with gaming off, the score
     * stays and the burden is 0. Uses the kernels chosen at start-up ({@link Kernels#get()}).
     *
     * @param p          parameters
     * @param observed   observed scores
     * @param group      groups
     * @param n          applicants
     * @param tau        the published threshold
     * @param eps        the published epsilon
     * @param noise      per-applicant threshold noise (used only with {@code noisy_threshold}); may be null otherwise
     * @param scoreY     out: final scores
     * @param burden     out: burdens
     * @param moved      out: 1 where the applicant moved
     * @return how many moved
     */
    public static int manipulate(AdmissionsParams p, double[] observed, byte[] group, int n, double tau, double eps,
                                 double[] noise, double[] scoreY, double[] burden, byte[] moved) {
        return manipulate(Kernels.get(), p, observed, group, n, tau, eps, noise, scoreY, burden, moved);
    }

    /**
     * {@link #manipulate(AdmissionsParams, double[], byte[], int, double, double, double[], double[], double[],
     * byte[])} with given kernels (all give the same numbers): each run of applicants of one group is one
     * {@link Kernels#game} call with that group's costs (a round puts group 0 first, so a round is two).
     *
     * @param k        kernels
     * @param p        parameters
     * @param observed observed scores
     * @param group    groups
     * @param n        applicants
     * @param tau      the published threshold
     * @param eps      the published epsilon
     * @param noise    per-applicant threshold noise (used only with {@code noisy_threshold}); may be null otherwise
     * @param scoreY   out: final scores
     * @param burden   out: burdens
     * @param moved    out: 1 where the applicant moved
     * @return how many moved
     */
    public static int manipulate(Kernels k, AdmissionsParams p, double[] observed, byte[] group, int n, double tau,
                                 double eps, double[] noise, double[] scoreY, double[] burden, byte[] moved) {
        if (!p.gaming()) {
            System.arraycopy(observed, 0, scoreY, 0, n);
            java.util.Arrays.fill(burden, 0, n, 0.0);
            java.util.Arrays.fill(moved, 0, n, (byte) 0);
            return 0;
        }
        double[] thresholdNoise = p.noisyThreshold() ? noise : null;
        int count = 0;
        for (int i = 0; i < n; ) {
            int g = group[i];
            int j = i + 1;
            while (j < n && group[j] == g) {
                j++;
            }
            // the kernel's cost of v is scale · (v · unit): AdmissionsParams.cost, operation for operation
            count += k.game(observed, thresholdNoise, i, j, tau, eps, p.scoreMin(), p.scoreMax(), p.groupCost(g),
                    p.costScale(g), p.gamingControl(), scoreY, burden, moved);
            i = j;
        }
        return count;
    }

    /**
     * Selection: an applicant is selected when its uniform is below epsilon, otherwise iff its final score
     * reaches tau; a selected applicant reports its eligibility, an unselected one {@link Applicants#UNSELECTED}.
     * Uses the kernels chosen at start-up ({@link Kernels#select}).
     *
     * @param scoreY      final scores
     * @param eligible    eligibility (0/1)
     * @param n           applicants
     * @param tau         threshold
     * @param eps         epsilon
     * @param u           one uniform in [0, 1) per applicant
     * @param selected    out: 0/1
     * @param groundTruth out: eligibility or 2
     * @return how many were selected
     */
    public static int select(double[] scoreY, byte[] eligible, int n, double tau, double eps, double[] u,
                             byte[] selected, byte[] groundTruth) {
        return Kernels.get().select(scoreY, eligible, n, tau, eps, u, selected, groundTruth);
    }

    /**
     * Most applicants in a chunk whose groups are gamed and scored in one kernel call
     * ({@link Kernels#gameRound}, {@link Kernels#scoresRound}). Such chunks are every step's rounds of many
     * small environments, where two short runs would each end in a scalar tail. A bigger chunk holds both
     * groups at most once a step: it takes one call per group, with the kernels every other chunk keeps
     * compiled (a kernel called ten times a step is not, and the Vector API's fall-back allocates).
     */
    static final int ONE_CALL_MAX = 256;

    /**
     * @param n a chunk's size
     * @return whether the chunk's groups are gamed and scored in one call (also when it holds one group, so
     *         that every round of small environments takes the same path)
     */
    static boolean oneCall(int n) {
        return n <= ONE_CALL_MAX;
    }

    /**
     * One step's rules over applicants {@code [0, a.n)}: {@link #manipulate} (their threshold noise, final
     * scores, burdens, moves), then {@link #select} (their selection uniforms, selections, ground truth).
     * In a small round ({@link #oneCall}) gaming is one {@link Kernels#gameRound} call over both groups (the
     * same numbers as one {@link Kernels#game} call per group).
     *
     * @param k     kernels
     * @param p     parameters
     * @param a     the applicants, drawn: group 0 in {@code [0, split)}, group 1 in {@code [split, a.n)}
     * @param split first position of group 1
     * @param tau   the published threshold
     * @param eps   the published epsilon
     * @return how many moved
     */
    static int play(Kernels k, AdmissionsParams p, Applicants a, int split, double tau, double eps) {
        int n = a.n;
        int moved = p.gaming() && oneCall(n)
                ? k.gameRound(a.observed, p.noisyThreshold() ? a.thresholdNoise : null, n, split, tau, eps,
                        p.scoreMin(), p.scoreMax(), p.groupCost(0), p.costScale(0), p.groupCost(1), p.costScale(1),
                        p.gamingControl(), a.scoreY, a.burden, a.manipulated)
                : manipulate(k, p, a.observed, a.group, n, tau, eps, a.thresholdNoise, a.scoreY, a.burden,
                        a.manipulated);
        k.select(a.scoreY, a.eligible, n, tau, eps, a.selectU, a.selected, a.groundTruth);
        return moved;
    }

    /**
     * Adds a stepped chunk's outcomes to the two groups' metrics: positions {@code [from, split)} are in
     * group 0, {@code [split, to)} in group 1 (group 0 comes first in a round). The engine tallies every
     * round in chunks of {@value RoundSampler#CHUNK} applicants, each into fresh metrics added in chunk
     * order, so the sums are the same whichever way the chunks were stepped.
     *
     * @param a     stepped applicants
     * @param from  first position
     * @param split first position of group 1 ({@code from <= split <= to})
     * @param to    end position
     * @param g0    group 0 metrics (added to)
     * @param g1    group 1 metrics (added to)
     */
    static void tally(Applicants a, int from, int split, int to, GroupMetrics g0, GroupMetrics g1) {
        tallyGroup(a, from, split, g0);
        tallyGroup(a, split, to, g1);
    }

    /**
     * Adds a whole stepped round to the two groups' metrics as the chunked engine does: per chunk of
     * {@value RoundSampler#CHUNK} applicants into fresh sums, added in chunk order.
     *
     * @param a  a stepped round
     * @param g0 group 0 metrics (added to)
     * @param g1 group 1 metrics (added to)
     */
    static void tallyRound(Applicants a, GroupMetrics g0, GroupMetrics g1) {
        GroupMetrics c0 = new GroupMetrics();
        GroupMetrics c1 = new GroupMetrics();
        for (int chunk = 0, from = 0; from < a.n; chunk++, from += RoundSampler.CHUNK) {
            int m = Math.min(RoundSampler.CHUNK, a.n - from);
            c0.clear();
            c1.clear();
            tally(a, from, from + RoundSampler.groupOneStart(a.groupZero, chunk, m), from + m, c0, c1);
            g0.add(c0);
            g1.add(c1);
        }
    }

    /**
     * Counts eight applicants at a time: their 0/1 bytes read as one word, whose bit count is how many
     * of the eight are 1 (and that of eligible XOR selected how many were judged wrongly); the two burden
     * sums one applicant at a time, in index order.
     */
    private static void tallyGroup(Applicants a, int from, int to, GroupMetrics m) {
        long eligible = 0;
        long selected = 0;
        long manipulated = 0;
        long wrong = 0;
        int i = from;
        for (int end = to - 7; i < end; i += 8) {
            long el = ByteWords.get(a.eligible, i);
            long sel = ByteWords.get(a.selected, i);
            eligible += Long.bitCount(el);
            selected += Long.bitCount(sel);
            manipulated += Long.bitCount(ByteWords.get(a.manipulated, i));
            wrong += Long.bitCount(el ^ sel);
        }
        for (; i < to; i++) {
            eligible += a.eligible[i];
            selected += a.selected[i];
            manipulated += a.manipulated[i];
            wrong += a.eligible[i] ^ a.selected[i];
        }
        double burden = m.burden;
        double social = m.socialBurden;
        for (int k = from; k < to; k++) {
            double b = a.burden[k];
            burden += b;
            // b where eligible, else +0.0 (adding +0.0 leaves the sum's bits as they are): a mask, no branch
            social += Double.longBitsToDouble(Double.doubleToRawLongBits(b) & -(long) a.eligible[k]);
        }
        m.applicants += to - from;
        m.eligible += eligible;
        m.selected += selected;
        m.manipulated += manipulated;
        m.correct += (to - from) - wrong;
        m.burden = burden;
        m.socialBurden = social;
    }

    /**
     * numpy's {@code clip}: {@code min(max(v, lo), hi)}.
     *
     * @param v  value
     * @param lo lower bound
     * @param hi upper bound
     * @return the clipped value
     */
    public static double clip(double v, double lo, double hi) {
        return Math.min(Math.max(v, lo), hi);
    }
}
