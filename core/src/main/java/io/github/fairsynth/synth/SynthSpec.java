package io.github.fairsynth.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generator's parameters, validated once by {@link Builder#build()}.
 *
 * <p>Names follow the Python {@code SynthGenLinear} parameters ({@code samples}, {@code dim},
 * {@code group_dict}/{@code prob_dict}, {@code feat_lo}, …); {@link #scale()} is fairsynth's own switch for
 * the min-max scaling the paper code always applies. Defaults are the paper's synthetic experiment:
 * 100000 rows, dim 20, SHAPE {circle 0.5, square 0.3, triangle 0.2}, COLOR {green 0.6, red 0.4}, features and
 * weights U[0,1], linear, no quadratic term, noise 0.16, seed 21, scaled, sensitive columns kept.
 *
 * <p>Groups are all levels of all attributes in order; group {@code g}'s name is its level name, which is
 * unique across attributes.
 */
public final class SynthSpec {
    /** Most groups (levels over all attributes) a spec may have. */
    public static final int MAX_GROUPS = 4096;
    /** Largest feature dimension (a worker block holds 4096 rows of every column: ~32 KiB per column). */
    public static final int MAX_DIM = 4096;
    /** Most quadratic coefficients ({@code groups × dim²}) a spec may ask for. */
    public static final long MAX_QUAD_COEFFICIENTS = 1L << 27;
    /** Tolerance on the sum of an attribute's probabilities. */
    public static final double PROB_SUM_TOLERANCE = 1e-9;

    private final long samples;
    private final int dim;
    private final List<Attribute> attributes;
    private final double featLo, featHi;
    private final boolean linear;
    private final double wLo, wHi;
    private final boolean quad;
    private final double sLo, sHi;
    private final double noiseWidth;
    private final boolean dropSensitive;
    private final long seed;
    private final boolean scale;
    // derived
    private final int groups;
    private final String[] groupNames;
    private final int[] attributeOffset;

    private SynthSpec(Builder b) {
        samples = b.samples;
        dim = b.dim;
        attributes = List.copyOf(b.attributes);
        featLo = b.featLo;
        featHi = b.featHi;
        linear = b.linear;
        wLo = b.wLo;
        wHi = b.wHi;
        quad = b.quad;
        sLo = b.sLo;
        sHi = b.sHi;
        noiseWidth = b.noiseWidth;
        dropSensitive = b.dropSensitive;
        seed = b.seed;
        scale = b.scale;
        attributeOffset = new int[attributes.size()];
        List<String> names = new ArrayList<>();
        for (int a = 0; a < attributes.size(); a++) {
            attributeOffset[a] = names.size();
            names.addAll(attributes.get(a).levels());
        }
        groups = names.size();
        groupNames = names.toArray(new String[0]);
    }

    /** @return a builder holding the paper's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this spec's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.samples = samples;
        b.dim = dim;
        b.attributes = new ArrayList<>(attributes);
        b.featLo = featLo;
        b.featHi = featHi;
        b.linear = linear;
        b.wLo = wLo;
        b.wHi = wHi;
        b.quad = quad;
        b.sLo = sLo;
        b.sHi = sHi;
        b.noiseWidth = noiseWidth;
        b.dropSensitive = dropSensitive;
        b.seed = seed;
        b.scale = scale;
        return b;
    }

    /** @return number of rows ({@code samples}) */
    public long samples() {
        return samples;
    }

    /** @return feature dimension ({@code dim}) */
    public int dim() {
        return dim;
    }

    /** @return the attributes, in order */
    public List<Attribute> attributes() {
        return attributes;
    }

    /** @return number of attributes */
    public int attributeCount() {
        return attributes.size();
    }

    /** @return total number of groups ({@code Ng}: levels over all attributes) */
    public int groups() {
        return groups;
    }

    /**
     * @param g group index
     * @return the group's (level) name
     */
    public String groupName(int g) {
        return groupNames[g];
    }

    /**
     * @param a attribute index
     * @return the global index of the attribute's first level
     */
    public int attributeOffset(int a) {
        return attributeOffset[a];
    }

    /**
     * @return for every group (global level index), the index of its attribute: a row is in group
     *         {@code g} when {@link SynthBlock#group(int, int)} of that attribute is {@code g}
     */
    public int[] attributeOfGroups() {
        int[] of = new int[groups()];
        for (int a = 0; a < attributeCount(); a++) {
            for (int k = 0; k < attributes().get(a).size(); k++) {
                of[attributeOffset(a) + k] = a;
            }
        }
        return of;
    }

    /** @return {@code feat_lo} */
    public double featLo() {
        return featLo;
    }

    /** @return {@code feat_hi} */
    public double featHi() {
        return featHi;
    }

    /** @return {@code add_linear_mapping} */
    public boolean linear() {
        return linear;
    }

    /** @return {@code w_lo} */
    public double wLo() {
        return wLo;
    }

    /** @return {@code w_hi} */
    public double wHi() {
        return wHi;
    }

    /** @return {@code add_quad_mapping} */
    public boolean quad() {
        return quad;
    }

    /** @return {@code S_lo} */
    public double sLo() {
        return sLo;
    }

    /** @return {@code S_hi} */
    public double sHi() {
        return sHi;
    }

    /** @return {@code label_noise_width}: the standard deviation of the label noise */
    public double noiseWidth() {
        return noiseWidth;
    }

    /** @return {@code drop_sensitive}: whether the {@code g_<level>} columns are omitted */
    public boolean dropSensitive() {
        return dropSensitive;
    }

    /** @return the seed ({@code fixed_seed}) */
    public long seed() {
        return seed;
    }

    /** @return whether label columns are min-max scaled to [0, 1] over the whole dataset */
    public boolean scale() {
        return scale;
    }

    /**
     * The resolved parameters under their Python names, in a stable order (for truth files).
     *
     * @return an ordered map of JSON-ready values (numbers, booleans, strings, lists and maps)
     */
    public Map<String, Object> toPythonParams() {
        return PythonParams.of(this);
    }

    @Override
    public String toString() {
        return "SynthSpec" + toPythonParams();
    }

    /** Mutable parameters; {@link #build()} validates them and gives an immutable spec. */
    public static final class Builder {
        private long samples = 100_000;
        private int dim = 20;
        private List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("SHAPE", List.of("circle", "square", "triangle"), new double[] {0.5, 0.3, 0.2}),
                new Attribute("COLOR", List.of("green", "red"), new double[] {0.6, 0.4})));
        private double featLo = 0, featHi = 1;
        private boolean linear = true;
        private double wLo = 0, wHi = 1;
        private boolean quad = false;
        private double sLo = 0, sHi = 1;
        private double noiseWidth = 0.16;
        private boolean dropSensitive = false;
        private long seed = 21;
        private boolean scale = true;

        private Builder() {
        }

        /** @return the current feat_lo */
        public double featLo() {
            return featLo;
        }

        /** @return the current feat_hi */
        public double featHi() {
            return featHi;
        }

        /** @return the current w_lo */
        public double wLo() {
            return wLo;
        }

        /** @return the current w_hi */
        public double wHi() {
            return wHi;
        }

        /** @return the current S_lo */
        public double sLo() {
            return sLo;
        }

        /** @return the current S_hi */
        public double sHi() {
            return sHi;
        }

        /**
         * @param v number of rows
         * @return this
         */
        public Builder samples(long v) {
            samples = v;
            return this;
        }

        /**
         * @param v feature dimension
         * @return this
         */
        public Builder dim(int v) {
            dim = v;
            return this;
        }

        /**
         * Removes all attributes (to replace the defaults).
         *
         * @return this
         */
        public Builder clearAttributes() {
            attributes.clear();
            return this;
        }

        /**
         * Adds an attribute, or replaces the one of the same name in place.
         *
         * @param name   attribute name
         * @param levels level names
         * @param probs  level probabilities, same length
         * @return this
         */
        public Builder attribute(String name, List<String> levels, double[] probs) {
            Attribute a = new Attribute(name, levels, probs);
            for (int i = 0; i < attributes.size(); i++) {
                if (attributes.get(i).name().equals(name)) {
                    attributes.set(i, a);
                    return this;
                }
            }
            attributes.add(a);
            return this;
        }

        /**
         * @param lo feat_lo
         * @param hi feat_hi
         * @return this
         */
        public Builder features(double lo, double hi) {
            featLo = lo;
            featHi = hi;
            return this;
        }

        /**
         * @param on add_linear_mapping
         * @return this
         */
        public Builder linear(boolean on) {
            linear = on;
            return this;
        }

        /**
         * @param lo w_lo
         * @param hi w_hi
         * @return this
         */
        public Builder weights(double lo, double hi) {
            wLo = lo;
            wHi = hi;
            return this;
        }

        /**
         * @param on add_quad_mapping
         * @return this
         */
        public Builder quad(boolean on) {
            quad = on;
            return this;
        }

        /**
         * @param lo S_lo
         * @param hi S_hi
         * @return this
         */
        public Builder quadBounds(double lo, double hi) {
            sLo = lo;
            sHi = hi;
            return this;
        }

        /**
         * @param v label_noise_width (standard deviation)
         * @return this
         */
        public Builder noise(double v) {
            noiseWidth = v;
            return this;
        }

        /**
         * @param v drop_sensitive
         * @return this
         */
        public Builder dropSensitive(boolean v) {
            dropSensitive = v;
            return this;
        }

        /**
         * @param v the seed
         * @return this
         */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * @param v whether to min-max scale label columns
         * @return this
         */
        public Builder scale(boolean v) {
            scale = v;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the spec
         * @throws io.github.fairsynth.ConfigException naming the first invalid parameter, its value and the allowed range
         */
        public SynthSpec build() {
            SynthSpecChecks.counts(samples, dim);
            SynthSpecChecks.bounds("feat_lo", "feat_hi", featLo, featHi);
            SynthSpecChecks.bounds("w_lo", "w_hi", wLo, wHi);
            SynthSpecChecks.bounds("S_lo", "S_hi", sLo, sHi);
            SynthSpecChecks.noise(noiseWidth);
            int groups = SynthSpecChecks.attributes(attributes);
            SynthSpecChecks.quad(quad, groups, dim);
            return new SynthSpec(this);
        }
    }
}
