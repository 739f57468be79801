package io.github.fairsynth.parquet;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.AtomicFile;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a generation run as one Parquet file: a required DOUBLE column per feature, label and
 * aggregate, a required BOOLEAN per group indicator (unless {@code drop_sensitive}), in the CSV's column
 * order; ZSTD by default; row groups of {@value #ROW_GROUP_BYTES} bytes so memory stays bounded at any row
 * count; the caller's key/value metadata (config, seed, truth) in the footer. Blocks are generated in
 * parallel and written in order, so the file does not depend on the thread count.
 */
public final class SynthParquetWriter {
    /** Row group size in bytes (before compression). */
    public static final int ROW_GROUP_BYTES = 64 << 20;

    private SynthParquetWriter() {
    }

    /**
     * @param spec the spec
     * @return the Parquet schema of its columns
     */
    public static MessageType schema(SynthSpec spec) {
        List<Type> fields = new ArrayList<>();
        for (String name : SynthColumns.names(spec)) {
            PrimitiveTypeName t = name.startsWith("g_") && !name.startsWith("y_") && isIndicator(spec, name)
                    ? PrimitiveTypeName.BOOLEAN : PrimitiveTypeName.DOUBLE;
            fields.add(Types.required(t).named(name));
        }
        return new MessageType("fairsynth", fields);
    }

    private static boolean isIndicator(SynthSpec spec, String name) {
        if (spec.dropSensitive()) {
            return false;
        }
        for (int g = 0; g < spec.groups(); g++) {
            if (name.equals("g_" + spec.groupName(g))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the job's rows to {@code target} atomically.
     *
     * @param job      the run
     * @param target   the file
     * @param codec    ZSTD, SNAPPY or UNCOMPRESSED
     * @param metadata footer key/value metadata
     * @param progress progress
     * @throws Exception on failure (no file is left at the target)
     */
    public static void write(SynthJob job, Path target, CompressionCodecName codec, Map<String, String> metadata,
                             ProgressListener progress) throws Exception {
        SynthSpec spec = job.spec();
        if (spec.scale()) {
            job.ranges(progress); // first pass before the writer exists: nothing buffered meanwhile
        }
        AtomicFile.write(target, out -> {
            OutputFile file = new StreamOutputFile(out, target.toString());
            try (ParquetWriter<Rows> writer = new Builder(file, schema(spec), metadata)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new NativeCodecFactory())
                    .withCompressionCodec(codec)
                    .withDictionaryEncoding(false)
                    .withRowGroupSize((long) ROW_GROUP_BYTES)
                    .withPageSize(1 << 20)
                    .build()) {
                job.run((block, from, to) -> Rows.copy(block, from, to), (b, rows) -> {
                    for (rows.row = 0; rows.row < rows.n; rows.row++) {
                        writer.write(rows);
                    }
                }, progress);
            }
        });
    }

    /** The requested rows of one block, copied column by column; {@link #row} is the write cursor. */
    static final class Rows {
        int n;
        int row;
        int dim;
        int groups;
        int attributes;
        int labels;
        double[] x;
        int[] group;
        double[] y;

        static Rows copy(SynthBlock block, int from, int to) {
            Rows r = new Rows();
            r.n = to - from;
            r.dim = block.xArray().length / SynthBlock.ROWS;
            r.attributes = block.groupArray().length / SynthBlock.ROWS;
            r.labels = block.labelArray().length / SynthBlock.ROWS;
            r.x = slice(block.xArray(), r.dim, from, r.n);
            r.y = slice(block.labelArray(), r.labels, from, r.n);
            r.group = new int[r.attributes * r.n];
            for (int a = 0; a < r.attributes; a++) {
                System.arraycopy(block.groupArray(), a * SynthBlock.ROWS + from, r.group, a * r.n, r.n);
            }
            return r;
        }

        private static double[] slice(double[] src, int cols, int from, int n) {
            double[] d = new double[cols * n];
            for (int c = 0; c < cols; c++) {
                System.arraycopy(src, c * SynthBlock.ROWS + from, d, c * n, n);
            }
            return d;
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Rows, Builder> {
        private final MessageType schema;
        private final Map<String, String> metadata;

        Builder(OutputFile file, MessageType schema, Map<String, String> metadata) {
            super(file);
            this.schema = schema;
            this.metadata = metadata;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Rows> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowsWriteSupport(schema, metadata);
        }

        @Override
        protected WriteSupport<Rows> getWriteSupport(ParquetConfiguration conf) {
            return new RowsWriteSupport(schema, metadata);
        }
    }

    private static final class RowsWriteSupport extends WriteSupport<Rows> {
        private final MessageType schema;
        private final Map<String, String> metadata;
        private final String[] names;
        private final boolean[] indicator;
        private RecordConsumer rc;

        RowsWriteSupport(MessageType schema, Map<String, String> metadata) {
            this.schema = schema;
            this.metadata = metadata;
            names = new String[schema.getFieldCount()];
            indicator = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = schema.getFieldName(i);
                indicator[i] = schema.getType(i).asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BOOLEAN;
            }
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            rc = recordConsumer;
        }

        @Override
        public void write(Rows r) {
            int row = r.row;
            int n = r.n;
            rc.startMessage();
            int f = 0;
            for (int j = 0; j < r.dim; j++, f++) {
                rc.startField(names[f], f);
                rc.addDouble(r.x[j * n + row]);
                rc.endField(names[f], f);
            }
            for (int gi = 0; f < names.length && indicator[f]; gi++, f++) {
                rc.startField(names[f], f);
                rc.addBoolean(isActive(r, gi, row));
                rc.endField(names[f], f);
            }
            for (int c = 0; c < r.labels; c++, f++) {
                rc.startField(names[f], f);
                rc.addDouble(r.y[c * n + row]);
                rc.endField(names[f], f);
            }
            rc.endMessage();
        }

        private static boolean isActive(Rows r, int g, int row) {
            for (int a = 0; a < r.attributes; a++) {
                if (r.group[a * r.n + row] == g) {
                    return true;
                }
            }
            return false;
        }
    }
}
