package io.github.fairsynth.parquet;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.io.SynthNpyWriter;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Must-show 1 of the formats issue: CSV, Parquet, .npy and .npz of one dataset hold identical numbers. */
class CrossFormatTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "drop_sensitive={0}")
    @ValueSource(booleans = {false, true})
    void everyFormatHoldsTheSameNumbers(boolean drop) throws Exception {
        SynthSpec spec = SynthSpec.builder().samples(6_000).dim(3).dropSensitive(drop).quad(!drop).build();
        List<String> names = SynthColumns.names(spec);
        SynthJob job = new SynthJob(spec, 1_000, 4_500, 2);
        SynthCsvWriter.write(job, dir.resolve("d.csv"), ProgressListener.NONE);
        SynthParquetWriter.write(job, dir.resolve("d.parquet"), ParquetCompression.DEFAULT, Map.of(), ProgressListener.NONE);
        SynthNpyWriter.writeNpy(job, dir.resolve("d.npy"), ProgressListener.NONE);
        SynthNpyWriter.writeNpz(job, dir.resolve("d.npz"), ProgressListener.NONE);

        List<String> lines = Files.readAllLines(dir.resolve("d.csv"));
        assertEquals(String.join(",", names), lines.get(0));
        List<double[]> csv = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",");
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Double.parseDouble(cells[i]);
            }
            csv.add(row);
        }
        assertEquals(4_500, csv.size());

        ParquetReadBack pq = new ParquetReadBack(dir.resolve("d.parquet"));
        assertEquals(csv.size(), pq.rows.size());

        NpyBytes npy = new NpyBytes(Files.readAllBytes(dir.resolve("d.npy")));
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (4500, " + names.size() + "), }", npy.header.strip());
        assertEquals(Files.readString(dir.resolve("d.columns.json")).strip(),
                "[" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + "]");

        List<NpyBytes> npz = new ArrayList<>();
        try (ZipFile zip = new ZipFile(dir.resolve("d.npz").toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int c = 0;
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                assertEquals(names.get(c++) + ".npy", e.getName());
                assertEquals(ZipEntry.STORED, e.getMethod());
                npz.add(new NpyBytes(zip.getInputStream(e).readAllBytes()));
            }
            assertEquals(names.size(), c);
        }
        for (int r = 0; r < csv.size(); r++) {
            for (int c = 0; c < names.size(); c++) {
                double v = csv.get(r)[c];
                assertEquals(v, pq.rows.get(r)[c], 0.0, "parquet " + r + "," + names.get(c));
                assertEquals(v, npy.values[r * names.size() + c], 0.0, "npy " + r + "," + names.get(c));
                assertEquals(v, npz.get(c).values[r], 0.0, "npz " + r + "," + names.get(c));
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(5, files.count(), "no temporary column files left behind");
        }
    }
}
