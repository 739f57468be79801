package io.github.fairsynth.parquet;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SynthParquetWriterTest {
    @TempDir
    Path dir;

    @Test
    void hadoopIsNotOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.conf.Configuration"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.fs.Path"));
    }

    @Test
    void readsBackTheSameNumbersNamesAndMetadata() throws Exception {
        SynthSpec spec = SynthSpec.builder().samples(10_000).dim(4).build();
        Path file = dir.resolve("d.parquet");
        SynthParquetWriter.write(SynthJob.full(spec, 2), file, ParquetCompression.DEFAULT,
                Map.of("fairsynth.seed", "21"), ProgressListener.NONE);
        ParquetReadBack back = new ParquetReadBack(file);
        List<String> names = SynthColumns.names(spec);
        assertEquals(names.size(), back.schema.getFieldCount());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(names.get(i), back.schema.getFieldName(i));
        }
        assertEquals("21", back.metadata.get("fairsynth.seed"));
        assertEquals("ZSTD", back.codec);
        SynthDataset d = SynthDataset.generate(spec, 1);
        assertEquals(d.rows(), back.rows.size());
        for (int r = 0; r < d.rows(); r++) {
            double[] row = back.rows.get(r);
            int f = 0;
            for (int j = 0; j < spec.dim(); j++) {
                assertEquals(d.x(j)[r], row[f++], 0.0);
            }
            for (int g = 0; g < spec.groups(); g++) {
                assertEquals(d.indicator(g)[r], row[f++], 0.0);
            }
            for (int c = 0; c < SynthColumns.labelCount(spec); c++) {
                assertEquals(d.label(c)[r], row[f++], 0.0);
            }
        }
    }

    @Test
    void fileDoesNotDependOnThreadsAndCodecsRoundTrip() throws Exception {
        SynthSpec spec = SynthSpec.builder().samples(9_000).dim(3).dropSensitive(true).build();
        Path a = dir.resolve("a.parquet");
        Path b = dir.resolve("b.parquet");
        SynthParquetWriter.write(SynthJob.full(spec, 1), a, ParquetCompression.DEFAULT, Map.of(), ProgressListener.NONE);
        SynthParquetWriter.write(SynthJob.full(spec, 3), b, ParquetCompression.DEFAULT, Map.of(), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        for (ParquetCompression c : List.of(ParquetCompression.snappy(), ParquetCompression.none(),
                ParquetCompression.zstd(9), ParquetCompression.zstd(-3))) {
            Path p = dir.resolve(c.level() + c.codec().name() + ".parquet");
            SynthParquetWriter.write(SynthJob.full(spec, 2), p, c, Map.of(), ProgressListener.NONE);
            ParquetReadBack back = new ParquetReadBack(p);
            assertEquals(c.codec().name(), back.codec);
            assertEquals(9_000, back.rows.size());
            assertArrayEquals(new ParquetReadBack(a).rows.get(8_999), back.rows.get(8_999));
        }
    }

    @Test
    void failureLeavesNoFile() throws Exception {
        SynthSpec spec = SynthSpec.builder().samples(100_000).dim(3).build();
        Path file = dir.resolve("x.parquet");
        ProgressListener failing = (phase, done, total) -> {
            if (phase.equals("generate") && done > 0) {
                throw new IllegalStateException("stop here");
            }
        };
        assertThrows(IllegalStateException.class, () -> SynthParquetWriter.write(SynthJob.full(spec, 2), file,
                ParquetCompression.DEFAULT, Map.of(), failing));
        assertFalse(Files.exists(file));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
