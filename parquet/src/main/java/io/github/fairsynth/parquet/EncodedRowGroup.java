package io.github.fairsynth.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One row group, every column's pages encoded and compressed on a worker, waiting for the writer thread
 * to append it to the file with parquet-java's {@link ParquetFileWriter} (page headers, column and offset
 * indexes, footer).
 */
final class EncodedRowGroup {
    /** One compressed data page: values in its encoding, no levels (every column is required). */
    static final class Page {
        final byte[] data;
        final int length;
        final int uncompressedLength;
        final int values;
        final Statistics<?> statistics;
        final Encoding encoding;

        Page(byte[] data, int length, int uncompressedLength, int values, Statistics<?> statistics,
             Encoding encoding) {
            this.data = data;
            this.length = length;
            this.uncompressedLength = uncompressedLength;
            this.values = values;
            this.statistics = statistics;
            this.encoding = encoding;
        }
    }

    private final long rows;
    private final List<List<Page>> columns;

    EncodedRowGroup(int columnCount, long rows) {
        this.rows = rows;
        columns = new ArrayList<>(columnCount);
        for (int c = 0; c < columnCount; c++) {
            columns.add(new ArrayList<>());
        }
    }

    void add(int column, Page page) {
        columns.get(column).add(page);
    }

    /**
     * Appends the row group to the file, then gives the pages' buffers back.
     *
     * @param file        the file, started
     * @param descriptors the schema's columns, in order
     * @param codec       the codec the pages were compressed with
     * @param buffers     where the buffers go back
     * @throws IOException on a write failure
     */
    void writeTo(ParquetFileWriter file, List<ColumnDescriptor> descriptors, CompressionCodecName codec,
                 PageBuffers buffers) throws IOException {
        file.startBlock(rows);
        for (int c = 0; c < columns.size(); c++) {
            file.startColumn(descriptors.get(c), rows, codec);
            for (Page p : columns.get(c)) {
                // required, not repeated: no level bytes, so the level encodings are parquet-java's own for that case
                file.writeDataPage(p.values, p.uncompressedLength, BytesInput.from(p.data, 0, p.length), p.statistics,
                        p.values, Encoding.BIT_PACKED, Encoding.BIT_PACKED, p.encoding);
            }
            file.endColumn();
        }
        file.endBlock();
        for (List<Page> pages : columns) {
            for (Page p : pages) {
                buffers.give(p.data);
            }
        }
    }
}
