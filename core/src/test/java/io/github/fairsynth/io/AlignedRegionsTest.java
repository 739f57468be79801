package io.github.fairsynth.io;

import com.sun.nio.file.ExtendedOpenOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AlignedRegionsTest {
    @TempDir
    Path dir;

    /**
     * Regions of random lengths (shorter than a block, around a block, past a region's buffer), with
     * random gaps between them for headers, appended in random pieces and in random interleaving: the
     * file holds every region's bytes at its place and the gaps' bytes written through the page cache.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyRegionLandsAtItsPlace(long seed) throws Exception {
        int align = UnbufferedFileOutput.directAlignment(dir);
        assumeTrue(align > 0, "no O_DIRECT alignment here");
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(12);
        long[] start = new long[n];
        long[] end = new long[n];
        long at = rnd.nextInt(200);
        int[] lengths = {0, 1, 17, align - 1, align, align + 1, 3 * align + 5, (1 << 20) + 3 * align + 7,
            (2 << 20) + 11};
        for (int i = 0; i < n; i++) {
            start[i] = at;
            end[i] = at + lengths[rnd.nextInt(lengths.length)];
            at = end[i] + (rnd.nextBoolean() ? 0 : rnd.nextInt(150));
        }
        long size = at;
        byte[] want = new byte[(int) size];
        rnd.nextBytes(want);
        Path p = dir.resolve("f" + seed);
        DirectWrites.with("true", () -> {
            try (FileChannel channel = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 AlignedRegions regions = AlignedRegions.open(p, size, start, end)) {
                assumeTrue(regions != null, "the file system here refuses O_DIRECT");
                long[] next = start.clone();
                List<Integer> open = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (end[i] > start[i]) {
                        open.add(i);
                    }
                }
                while (!open.isEmpty()) {
                    int k = rnd.nextInt(open.size());
                    int i = open.get(k);
                    int len = (int) Math.min(end[i] - next[i], 1 + rnd.nextInt(3 * align));
                    regions.append(i, want, (int) next[i], len);
                    next[i] += len;
                    if (next[i] == end[i]) {
                        open.remove(k);
                    }
                }
                // the gaps (the archive's headers) through the page cache, then the regions' ends
                long gapAt = 0;
                for (int i = 0; i <= n; i++) {
                    long gapEnd = i < n ? start[i] : size;
                    channel.write(ByteBuffer.wrap(want, (int) gapAt, (int) (gapEnd - gapAt)), gapAt);
                    gapAt = i < n ? end[i] : size;
                }
                regions.writeEdges(channel);
            }
        });
        assertArrayEquals(want, Files.readAllBytes(p));
    }

    /**
     * Told not to, the regions are not opened past the page cache; told to, they are exactly when the file
     * system here takes {@code O_DIRECT} (probed on its own).
     */
    @ParameterizedTest
    @ValueSource(strings = {"false", "true"})
    void openedOnlyWhenTheRunGoesPastThePageCache(String mode) throws Exception {
        assumeTrue(UnbufferedFileOutput.directAlignment(dir) > 0, "no O_DIRECT alignment here");
        Path p = dir.resolve("m" + mode);
        Files.createFile(p);
        boolean fileSystemTakesDirect;
        try (FileChannel probe = FileChannel.open(p, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)) {
            fileSystemTakesDirect = true;
        } catch (UnsupportedOperationException | IOException e) {
            fileSystemTakesDirect = false;
        }
        boolean expected = mode.equals("true") && fileSystemTakesDirect;
        DirectWrites.with(mode, () -> {
            try (AlignedRegions r = AlignedRegions.open(p, 1L << 40, new long[] {0}, new long[] {10})) {
                assertEquals(expected, r != null);
            }
        });
    }
}
