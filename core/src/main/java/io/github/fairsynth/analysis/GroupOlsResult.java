package io.github.fairsynth.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-group OLS fits with intercept, their R² on train and test rows, the all-rows model and the
 * cross-group R² matrix (model of group i scored on the test rows of group j).
 *
 * <p>R² is scikit-learn's: {@code 1 - SS_res/SS_tot}; when {@code SS_tot = 0}, 1.0 for a perfect fit and 0.0
 * otherwise. A value that cannot be computed is NaN and its {@link Fit#note()} says why.
 */
public final class GroupOlsResult {
    /** Condition number of the scaled, centred Gram matrix above which a fit is flagged as ill-conditioned. */
    public static final double ILL_CONDITIONED = 1e10;

    /**
     * One model.
     *
     * @param name      group name ("all" for the all-rows model)
     * @param trainRows training rows
     * @param testRows  test rows
     * @param intercept intercept (NaN when not fitted)
     * @param coef      coefficients, one per feature (NaN when not fitted)
     * @param r2Train   R² on the training rows
     * @param r2Test    R² on the test rows (NaN without test rows)
     * @param rank      numerical rank of the centred features (p when full rank)
     * @param note      why a value is NaN, or a warning; empty when all is well
     */
    public record Fit(String name, long trainRows, long testRows, double intercept, double[] coef,
                      double r2Train, double r2Test, int rank, String note) {
        /** @return whether the model was fitted (enough training rows) */
        public boolean fitted() {
            return !Double.isNaN(intercept);
        }
    }

    private final String target;
    private final List<String> features;
    private final List<String> groups;
    private final List<Fit> fits = new ArrayList<>();
    private final Fit all;
    private final double[][] cross;

    GroupOlsResult(String target, List<String> features, List<String> groups, Moments[] train, Moments[] test) {
        this.target = target;
        this.features = features;
        this.groups = groups;
        int g = groups.size();
        double[][] models = new double[g][];
        for (int i = 0; i < g; i++) {
            Fit f = fit(groups.get(i), train[i], test[i]);
            models[i] = f.fitted() ? model(f) : null;
            fits.add(f);
        }
        all = fit("all", train[g], test[g]);
        cross = new double[g][g];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                cross[i][j] = models[i] == null || test[j].n == 0 ? Double.NaN : r2(models[i], test[j]);
            }
        }
    }

    private static double[] model(Fit f) {
        double[] m = Arrays.copyOf(f.coef(), f.coef().length + 1);
        m[f.coef().length] = f.intercept();
        return m;
    }

    private Fit fit(String name, Moments tr, Moments te) {
        int p = features.size();
        double[] nan = new double[p];
        Arrays.fill(nan, Double.NaN);
        if (tr.n < p + 1) {
            return new Fit(name, tr.n, te.n, Double.NaN, nan, Double.NaN, Double.NaN, 0,
                    "fewer than dim + 1 = " + (p + 1) + " training rows");
        }
        // Scale the centred Gram matrix to unit diagonal, then solve with an SVD pseudo-inverse.
        double[] scale = new double[p];
        for (int a = 0; a < p; a++) {
            double d = tr.get(a, a);
            scale[a] = d > 0 ? 1 / Math.sqrt(d) : 0;
        }
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                c.set(a, b, tr.get(a, b) * scale[a] * scale[b]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(p, p, true, true, true);
        if (!svd.decompose(c.copy())) {
            return new Fit(name, tr.n, te.n, Double.NaN, nan, Double.NaN, Double.NaN, 0, "the SVD did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] w = svd.getSingularValues();
        double smax = 0;
        for (int i = 0; i < p; i++) {
            smax = Math.max(smax, w[i]);
        }
        double tol = smax * p * Math.ulp(1.0);
        int rank = 0;
        double smin = Double.POSITIVE_INFINITY;
        double[] rhs = new double[p];
        for (int a = 0; a < p; a++) {
            rhs[a] = tr.get(a, p) * scale[a];
        }
        double[] sol = new double[p];
        for (int i = 0; i < p; i++) {
            if (w[i] <= tol || smax == 0) {
                continue;
            }
            rank++;
            smin = Math.min(smin, w[i]);
            double proj = 0;
            for (int a = 0; a < p; a++) {
                proj += u.get(a, i) * rhs[a];
            }
            proj /= w[i];
            for (int a = 0; a < p; a++) {
                sol[a] += v.get(a, i) * proj;
            }
        }
        double[] coef = new double[p];
        double intercept = tr.mean[p];
        for (int a = 0; a < p; a++) {
            coef[a] = sol[a] * scale[a];
            intercept -= coef[a] * tr.mean[a];
        }
        String note = "";
        if (rank < p) {
            note = "rank-deficient features (rank " + rank + " of " + p + "): minimum-norm solution";
        } else if (smax / smin > ILL_CONDITIONED) {
            note = String.format("ill-conditioned features (condition number of the scaled centred Gram matrix %.1e):"
                    + " coefficients may have lost about %d digits", smax / smin, (int) Math.round(Math.log10(smax / smin)));
        }
        double[] model = Arrays.copyOf(coef, p + 1);
        model[p] = intercept;
        double r2Train = r2(model, tr);
        double r2Test = te.n == 0 ? Double.NaN : r2(model, te);
        if (te.n == 0) {
            note = note.isEmpty() ? "no test rows" : note + "; no test rows";
        }
        return new Fit(name, tr.n, te.n, intercept, coef, r2Train, r2Test, rank, note);
    }

    /** R² of model (coef…, intercept) on rows with moments s: SS_res = vᵀMv + n·(mean residual)². */
    private static double r2(double[] model, Moments s) {
        int p = model.length - 1;
        double ssTot = s.get(p, p);
        double meanRes = s.mean[p] - model[p];
        for (int a = 0; a < p; a++) {
            meanRes -= model[a] * s.mean[a];
        }
        // v = (-coef, 1)
        double quad = s.get(p, p);
        for (int a = 0; a < p; a++) {
            quad -= 2 * model[a] * s.get(a, p);
            double row = 0;
            for (int b = 0; b < p; b++) {
                row += s.get(a, b) * model[b];
            }
            quad += model[a] * row;
        }
        double ssRes = Math.max(0, quad) + s.n * meanRes * meanRes;
        if (ssTot == 0) {
            return ssRes == 0 ? 1.0 : 0.0;
        }
        return 1 - ssRes / ssTot;
    }

    /** @return the target's name */
    public String target() {
        return target;
    }

    /** @return feature names */
    public List<String> features() {
        return features;
    }

    /** @return group names */
    public List<String> groups() {
        return groups;
    }

    /** @return one fit per group, in order */
    public List<Fit> fits() {
        return fits;
    }

    /** @return the all-rows model */
    public Fit all() {
        return all;
    }

    /** @return the cross-group R² matrix: row i = model of group i, column j = test rows of group j (a copy) */
    public double[][] crossR2() {
        double[][] c = new double[cross.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = cross[i].clone();
        }
        return c;
    }
}
