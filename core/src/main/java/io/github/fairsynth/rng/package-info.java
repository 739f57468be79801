/**
 * Deterministic random streams.
 *
 * <p>Every random number fairsynth uses comes from a stream named by {@code (seed, purpose, index)}
 * ({@link io.github.fairsynth.rng.RngStreams}). The stream's state is derived with SplitMix64
 * ({@link io.github.fairsynth.rng.SplitMix64}); bulk uniforms come from four interleaved xoshiro256++ lanes
 * ({@link io.github.fairsynth.rng.Xoshiro256PlusPlusX4}) so that scalar and SIMD kernels produce the same
 * numbers; scalar streams are Apache Commons RNG's {@code XoShiRo256PlusPlus}. The exact derivation is
 * documented in {@code docs/REPRODUCIBILITY.md} and pinned by golden tests.
 */
package io.github.fairsynth.rng;
