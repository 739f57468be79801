package io.github.fairsynth.cli;

import io.github.fairsynth.io.FreeSpace;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.io.SynthNpyWriter;
import io.github.fairsynth.parquet.SynthParquetWriter;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run whose output cannot fit on its disk fails before its first row; the size figures hold for real files. */
class DiskSpaceTest {
    /** 10^14 rows: petabytes in every format, more than any test machine's disk. */
    private static final String TOO_MANY = "100000000000000";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a.npy", "a.npz", "a.csv", "dataset/"})
    void tooLargeForTheDiskFailsAtOnceWithOneLineAndNoFile(String name) throws Exception {
        String out = dir.resolve(name) + (name.endsWith("/") ? "/" : "");
        String[] args = name.endsWith("/")
                ? new String[] {"generate", "--rows", TOO_MANY, "--format", "npy", "--out", out}
                : new String[] {"generate", "--rows", TOO_MANY, "--out", out};
        // a file system that reports no figure (or petabytes free) would let the run start, and it would not end
        Assumptions.assumeTrue(FreeSpace.usable(dir) < 1e15, "the file system reports its free space");
        // refused before the first pass, which over 10^14 rows would not end in any test's time
        CliRunner r = CliRunner.run(args);
        assertEquals(2, r.code, r.err);
        String err = r.err.strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("invalid out = ") && err.contains("the run writes at least ")
                && err.contains(" PB and its file system has "), err);
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent(), "no file or folder left");
        }
    }

    @Test
    void floorsAndEstimatesHoldForRealFiles() throws Exception {
        long rows = 20_000;
        SynthSpec spec = SynthSpec.builder().samples(rows).build();
        for (String f : new String[] {"npy", "npz", "csv", "parquet"}) {
            CliRunner r = CliRunner.run("generate", "--rows", Long.toString(rows), "--quiet", "--out", dir.resolve("a." + f).toString());
            assertEquals(0, r.code, r.err);
            assertEquals("", r.err, "no warning for a small run");
        }
        long npy = Files.size(dir.resolve("a.npy"));
        long npz = Files.size(dir.resolve("a.npz"));
        long csv = Files.size(dir.resolve("a.csv"));
        long parquet = Files.size(dir.resolve("a.parquet"));
        // .npy: the values' bytes and a header of a whole number of 64-byte units
        long npyValues = SynthNpyWriter.npyMinBytes(spec, rows);
        assertTrue(npy > npyValues && (npy - npyValues) % 64 == 0 && npy - npyValues <= 256, npy + " " + npyValues);
        // .npz: the values' bytes, and per member an .npy header and zip records (well under 1 kB each)
        long npzValues = SynthNpyWriter.npzMinBytes(spec, rows);
        assertTrue(npz > npzValues && npz - npzValues < 37 * 1024, npz + " " + npzValues);
        // CSV: at least two characters a value; the estimate within 10% of the real file
        assertTrue(csv >= SynthCsvWriter.minBytes(spec, rows), Long.toString(csv));
        double csvRatio = (double) SynthCsvWriter.expectedBytes(spec, rows) / csv;
        assertTrue(csvRatio > 0.9 && csvRatio < 1.1, "CSV estimate / real = " + csvRatio);
        // Parquet, zstd:1: the estimate (the values before compression) a few percent above the real file
        double parquetRatio = (double) SynthParquetWriter.expectedBytes(spec, rows) / parquet;
        assertTrue(parquetRatio > 1.0 && parquetRatio < 1.2, "Parquet estimate / real = " + parquetRatio);
    }
}
