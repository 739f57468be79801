/**
 * The multi-group synthetic regression generator ({@code SynthGenLinear} of <i>Oracle Efficient
 * Algorithms for Groupwise Regret</i>, ICLR 2024).
 *
 * <p>Shape: a {@link io.github.fairsynth.synth.SynthSpec} (parameters, validated once), a
 * {@link io.github.fairsynth.synth.SynthGenerator} (the dataset-level draws, i.e. the
 * {@link io.github.fairsynth.synth.SynthTruth}) and a block step that fills a columnar
 * {@link io.github.fairsynth.synth.SynthBlock} of {@value io.github.fairsynth.synth.SynthBlock#ROWS} rows.
 * {@link io.github.fairsynth.synth.SynthJob} runs the blocks in parallel, in order, with the two-pass
 * min-max scaling; {@link io.github.fairsynth.synth.SynthDataset} holds a small dataset in memory.
 */
package io.github.fairsynth.synth;
