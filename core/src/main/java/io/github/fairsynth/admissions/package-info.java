/**
 * The strategic college-admissions game of Google's ML Fairness Gym ({@code environments/college_admission.py}):
 * applicants from a two-group Gaussian mixture, a jury that publishes a threshold, applicants who game their
 * scores at a group-dependent cost, selection, social burden, and juries that learn.
 *
 * <p>Shape, as the gym: {@link io.github.fairsynth.admissions.AdmissionsParams} (validated once), an
 * environment state stepped by an action ({@link io.github.fairsynth.admissions.AdmissionsEnv}), juries
 * ({@link io.github.fairsynth.admissions.Jury}), and the batched engine
 * ({@link io.github.fairsynth.admissions.AdmissionsRun}) that steps E environments × N applicants in
 * primitive blocks on all cores, each environment's trajectory depending only on (config, seed, index).
 */
package io.github.fairsynth.admissions;
