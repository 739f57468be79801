package io.github.fairsynth.io;

import io.github.fairsynth.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreeSpaceTest {
    @TempDir
    Path dir;

    @Test
    void timesSaturatesInsteadOfOverflowing() {
        assertEquals(0, FreeSpace.times(0, Long.MAX_VALUE));
        assertEquals(37L * 8 * 100_000_000_000_000L, FreeSpace.times(37L * 8, 100_000_000_000_000L));
        assertEquals(Long.MAX_VALUE, FreeSpace.times(296, Long.MAX_VALUE / 100));
        assertEquals(Long.MAX_VALUE, FreeSpace.times(1L << 32, 1L << 31));
        assertEquals((1L << 62), FreeSpace.times(1L << 31, 1L << 31));
    }

    @Test
    void requireFailsOnlyWhenTheFloorIsAboveWhatIsFree() {
        Path out = dir.resolve("a.npy");
        assertDoesNotThrow(() -> FreeSpace.require("out", out, 1000, 1000));
        ConfigException e = assertThrows(ConfigException.class, () -> FreeSpace.require("out", out, 1001, 1000));
        assertEquals("out", e.parameter());
        assertEquals("invalid out = " + out + ": the run writes at least 1001 B and its file system has 1000 B free",
                e.getMessage());
        ConfigException far = assertThrows(ConfigException.class,
                () -> FreeSpace.require("out", out, 29_600_000_000_000_000L, 80_100_000_000L));
        assertTrue(far.getMessage().endsWith(": the run writes at least 29.6 PB and its file system has 80.1 GB free"),
                far.getMessage());
    }

    @Test
    void warningOnlyWhenTheEstimateIsAboveWhatIsFree() {
        Path out = dir.resolve("a.parquet");
        assertNull(FreeSpace.warning(out, 5_000_000, 5_000_000));
        String w = FreeSpace.warning(out, 2_400_000_000_000L, 80_100_000_000L);
        assertEquals("warning: the run writes about 2.40 TB to " + out
                + " and its file system has 80.1 GB free: it fails when the disk is full", w);
    }

    @Test
    void usableIsThatOfTheNearestExistingFolder() throws Exception {
        long here = Files.getFileStore(dir).getUsableSpace();
        long nested = FreeSpace.usable(dir.resolve("no/such/folder/part-00000.parquet"));
        long total = Files.getFileStore(dir).getTotalSpace();
        assertTrue(nested > 0 && nested <= total, nested + " of " + total);
        // the same file system: the two readings differ only by what other processes wrote in between
        assertTrue(Math.abs(nested - here) <= total / 10, nested + " against " + here);
    }
}
