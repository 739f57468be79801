package io.github.fairsynth.bench;

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
}
