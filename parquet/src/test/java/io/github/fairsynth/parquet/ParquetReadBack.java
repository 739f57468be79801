package io.github.fairsynth.parquet;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads a Parquet file back with parquet-java's own reader (no Hadoop). */
public final class ParquetReadBack {
    public final MessageType schema;
    public final Map<String, String> metadata;
    public final List<double[]> rows = new ArrayList<>();
    public final String codec;
    public final int rowGroups;
    /** The value encodings named in the column chunks, by column name (over all row groups). */
    public final Map<String, Set<Encoding>> encodings = new TreeMap<>();

    public ParquetReadBack(Path file) throws IOException {
        ParquetReadOptions opts = org.apache.parquet.HadoopFreeReadOptions.with(new NativeCodecFactory());
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), opts)) {
            schema = r.getFileMetaData().getSchema();
            metadata = r.getFileMetaData().getKeyValueMetaData();
            codec = r.getFooter().getBlocks().isEmpty() ? "none"
                    : r.getFooter().getBlocks().get(0).getColumns().get(0).getCodec().name();
            rowGroups = r.getFooter().getBlocks().size();
            for (BlockMetaData b : r.getFooter().getBlocks()) {
                for (ColumnChunkMetaData c : b.getColumns()) {
                    encodings.computeIfAbsent(c.getPath().toDotString(), k -> new TreeSet<>()).addAll(c.getEncodings());
                }
            }
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = rr.read();
                    double[] row = new double[schema.getFieldCount()];
                    for (int f = 0; f < row.length; f++) {
                        PrimitiveType.PrimitiveTypeName t = schema.getType(f).asPrimitiveType().getPrimitiveTypeName();
                        row[f] = t == PrimitiveType.PrimitiveTypeName.BOOLEAN ? (g.getBoolean(f, 0) ? 1 : 0) : g.getDouble(f, 0);
                    }
                    rows.add(row);
                }
            }
        }
    }
}
