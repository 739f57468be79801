package io.github.fairsynth.analysis;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupOlsDatasetTest {
    @Test
    void inMemoryFitEqualsTheStreamedFit() throws Exception {
        SynthSpec spec = SynthSpec.builder().samples(30_000).dim(6).build();
        GroupOlsResult mem = GroupOlsDataset.fit(SynthDataset.generate(spec, 2), "y_min_active", 0.2, 21);
        GroupOlsResult streamed = GroupOlsSynth.fit(SynthJob.full(spec, 2), "y_min_active", 0.2, 21, ProgressListener.NONE);
        for (int g = 0; g < spec.groups(); g++) {
            GroupOlsResult.Fit a = mem.fits().get(g);
            GroupOlsResult.Fit b = streamed.fits().get(g);
            assertArrayEquals(b.coef(), a.coef(), 0.0);
            assertEquals(b.intercept(), a.intercept(), 0.0);
            assertEquals(b.r2Test(), a.r2Test(), 0.0);
            assertEquals(b.trainRows(), a.trainRows());
        }
        for (int i = 0; i < spec.groups(); i++) {
            assertArrayEquals(streamed.crossR2()[i], mem.crossR2()[i], 0.0);
        }
    }
}
