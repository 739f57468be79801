package io.github.fairsynth.parquet;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.AtomicFile;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.BufferedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a generation run as one Parquet file: a required DOUBLE column per feature, label and
 * aggregate, a required BOOLEAN per group indicator (unless {@code drop_sensitive}), in the CSV's column
 * order, PLAIN-encoded, with the caller's key/value metadata (config, seed, truth) in the footer.
 *
 * <p>Each row group is a run of whole blocks ({@link #blocksPerRowGroup(SynthSpec)}, about
 * {@value #ROW_GROUP_TARGET_BYTES} bytes before compression), generated, encoded and compressed on one
 * worker thread; the calling thread appends the row groups in order with parquet-java's
 * {@link ParquetFileWriter}. So the file's bytes depend only on the spec, the row range and the
 * compression, never on the thread count, and memory stays bounded at any row count: only the row groups
 * in flight ({@code 2·threads + 2}) are held.
 */
public final class SynthParquetWriter {
    /** Target row group size before compression, in bytes. */
    public static final int ROW_GROUP_TARGET_BYTES = 32 << 20;
    /** Most blocks in a row group (131072 rows). */
    public static final int MAX_ROW_GROUP_BLOCKS = 32;
    /** Most blocks in a data page (32768 rows: 256 KiB of a DOUBLE column before compression). */
    public static final int PAGE_BLOCKS = 8;

    private SynthParquetWriter() {
    }

    /**
     * @param spec the spec
     * @return the Parquet schema of its columns
     */
    public static MessageType schema(SynthSpec spec) {
        List<Type> fields = new ArrayList<>();
        List<String> names = SynthColumns.names(spec);
        int indicators = spec.dropSensitive() ? 0 : spec.groups();
        for (int c = 0; c < names.size(); c++) {
            boolean indicator = c >= spec.dim() && c < spec.dim() + indicators;
            PrimitiveTypeName t = indicator ? PrimitiveTypeName.BOOLEAN : PrimitiveTypeName.DOUBLE;
            fields.add(Types.required(t).named(names.get(c)));
        }
        return new MessageType("fairsynth", fields);
    }

    /**
     * @param spec the spec
     * @return blocks per row group: as many as fit {@value #ROW_GROUP_TARGET_BYTES} bytes of rows, from 1
     *         to {@value #MAX_ROW_GROUP_BLOCKS}
     */
    public static int blocksPerRowGroup(SynthSpec spec) {
        int indicators = spec.dropSensitive() ? 0 : spec.groups();
        double rowBytes = Double.BYTES * (spec.dim() + SynthColumns.labelCount(spec)) + indicators / 8.0;
        long fit = (long) (ROW_GROUP_TARGET_BYTES / (rowBytes * SynthBlock.ROWS));
        return (int) Math.max(1, Math.min(MAX_ROW_GROUP_BLOCKS, fit));
    }

    /**
     * Writes the job's rows to {@code target} atomically.
     *
     * @param job         the run
     * @param target      the file
     * @param compression the page compression
     * @param metadata    footer key/value metadata
     * @param progress    progress
     * @throws Exception on failure (no file is left at the target)
     */
    public static void write(SynthJob job, Path target, ParquetCompression compression, Map<String, String> metadata,
                             ProgressListener progress) throws Exception {
        SynthSpec spec = job.spec();
        if (spec.scale()) {
            job.ranges(progress); // the first pass, before the file exists
        }
        MessageType schema = schema(spec);
        List<ColumnDescriptor> columns = schema.getColumns();
        int groupBlocks = blocksPerRowGroup(spec);
        int pageRows = Math.min(PAGE_BLOCKS, groupBlocks) * SynthBlock.ROWS;
        List<RowGroupEncoder> made = new ArrayList<>();
        try (PageCompressor sizer = compression.newCompressor()) {
            PageBuffers buffers = new PageBuffers(sizer.maxCompressedLength(pageRows * Double.BYTES));
            ThreadLocal<RowGroupEncoder> encoders = ThreadLocal.withInitial(() -> {
                RowGroupEncoder e = new RowGroupEncoder(spec, schema, pageRows, compression, buffers);
                synchronized (made) {
                    made.add(e);
                }
                return e;
            });
            AtomicFile.write(target, raw -> {
                BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 16);
                ParquetFileWriter file = new ParquetFileWriter(new StreamOutputFile(out, target.toString()), schema,
                        ParquetFileWriter.Mode.CREATE, ROW_GROUP_TARGET_BYTES, 0,
                        ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
                        ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH,
                        ParquetProperties.DEFAULT_PAGE_WRITE_CHECKSUM_ENABLED);
                file.start();
                job.run(groupBlocks, blocks -> encoders.get().encode(blocks),
                        (g, group) -> group.writeTo(file, columns, compression.codec(), buffers), progress);
                file.end(metadata);
                out.flush();
            });
        } finally {
            synchronized (made) {
                for (RowGroupEncoder e : made) {
                    e.close();
                }
            }
        }
    }
}
