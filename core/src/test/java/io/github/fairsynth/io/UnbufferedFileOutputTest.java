package io.github.fairsynth.io;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnbufferedFileOutputTest {
    @TempDir
    Path dir;

    private static final int CHUNK = UnbufferedFileOutput.CHUNK;

    private static final int SMALL = UnbufferedFileOutput.MAX_ALIGN;

    /**
     * Lengths around the block size and the chunk, where padding and the hand-over between chunks happen,
     * with whole chunks and with the smallest a short file gets (many more hand-overs).
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 4097, SMALL - 1, SMALL, SMALL + 1, CHUNK - 1, CHUNK, CHUNK + 1,
            2 * CHUNK + 12_345})
    void theFileHoldsExactlyTheBytesWrittenBothWays(int length) throws Exception {
        byte[] want = new byte[length];
        new SplittableRandom(length).nextBytes(want);
        for (int capacity : new int[] {CHUNK, SMALL}) {
            for (boolean direct : new boolean[] {true, false}) {
                Path p = dir.resolve(direct + "-" + capacity + "-" + length);
                try (UnbufferedFileOutput out = UnbufferedFileOutput.open(p, direct, capacity)) {
                    // pieces of every size, single bytes among them, as the Parquet writer sends them
                    SplittableRandom pieces = new SplittableRandom(7);
                    for (int at = 0; at < length; ) {
                        int n = Math.min(length - at, pieces.nextInt(3) == 0 ? 1 : pieces.nextInt(1, 3 * 4096 + 29));
                        if (n == 1) {
                            out.write(want[at]);
                        } else {
                            out.write(want, at, n);
                        }
                        at += n;
                    }
                    assertEquals(length, out.length());
                    out.finish();
                }
                assertArrayEquals(want, Files.readAllBytes(p),
                        (direct ? "direct, " : "buffered, ") + capacity + "-byte chunks, " + length + " bytes");
            }
        }
    }

    /** A file expected to be short gets chunks of its size in whole alignment units, a long one whole chunks. */
    @Test
    void chunksAreAsLongAsTheFileIsExpectedToBeUpToAWholeChunk() {
        assertEquals(SMALL, UnbufferedFileOutput.chunkBytes(0));
        assertEquals(SMALL, UnbufferedFileOutput.chunkBytes(1));
        assertEquals(SMALL, UnbufferedFileOutput.chunkBytes(SMALL));
        assertEquals(2 * SMALL, UnbufferedFileOutput.chunkBytes(SMALL + 1));
        assertEquals(CHUNK, UnbufferedFileOutput.chunkBytes(CHUNK - 1));
        assertEquals(CHUNK, UnbufferedFileOutput.chunkBytes(CHUNK));
        assertEquals(CHUNK, UnbufferedFileOutput.chunkBytes(Long.MAX_VALUE));
        assertEquals(0, CHUNK % SMALL);
    }

    @Test
    void bufferedWhenNotAskedAndAnExistingFileIsNotReplaced() throws Exception {
        Path p = dir.resolve("f");
        try (UnbufferedFileOutput out = UnbufferedFileOutput.open(p, false, CHUNK)) {
            assertFalse(out.isDirect());
            out.finish();
        }
        assertThrows(FileAlreadyExistsException.class, () -> UnbufferedFileOutput.open(p, true, CHUNK));
        assertEquals(0, Files.size(p));
    }

    /** A write after finish() or close() is refused, not gathered into a chunk that is never written. */
    @Test
    void writesAfterFinishOrCloseAreRefused() throws Exception {
        Path p = dir.resolve("done");
        UnbufferedFileOutput out = UnbufferedFileOutput.open(p, true, SMALL);
        out.write(new byte[SMALL + 3], 0, SMALL + 3);
        out.finish();
        assertThrows(java.io.IOException.class, () -> out.write(1));
        assertThrows(java.io.IOException.class, () -> out.write(new byte[2], 0, 2));
        out.close();
        assertThrows(java.io.IOException.class, () -> out.write(1));
        assertEquals(SMALL + 3, Files.size(p));
    }

    /** Chunks go back for the next stream once, however often a stream is closed. */
    @Test
    void streamsOpenAfterADoubleCloseDoNotShareChunks() throws Exception {
        Path a = dir.resolve("a");
        UnbufferedFileOutput first = UnbufferedFileOutput.open(a, true, CHUNK);
        first.finish();
        first.close();
        first.close();
        byte[] one = new byte[CHUNK + 5000];
        byte[] two = new byte[CHUNK + 5000];
        new SplittableRandom(1).nextBytes(one);
        new SplittableRandom(2).nextBytes(two);
        Path p1 = dir.resolve("one");
        Path p2 = dir.resolve("two");
        try (UnbufferedFileOutput o1 = UnbufferedFileOutput.open(p1, true, CHUNK);
             UnbufferedFileOutput o2 = UnbufferedFileOutput.open(p2, true, CHUNK)) {
            for (int at = 0; at < one.length; at += 4096) {
                int n = Math.min(4096, one.length - at);
                o1.write(one, at, n);
                o2.write(two, at, n);
            }
            o1.finish();
            o2.finish();
        }
        assertArrayEquals(one, Files.readAllBytes(p1));
        assertArrayEquals(two, Files.readAllBytes(p2));
    }

    /** The same .npy, .npz and CSV bytes past the page cache as through it (the writer picks by the dataset's size). */
    @ParameterizedTest
    @ValueSource(strings = {"npy", "npz", "csv"})
    void aFileWrittenPastThePageCacheEqualsTheBufferedOne(String format) throws Exception {
        SynthSpec spec = SynthSpec.builder().samples(70_001).dim(3).build(); // 2.2 MB: not a whole chunk
        byte[][] files = new byte[2][];
        String[] modes = {"true", "false"};
        for (int i = 0; i < 2; i++) {
            Path p = dir.resolve(modes[i] + "." + format);
            DirectWrites.with(modes[i], () -> {
                if (format.equals("npy")) {
                    SynthNpyWriter.writeNpy(SynthJob.full(spec, 2), p, ProgressListener.NONE);
                } else if (format.equals("npz")) {
                    SynthNpyWriter.writeNpz(SynthJob.full(spec, 2), p, ProgressListener.NONE);
                } else {
                    SynthCsvWriter.write(SynthJob.full(spec, 2), p, ProgressListener.NONE);
                }
            });
            files[i] = Files.readAllBytes(p);
        }
        assertArrayEquals(files[1], files[0]);
    }

    /** The CSV's size estimate, which picks the write path, is within a tenth of the file's size. */
    @Test
    void theCsvSizeEstimateIsNearTheFilesSize() throws Exception {
        for (SynthSpec spec : new SynthSpec[]{SynthSpec.builder().samples(20_000).build(),
                SynthSpec.builder().samples(20_000).dim(3).build()}) {
            Path p = dir.resolve("estimate-" + spec.dim() + ".csv");
            SynthCsvWriter.write(SynthJob.full(spec, 1), p, ProgressListener.NONE);
            double ratio = (double) SynthCsvWriter.expectedBytes(spec) / Files.size(p);
            assertTrue(ratio > 0.9 && ratio < 1.1, "estimate / size = " + ratio + " for dim " + spec.dim());
        }
    }

    @Test
    void theThresholdIsTheDirtyLimitOrLessWhereFreedMemoryGoesToTheHost() throws Exception {
        long t = UnbufferedFileOutput.directAbove();
        Path ratio = Path.of("/proc/sys/vm/dirty_ratio");
        Path bytes = Path.of("/proc/sys/vm/dirty_bytes");
        if (!Files.isReadable(ratio) || !Files.isReadable(bytes)) {
            assertEquals(Long.MAX_VALUE, t);
            return;
        }
        long dirtyBytes = Long.parseLong(firstLine(bytes).trim());
        long memKb;
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memKb = Long.parseLong(lines.filter(l -> l.startsWith("MemTotal:")).findFirst().orElseThrow()
                    .split("\\s+")[1]);
        }
        long want = dirtyBytes > 0 ? dirtyBytes : memKb * 1024 / 100 * Long.parseLong(firstLine(ratio).trim());
        if (UnbufferedFileOutput.reportsFreePages(Path.of("/sys/bus/virtio/drivers/virtio_balloon"))) {
            want = Math.min(UnbufferedFileOutput.REPORTED_MEMORY_FLOOR, want);
        }
        assertEquals(want, t);
    }

    @Test
    void freePageReportingIsReadFromTheBalloonsFeatureBits(@TempDir Path sys) throws Exception {
        Path driver = sys.resolve("virtio_balloon");
        assertFalse(UnbufferedFileOutput.reportsFreePages(driver), "no driver folder");
        Files.createDirectories(driver.resolve("virtio0"));
        Files.createDirectories(driver.resolve("module"));
        Files.writeString(driver.resolve("module").resolve("features"), "0000011111\n");
        Files.writeString(driver.resolve("virtio0").resolve("features"), "0110000101\n");
        assertFalse(UnbufferedFileOutput.reportsFreePages(driver), "bit 5 clear; only virtio* devices count");
        Files.writeString(driver.resolve("virtio0").resolve("features"), "0110010101\n");
        assertTrue(UnbufferedFileOutput.reportsFreePages(driver), "bit 5 set");
        Files.writeString(driver.resolve("virtio0").resolve("features"), "01100\n");
        assertFalse(UnbufferedFileOutput.reportsFreePages(driver), "too few bits");
    }

    private static String firstLine(Path p) throws Exception {
        try (Stream<String> lines = Files.lines(p)) {
            return lines.findFirst().orElseThrow();
        }
    }
}
