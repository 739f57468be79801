package io.github.fairsynth;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Java API example of docs/java-api.md, run as written (smaller). */
class ApiExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeExampleRuns() throws Exception {
        SynthSpec spec = SynthSpec.builder()
                .samples(20_000).dim(20)
                .clearAttributes()
                .attribute("SEX", List.of("male", "female"), new double[] {0.5, 0.5})
                .attribute("RACE", List.of("white", "black", "asian"), new double[] {0.6, 0.3, 0.1})
                .noise(0.16).seed(21)
                .build();
        SynthDataset d = SynthDataset.generate(spec.toBuilder().samples(10_000).build(), 2);
        double[] y = d.label("y_min_active");
        assertEquals(10_000, y.length);
        double w = d.truth().weight(0, 0);
        io.github.fairsynth.analysis.GroupOlsResult fit =
                io.github.fairsynth.analysis.GroupOlsDataset.fit(d, "y_min_active", 0.2, 21);
        assertEquals(5, fit.crossR2().length);
        assertEquals(w, new io.github.fairsynth.synth.SynthGenerator(spec).truth().weight(0, 0), 0.0);

        SynthJob job = SynthJob.full(spec, Runtime.getRuntime().availableProcessors());
        Path csv = dir.resolve("data.csv");
        SynthCsvWriter.write(job, csv, ProgressListener.NONE);
        assertEquals(20_001, Files.readAllLines(csv).size());

        double[] firsts = new double[5];
        job.run((block, from, to) -> block.label(0, from), (b, first) -> firsts[(int) b] = first, ProgressListener.NONE);
        SynthDataset full = SynthDataset.generate(spec, 2);
        for (int b = 0; b < 5; b++) {
            assertEquals(full.label(0)[b * 4096], firsts[b], 0.0); // streamed blocks = the in-memory rows
        }
    }
}
