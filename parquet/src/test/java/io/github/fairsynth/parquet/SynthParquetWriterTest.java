package io.github.fairsynth.parquet;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.format.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest(name = "{0}")
    @EnumSource(ParquetEncoding.class)
    void bytesAreTheSameForOneTwoAndThreeThreads(ParquetEncoding encoding) throws Exception {
        // 300000 rows: two row groups of 32 blocks and a shorter one, one page per column in each
        SynthSpec spec = SynthSpec.builder().samples(300_000).dim(3).build();
        assertEquals(32, SynthParquetWriter.blocksPerRowGroup(spec));
        byte[] one = null;
        for (int threads = 1; threads <= 3; threads++) {
            Path p = dir.resolve("t" + threads + ".parquet");
            try (SynthParquetWriter w = new SynthParquetWriter(spec, ParquetCompression.DEFAULT, encoding)) {
                w.write(SynthJob.full(spec, threads), p, Map.of(), ProgressListener.NONE);
            }
            byte[] bytes = Files.readAllBytes(p);
            if (one == null) {
                one = bytes;
                assertEquals(3, new ParquetReadBack(p).rowGroups);
            } else {
                assertArrayEquals(one, bytes, threads + " threads");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ParquetEncoding.class)
    void footerStatisticsAreEachChunksMinAndMaxInTheTypeDefinedOrder(ParquetEncoding encoding) throws Exception {
        // 150000 scaled rows: two row groups; each label's minimum is scaled to exactly 0.0, which the
        // type-defined order writes as a min_value of -0.0 (parquet-java's footer writer applies that rule)
        SynthSpec spec = SynthSpec.builder().samples(150_000).dim(2).build();
        Path p = dir.resolve("stats.parquet");
        try (SynthParquetWriter w = new SynthParquetWriter(spec, ParquetCompression.DEFAULT, encoding)) {
            w.write(SynthJob.full(spec, 2), p, Map.of(), ProgressListener.NONE);
        }
        List<double[]> rows = new ParquetReadBack(p).rows;
        FooterStatistics footer = new FooterStatistics(p);
        int columns = SynthColumns.names(spec).size();
        assertEquals(columns, footer.columnOrders.size());
        // pyarrow 25 reads no min or max under parquet-java's default IEEE 754 total order for DOUBLE
        footer.columnOrders.forEach(o -> assertTrue(o.isSetTYPE_ORDER(), o.toString()));
        int groupRows = SynthParquetWriter.blocksPerRowGroup(spec) * SynthBlock.ROWS;
        assertEquals(2, footer.chunks.size());
        int negativeZeroMinima = 0;
        for (int g = 0; g < footer.chunks.size(); g++) {
            List<double[]> group = rows.subList(g * groupRows, Math.min(rows.size(), (g + 1) * groupRows));
            for (int c = 0; c < columns; c++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] row : group) {
                    lo = Math.min(lo, row[c]);
                    hi = Math.max(hi, row[c]);
                }
                Statistics s = footer.chunks.get(g).get(c);
                String where = "row group " + g + " column " + c;
                assertEquals(0, s.getNull_count(), where);
                boolean indicator = c >= spec.dim() && c < spec.dim() + spec.groups();
                if (indicator) {
                    assertArrayEquals(new byte[] {(byte) lo}, s.getMin_value(), where);
                    assertArrayEquals(new byte[] {(byte) hi}, s.getMax_value(), where);
                    continue;
                }
                double min = FooterStatistics.doubleOf(s.getMin_value());
                double max = FooterStatistics.doubleOf(s.getMax_value());
                assertEquals(Double.doubleToRawLongBits(lo == 0.0 ? -0.0 : lo), Double.doubleToRawLongBits(min),
                        where + ": min " + min + " of values down to " + lo);
                assertEquals(Double.doubleToRawLongBits(hi == 0.0 ? 0.0 : hi), Double.doubleToRawLongBits(max),
                        where + ": max " + max + " of values up to " + hi);
                if (Double.doubleToRawLongBits(min) == Double.doubleToRawLongBits(-0.0)) {
                    negativeZeroMinima++;
                }
            }
        }
        assertTrue(negativeZeroMinima >= SynthColumns.labelCount(spec), negativeZeroMinima + " minima of -0.0");
    }

    @Test
    void aSliceOffTheBlockGridHoldsThoseRowsOfTheFullFile() throws Exception {
        // the slice starts 5 rows into a block, so its indicator bits start off a byte boundary
        SynthSpec spec = SynthSpec.builder().samples(40_000).dim(2).build();
        Path full = dir.resolve("full.parquet");
        Path slice = dir.resolve("slice.parquet");
        SynthParquetWriter.write(SynthJob.full(spec, 2), full, ParquetCompression.none(), Map.of(), ProgressListener.NONE);
        SynthParquetWriter.write(new SynthJob(spec, 4096 + 5, 30_001, 3), slice, ParquetCompression.DEFAULT, Map.of(),
                ProgressListener.NONE);
        List<double[]> all = new ParquetReadBack(full).rows;
        List<double[]> part = new ParquetReadBack(slice).rows;
        assertEquals(30_001, part.size());
        for (int r = 0; r < part.size(); r++) {
            assertArrayEquals(all.get(4096 + 5 + r), part.get(r), "row " + r);
        }
    }

    @Test
    void everyCompressionReadsBackTheSameRows() throws Exception {
        SynthSpec spec = SynthSpec.builder().samples(9_000).dim(3).dropSensitive(true).build();
        Path a = dir.resolve("a.parquet");
        SynthParquetWriter.write(SynthJob.full(spec, 1), a, ParquetCompression.DEFAULT, Map.of(), ProgressListener.NONE);
        List<double[]> expected = new ParquetReadBack(a).rows;
        for (ParquetCompression c : List.of(ParquetCompression.snappy(), ParquetCompression.none(),
                ParquetCompression.zstd(9), ParquetCompression.zstd(-3))) {
            Path p = dir.resolve(c.level() + c.codec().name() + ".parquet");
            SynthParquetWriter.write(SynthJob.full(spec, 2), p, c, Map.of(), ProgressListener.NONE);
            ParquetReadBack back = new ParquetReadBack(p);
            assertEquals(c.codec().name(), back.codec);
            assertEquals(expected.size(), back.rows.size());
            for (int r = 0; r < expected.size(); r++) {
                assertArrayEquals(expected.get(r), back.rows.get(r));
            }
        }
    }

    @Test
    void bothEncodingsReadBackTheSameRowsAndNameTheirEncoding() throws Exception {
        // 140000 rows: a full row group and a short one, whose split streams are closed up to its length;
        // an offset off the block grid
        SynthSpec spec = SynthSpec.builder().samples(150_000).dim(2).build();
        SynthJob job = new SynthJob(spec, 4096 + 3, 140_000, 2);
        List<double[]> expected = null;
        for (ParquetEncoding e : ParquetEncoding.values()) {
            for (ParquetCompression c : List.of(ParquetCompression.none(), ParquetCompression.DEFAULT)) {
                Path p = dir.resolve(e + "-" + c.codec().name() + ".parquet");
                try (SynthParquetWriter w = new SynthParquetWriter(spec, c, e)) {
                    assertEquals(e, w.encoding());
                    w.write(job, p, Map.of(), ProgressListener.NONE);
                }
                ParquetReadBack back = new ParquetReadBack(p);
                assertEquals(2, back.rowGroups);
                List<String> names = SynthColumns.names(spec);
                for (int col = 0; col < names.size(); col++) {
                    boolean indicator = col >= spec.dim() && col < spec.dim() + spec.groups();
                    Encoding values = indicator ? Encoding.PLAIN : e.parquet();
                    assertTrue(back.encodings.get(names.get(col)).contains(values), names.get(col) + " " + back.encodings);
                }
                if (expected == null) {
                    expected = back.rows;
                    assertEquals(140_000, expected.size());
                } else {
                    assertEquals(expected.size(), back.rows.size());
                    for (int r = 0; r < expected.size(); r++) {
                        assertArrayEquals(expected.get(r), back.rows.get(r), e + " " + c + " row " + r);
                    }
                }
            }
        }
    }

    @Test
    void encodingTextsParseAndBadOnesNameTheParameter() {
        assertEquals(ParquetEncoding.PLAIN, ParquetEncoding.parse(" Plain"));
        assertEquals(ParquetEncoding.BYTE_STREAM_SPLIT, ParquetEncoding.parse("byte-stream-split"));
        for (ParquetEncoding e : ParquetEncoding.values()) {
            assertEquals(e, ParquetEncoding.parse(e.toString()));
        }
        for (String bad : List.of("split", "rle", "")) {
            ConfigException e = assertThrows(ConfigException.class, () -> ParquetEncoding.parse(bad));
            assertTrue(e.getMessage().startsWith("invalid encoding = "), e.getMessage());
        }
    }

    @Test
    void compressionTextsParseAndBadOnesNameTheParameter() {
        assertEquals("zstd:1", ParquetCompression.parse("ZSTD:1").toString());
        assertEquals("zstd:3", ParquetCompression.parse("zstd").toString());
        assertEquals("snappy", ParquetCompression.parse("snappy").toString());
        assertEquals("none", ParquetCompression.parse("uncompressed").toString());
        for (String bad : List.of("zstd:23", "zstd:-8", "zstd:x", "lz4", "")) {
            ConfigException e = assertThrows(ConfigException.class, () -> ParquetCompression.parse(bad));
            assertTrue(e.getMessage().contains("compression"), e.getMessage());
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
