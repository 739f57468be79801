package io.github.fairsynth.synth;

/**
 * The purpose constants of the generator's random streams (see {@code docs/REPRODUCIBILITY.md}).
 * Changing any of them changes every dataset: they are part of the reproducibility contract.
 */
final class Purpose {
    /** Per block: features, 4-lane stream, {@code dim × ROWS} uniforms, column-major. */
    static final long FEATURES = 1;
    /** Per block: level draws, 4-lane stream, {@code attributes × ROWS} uniforms, attribute-major. */
    static final long GROUPS = 2;
    /** Per block: label noise, scalar stream through the Commons ziggurat, group-major. */
    static final long NOISE = 3;
    /** Once (index 0): {@code W}, scalar stream, row-major {@code dim × groups}. */
    static final long WEIGHTS = 16;
    /** Once (index 0): {@code S}, scalar stream, {@code groups × dim × dim} in that order. */
    static final long QUAD = 17;
    /** Once (index 0): the dominance permutation, scalar stream, Fisher–Yates. */
    static final long PERMUTATION = 18;

    private Purpose() {
    }
}
