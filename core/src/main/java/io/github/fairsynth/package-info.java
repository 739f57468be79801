/**
 * fairsynth: a fast, exact engine for fairness-in-ML workloads.
 *
 * <ul>
 *   <li>{@link io.github.fairsynth.rng} — deterministic random streams (SplitMix64-seeded xoshiro256++).</li>
 *   <li>{@link io.github.fairsynth.synth} — the multi-group synthetic regression generator
 *       ({@code SynthGenLinear} of the ICLR 2024 paper).</li>
 *   <li>{@link io.github.fairsynth.io} — writers (CSV with shortest round-trip doubles, atomic files).</li>
 *   <li>{@link io.github.fairsynth.exec} — the ordered parallel block pipeline.</li>
 * </ul>
 */
package io.github.fairsynth;
