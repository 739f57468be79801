package io.github.fairsynth.bench;

import io.github.fairsynth.simd.Kernels;
import io.github.fairsynth.simd.ScalarKernels;
import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;

import io.github.fairsynth.synth.SynthSpec;

import java.util.List;

/** The benchmark configurations: the paper's (dim 20, 5 groups) and a wide one (dim 100, 50 groups). */
final class SynthConfigs {
    private SynthConfigs() {
    }

    static SynthSpec spec(String name, long rows) {
        switch (name) {
            case "paper":
                return SynthSpec.builder().samples(rows).build();
            case "wide": {
                SynthSpec.Builder b = SynthSpec.builder().samples(rows).dim(100).clearAttributes();
                for (int a = 0; a < 10; a++) {
                    b.attribute("A" + a, List.of("a" + a + "l0", "a" + a + "l1", "a" + a + "l2", "a" + a + "l3", "a" + a + "l4"),
                            new double[] {0.4, 0.25, 0.15, 0.12, 0.08});
                }
                return b.build();
            }
            default:
                throw new IllegalArgumentException("unknown config " + name);
        }
    }

    /**
     * @param name "panama" or "scalar"
     * @return those kernels; fails when the Vector API kernels cannot load in this JVM
     */
    static Kernels kernels(String name) {
        Kernels k = name.equals("panama") ? Kernels.Holder.panama() : ScalarKernels.INSTANCE;
        if (k == null) {
            throw new IllegalStateException("Vector API kernels unavailable in this JVM");
        }
        return k;
    }

    /**
     * @param spec a spec
     * @return the label ranges of its whole dataset (the scaling pass of a generation run)
     * @throws Exception on failure
     */
    static LabelRanges ranges(SynthSpec spec) throws Exception {
        return new SynthJob(spec, 0, spec.samples(), 1).ranges((p, d, t) -> { });
    }

    /**
     * @param spec a spec
     * @return the bytes a block holds per row, in doubles: features, the group levels (an int per
     *         attribute, half a double each) and the labels; what the memory-fill benchmarks write
     */
    static int doublesPerRow(SynthSpec spec) {
        return spec.dim() + spec.attributeCount() / 2 + SynthColumns.labelCount(spec);
    }
}
