/**
 * Per-group ordinary least squares (with intercept), R² as scikit-learn defines it, and the cross-group R²
 * matrix, in one pass over the data.
 *
 * <p>{@link io.github.fairsynth.analysis.GroupOlsAccumulator} keeps, per group and split, the row count,
 * the means and the centred co-moment matrix of (features, target), computed exactly per chunk of
 * {@value io.github.fairsynth.analysis.GroupOlsAccumulator#CHUNK} rows and merged in order (Chan, Golub and
 * LeVeque's pairwise formula), so memory is bounded and results depend only on the rows and their order.
 * {@link io.github.fairsynth.analysis.GroupOlsResult} solves each group's centred normal equations with an
 * SVD pseudo-inverse (EJML): a rank-deficient group gets the minimum-norm solution and a warning. R² on
 * train, on test and across groups are quadratic forms of the same statistics: no second pass.
 */
package io.github.fairsynth.analysis;
