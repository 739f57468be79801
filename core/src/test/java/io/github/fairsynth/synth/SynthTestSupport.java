package io.github.fairsynth.synth;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.SynthCsvWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Helpers shared by the generator tests. */
final class SynthTestSupport {
    private SynthTestSupport() {
    }

    static byte[] csv(SynthSpec spec, long offset, long limit, int threads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SynthCsvWriter.write(new SynthJob(spec, offset, limit, threads), out, ProgressListener.NONE);
        return out.toByteArray();
    }

    static byte[] csv(SynthSpec spec, int threads) throws Exception {
        return csv(spec, 0, spec.samples(), threads);
    }

    /** A spec with three attributes, a tiny level and a quadratic term. */
    static SynthSpec.Builder rich() {
        return SynthSpec.builder().samples(3 * SynthBlock.ROWS + 517).dim(6)
                .attribute("SHAPE", List.of("circle", "square", "triangle"), new double[] {0.5, 0.3, 0.2})
                .attribute("COLOR", List.of("green", "red"), new double[] {0.6, 0.4})
                .attribute("SIZE", List.of("S", "M", "L", "XL"), new double[] {0.25, 0.5, 0.245, 0.005})
                .features(-1, 2).weights(-3, 3).quad(true).quadBounds(-0.5, 0.5).noise(0.3).seed(1234);
    }
}
