package io.github.fairsynth.synth;

import java.util.Arrays;
import java.util.List;

/**
 * One categorical attribute (e.g. SEX): its name, ordered level names and level probabilities.
 * Immutable; validation happens in {@link SynthSpec.Builder#build()}.
 */
public final class Attribute {
    private final String name;
    private final String[] levels;
    private final double[] probs;

    /**
     * @param name   attribute name
     * @param levels level names, in order
     * @param probs  probabilities, in the same order
     */
    public Attribute(String name, List<String> levels, double[] probs) {
        this.name = name;
        this.levels = levels.toArray(new String[0]);
        this.probs = probs.clone();
    }

    /** @return the attribute's name */
    public String name() {
        return name;
    }

    /** @return number of levels */
    public int size() {
        return levels.length;
    }

    /**
     * @param k level index
     * @return the level's name
     */
    public String level(int k) {
        return levels[k];
    }

    /** @return the level names, in order */
    public List<String> levels() {
        return List.of(levels);
    }

    /**
     * @param k level index
     * @return the level's probability
     */
    public double prob(int k) {
        return probs[k];
    }

    /** @return a copy of the probabilities */
    public double[] probs() {
        return probs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute && name.equals(((Attribute) o).name)
                && Arrays.equals(levels, ((Attribute) o).levels) && Arrays.equals(probs, ((Attribute) o).probs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(levels)) + Arrays.hashCode(probs);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(levels) + Arrays.toString(probs);
    }
}
