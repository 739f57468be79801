package io.github.fairsynth.admissions;

import io.github.fairsynth.rng.SplitMix64;

import java.util.Arrays;

/**
 * The naive jury's learning rule, incrementally: among the thresholds "above every score" and each
 * distinct score seen, the one maximising reward with the gym's cost matrix (tp = tn = 1, fp = fn = −1),
 * i.e. maximising TP − FP over applicants with score ≥ threshold; on a tie, the one with the smallest true
 * positive rate, i.e. the highest threshold (what the gym's {@code single_threshold} over scikit-learn's
 * ROC curve returns).
 *
 * <p>A treap keyed by score, in descending order, each node holding the score's count of positives minus
 * negatives and its subtree's sum and best prefix sum. Adding a labelled score costs O(log n) and the best
 * threshold is read at the root, so a jury that learns every step on its whole history costs O(log n)
 * per applicant, not O(history). Primitive arrays; no per-node objects.
 */
final class ThresholdLearner {
    private static final int NIL = -1;

    private double[] key = new double[64];
    private int[] value = new int[64];     // positives - negatives at this score
    private long[] sum = new long[64];     // subtree sum
    private long[] best = new long[64];    // subtree best prefix sum (non-empty prefix)
    private double[] bestKey = new double[64];
    private int[] left = new int[64];      // higher scores
    private int[] right = new int[64];     // lower scores
    private long[] prio = new long[64];
    private int size;
    private int root = NIL;
    private boolean seenPositive;
    private boolean seenNegative;

    /** @return whether both labels were seen (the gym trains only then) */
    boolean canTrain() {
        return seenPositive && seenNegative;
    }

    /** @return number of distinct scores held */
    int distinctScores() {
        return size;
    }

    /**
     * @param score a selected applicant's score
     * @param label its ground truth (0 or 1)
     */
    void add(double score, int label) {
        int delta = label == 1 ? 1 : -1;
        if (label == 1) {
            seenPositive = true;
        } else {
            seenNegative = true;
        }
        double k = score == 0.0 ? 0.0 : score; // -0.0 and 0.0 are one score
        root = insert(root, k, delta);
    }

    /**
     * @return the best threshold, {@code +inf} when rejecting everyone is best
     */
    double bestThreshold() {
        if (root == NIL || best[root] <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return bestKey[root];
    }

    private int insert(int t, double k, int delta) {
        if (t == NIL) {
            return newNode(k, delta);
        }
        if (k == key[t]) {
            value[t] += delta;
        } else if (k > key[t]) {
            int l = insert(left[t], k, delta);
            left[t] = l;
            if (prio[l] > prio[t]) {
                t = rotateRight(t);
            }
        } else {
            int r = insert(right[t], k, delta);
            right[t] = r;
            if (prio[r] > prio[t]) {
                t = rotateLeft(t);
            }
        }
        pull(t);
        return t;
    }

    private int rotateRight(int t) {
        int l = left[t];
        left[t] = right[l];
        right[l] = t;
        pull(t);
        return l;
    }

    private int rotateLeft(int t) {
        int r = right[t];
        right[t] = left[r];
        left[r] = t;
        pull(t);
        return r;
    }

    /** Recomputes node t's aggregates; candidates in descending order, the first maximum kept. */
    private void pull(int t) {
        int l = left[t];
        int r = right[t];
        long s = 0;
        long b = Long.MIN_VALUE;
        double bk = Double.NaN;
        if (l != NIL) {
            s = sum[l];
            b = best[l];
            bk = bestKey[l];
        }
        s += value[t];
        if (s > b) {
            b = s;
            bk = key[t];
        }
        if (r != NIL) {
            if (s + best[r] > b) {
                b = s + best[r];
                bk = bestKey[r];
            }
            s += sum[r];
        }
        sum[t] = s;
        best[t] = b;
        bestKey[t] = bk;
    }

    private int newNode(double k, int delta) {
        if (size == key.length) {
            int n = size * 2;
            key = Arrays.copyOf(key, n);
            value = Arrays.copyOf(value, n);
            sum = Arrays.copyOf(sum, n);
            best = Arrays.copyOf(best, n);
            bestKey = Arrays.copyOf(bestKey, n);
            left = Arrays.copyOf(left, n);
            right = Arrays.copyOf(right, n);
            prio = Arrays.copyOf(prio, n);
        }
        int t = size++;
        key[t] = k;
        value[t] = delta;
        sum[t] = delta;
        best[t] = delta;
        bestKey[t] = k;
        left[t] = NIL;
        right[t] = NIL;
        prio[t] = SplitMix64.mix(Double.doubleToLongBits(k)); // deterministic shape
        return t;
    }
}
