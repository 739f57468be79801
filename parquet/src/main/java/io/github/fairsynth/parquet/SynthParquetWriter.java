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
import org.apache.parquet.schema.ColumnOrder;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes a generation run as one Parquet file: a required DOUBLE column per feature, label and
 * aggregate, a required BOOLEAN per group indicator (unless {@code drop_sensitive}), in the CSV's column
 * order, the DOUBLEs in the writer's {@link ParquetEncoding}, with the caller's key/value metadata (config, seed, truth) in the footer.
 *
 * <p>Each row group is a run of whole blocks ({@link #blocksPerRowGroup(SynthSpec)}, about
 * {@value #ROW_GROUP_TARGET_BYTES} bytes before compression), generated, encoded and compressed on one
 * worker thread; the calling thread appends the row groups in order with parquet-java's
 * {@link ParquetFileWriter}. So the file's bytes depend only on the spec, the row range and the
 * compression, never on the thread count, and memory stays bounded at any row count: only the row groups
 * in flight ({@code 2·threads + 2}) are held.
 *
 * <p>An instance keeps the workers' encoders and the page buffers for every file it writes, so the parts of
 * a partitioned dataset reuse them instead of allocating a run's worth each: open one per spec,
 * compression and encoding, write the files, close it.
 */
public final class SynthParquetWriter implements AutoCloseable {
    /** Target row group size before compression, in bytes. */
    public static final int ROW_GROUP_TARGET_BYTES = 32 << 20;
    /** Most blocks in a row group (131072 rows). */
    public static final int MAX_ROW_GROUP_BLOCKS = 32;
    /**
     * Most blocks in a data page: a whole row group's column chunk (131072 rows, 1 MiB of a DOUBLE column
     * before compression, parquet-java's default page size). Four times fewer pages than 8-block pages
     * meant about 1 s less C2 compilation at 10^7 rows (the writer's page path stays in C1 code).
     */
    public static final int PAGE_BLOCKS = MAX_ROW_GROUP_BLOCKS;

    private final SynthSpec spec;
    private final ParquetCompression compression;
    private final ParquetEncoding encoding;
    private final MessageType schema;
    private final int groupBlocks;
    private final int pageRows;
    private final PageCompressor sizer;
    private final PageBuffers buffers;
    private final ConcurrentLinkedQueue<RowGroupEncoder> idle = new ConcurrentLinkedQueue<>();
    private final List<RowGroupEncoder> made = new ArrayList<>();

    /**
     * A writer of the {@link ParquetEncoding#DEFAULT default encoding}.
     *
     * @param spec        the spec of every run this writer writes
     * @param compression the page compression
     */
    public SynthParquetWriter(SynthSpec spec, ParquetCompression compression) {
        this(spec, compression, ParquetEncoding.DEFAULT);
    }

    /**
     * @param spec        the spec of every run this writer writes
     * @param compression the page compression
     * @param encoding    the DOUBLE columns' encoding
     */
    public SynthParquetWriter(SynthSpec spec, ParquetCompression compression, ParquetEncoding encoding) {
        FooterWarmup.start();
        this.spec = spec;
        this.compression = compression;
        this.encoding = encoding;
        schema = schema(spec);
        groupBlocks = blocksPerRowGroup(spec);
        pageRows = pageRows(spec, groupBlocks);
        sizer = compression.newCompressor();
        buffers = new PageBuffers(sizer.maxCompressedLength(pageRows * Double.BYTES));
    }

    /** @return the page compression of every file this writer writes */
    public ParquetCompression compression() {
        return compression;
    }

    /** @return the DOUBLE columns' encoding in every file this writer writes */
    public ParquetEncoding encoding() {
        return encoding;
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
            if (indicator) {
                fields.add(Types.required(PrimitiveTypeName.BOOLEAN).named(names.get(c)));
            } else {
                // the format's type-defined order, not parquet-java's default IEEE 754 total order, which
                // readers that do not know it ignore with the statistics (pyarrow 25 reads no min or max)
                fields.add(Types.required(PrimitiveTypeName.DOUBLE).columnOrder(ColumnOrder.typeDefined())
                        .named(names.get(c)));
            }
        }
        return new MessageType("fairsynth", fields);
    }

    /**
     * @param spec the spec
     * @return blocks per row group: as many as fit {@value #ROW_GROUP_TARGET_BYTES} bytes of rows, from 1
     *         to {@value #MAX_ROW_GROUP_BLOCKS}
     */
    public static int blocksPerRowGroup(SynthSpec spec) {
        long fit = (long) (ROW_GROUP_TARGET_BYTES / (rowBytes(spec) * SynthBlock.ROWS));
        return (int) Math.max(1, Math.min(MAX_ROW_GROUP_BLOCKS, fit));
    }

    /**
     * Writes the job's rows to {@code target} atomically, with a writer of its own in the
     * {@link ParquetEncoding#DEFAULT default encoding}.
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
        try (SynthParquetWriter writer = new SynthParquetWriter(job.spec(), compression)) {
            writer.write(job, target, metadata, progress);
        }
    }

    /**
     * Writes the job's rows to {@code target} atomically.
     *
     * @param job      the run; its spec must be this writer's
     * @param target   the file
     * @param metadata footer key/value metadata
     * @param progress progress
     * @throws Exception on failure (no file is left at the target)
     */
    public void write(SynthJob job, Path target, Map<String, String> metadata, ProgressListener progress)
            throws Exception {
        if (job.spec() != spec) {
            throw new IllegalArgumentException("the job's spec is not the spec this writer was opened for");
        }
        if (spec.scale()) {
            job.ranges(progress); // the first pass, before the file exists
        }
        List<ColumnDescriptor> columns = schema.getColumns();
        // past the page cache when the dataset this file is (a part of) is large; the stream's chunks
        // gather the page headers and pages
        AtomicFile.writeUnbuffered(target, datasetBytes(spec), out -> {
            ParquetFileWriter file = new ParquetFileWriter(new StreamOutputFile(out, target.toString()), schema,
                    ParquetFileWriter.Mode.CREATE, ROW_GROUP_TARGET_BYTES, 0,
                    ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
                    ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH,
                    ParquetProperties.DEFAULT_PAGE_WRITE_CHECKSUM_ENABLED);
            file.start();
            job.run(groupBlocks, this::encode,
                    (g, group) -> group.writeTo(file, columns, compression.codec(), buffers), progress);
            file.end(metadata);
        });
    }

    /**
     * A data page's most rows: {@value #PAGE_BLOCKS} blocks, or the row group's if fewer, or the run's rows
     * in whole blocks if fewer still. The pages are the same either way (a page ends where its row group
     * does); a short run only does not make and clear buffers for rows it does not have.
     */
    private static int pageRows(SynthSpec spec, int groupBlocks) {
        long runBlocks = Math.max(1, (spec.samples() + SynthBlock.ROWS - 1) / SynthBlock.ROWS);
        return (int) Math.min(Math.min(PAGE_BLOCKS, groupBlocks), runBlocks) * SynthBlock.ROWS;
    }

    /** A row's bytes before compression: its doubles, and a bit per group indicator. */
    private static double rowBytes(SynthSpec spec) {
        int indicators = spec.dropSensitive() ? 0 : spec.groups();
        return Double.BYTES * (spec.dim() + SynthColumns.labelCount(spec)) + indicators / 8.0;
    }

    /** About the bytes of the whole dataset of {@code spec} (compression saves a few percent). */
    static long datasetBytes(SynthSpec spec) {
        return expectedBytes(spec, spec.samples());
    }

    /**
     * @param spec the spec
     * @param rows rows written
     * @return about how many bytes a Parquet file (or dataset) of that many rows takes: its values before
     *         compression, which saves a few percent on the paper's rows (zstd:1 about 7%)
     */
    public static long expectedBytes(SynthSpec spec, long rows) {
        double bytes = rowBytes(spec) * rows;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** Encodes one row group with an idle encoder (a new one when every encoder is busy). */
    private EncodedRowGroup encode(SynthJob.Blocks blocks) throws Exception {
        RowGroupEncoder e = idle.poll();
        if (e == null) {
            e = new RowGroupEncoder(spec, schema, pageRows, compression, encoding, buffers);
            synchronized (made) {
                made.add(e);
            }
        }
        try {
            return e.encode(blocks);
        } finally {
            idle.offer(e);
        }
    }

    /** Frees the encoders' native compression contexts; call once no write is running. */
    @Override
    public void close() {
        synchronized (made) {
            for (RowGroupEncoder e : made) {
                e.close();
            }
            made.clear();
        }
        idle.clear();
        sizer.close();
    }
}
