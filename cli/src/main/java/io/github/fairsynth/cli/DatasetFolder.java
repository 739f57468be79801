package io.github.fairsynth.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.AtomicDirectory;
import io.github.fairsynth.io.Partitions;
import io.github.fairsynth.parquet.SynthParquetWriter;
import io.github.fairsynth.synth.SynthJob;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A partitioned dataset: a folder of {@code part-00000.<ext>} files, each the rows of its range written
 * as a single file of that format would hold them, and a manifest {@value #MANIFEST} (the truth document
 * with the parts' files and row ranges). Readers skip the manifest, as they skip every name starting
 * with {@code _}: {@code pd.read_parquet(DIR)}, {@code pl.scan_parquet("DIR/*.parquet")}, DuckDB's
 * {@code read_parquet('DIR/*.parquet')} and Spark read the parts as one dataset. The folder is written
 * atomically ({@link AtomicDirectory}).
 */
final class DatasetFolder {
    /** The manifest's file name. */
    static final String MANIFEST = "_fairsynth.json";
    /** Format tag of the manifest. */
    static final String FORMAT = "fairsynth-dataset/1";

    private DatasetFolder() {
    }

    /** Writes one part. */
    @FunctionalInterface
    interface PartWriter {
        void write(SynthJob part, Path file, ProgressListener progress) throws Exception;
    }

    /**
     * @param job         the whole run
     * @param target      the folder
     * @param bounds      the parts' row bounds ({@link Partitions})
     * @param format      the parts' format
     * @param parquet     the Parquet writer of the parts (its compression and encoding are recorded), or
     *                    {@code null} for other formats
     * @param writer      writes one part
     * @param progress    progress over all parts
     * @throws Exception on failure (no folder is left at the target)
     */
    static void write(SynthJob job, Path target, long[] bounds, OutputFormat format, SynthParquetWriter parquet,
                      PartWriter writer, ProgressListener progress) throws Exception {
        String ext = format.name().toLowerCase(Locale.ROOT);
        if (job.spec().scale()) {
            job.ranges(progress);
        }
        AtomicDirectory.write(target, MANIFEST, dir -> {
            long[] before = {0};
            ProgressListener overall = (phase, done, total) -> {
                if (phase.equals("generate")) {
                    progress.progress(phase, before[0] + done, job.limit());
                } else {
                    progress.progress(phase, done, total);
                }
            };
            for (int i = 0; i + 1 < bounds.length; i++) {
                SynthJob part = job.part(bounds[i], bounds[i + 1] - bounds[i]);
                writer.write(part, dir.resolve(Partitions.fileName(i, ext)), overall);
                before[0] += part.limit();
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(MANIFEST))) {
                out.write(manifest(job, bounds, format, parquet));
            }
        });
    }

    private static byte[] manifest(SynthJob job, long[] bounds, OutputFormat format, SynthParquetWriter parquet)
            throws Exception {
        String ext = format.name().toLowerCase(Locale.ROOT);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("file_format", ext);
            if (parquet != null) {
                g.writeStringField("compression", parquet.compression().toString());
                g.writeStringField("encoding", parquet.encoding().toString());
            }
            g.writeNumberField("rows", job.limit());
            g.writeArrayFieldStart("parts");
            for (int i = 0; i + 1 < bounds.length; i++) {
                g.writeStartObject();
                g.writeStringField("file", Partitions.fileName(i, ext));
                g.writeNumberField("offset", bounds[i]);
                g.writeNumberField("rows", bounds[i + 1] - bounds[i]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("truth");
            TruthJson.write(g, job, job.spec().scale() ? job.ranges(ProgressListener.NONE) : null);
            g.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /**
     * @param out a file or a dataset folder
     * @return its size in bytes (a folder's: the sum of its files')
     * @throws IOException if it cannot be read
     */
    static long size(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return Files.size(out);
        }
        long sum = 0;
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                sum += Files.size(p);
            }
        }
        return sum;
    }
}
