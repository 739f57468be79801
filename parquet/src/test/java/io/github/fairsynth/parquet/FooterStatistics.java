package io.github.fairsynth.parquet;

import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Parquet footer as the file holds it (the Thrift structures, before parquet-java's reader reinterprets
 * any statistics): every column's order and every column chunk's min_value and max_value.
 */
final class FooterStatistics {
    /** The footer's column orders, one per leaf column. */
    final List<ColumnOrder> columnOrders;
    /** [row group][column]: the chunk's Statistics as written. */
    final List<List<Statistics>> chunks = new ArrayList<>();

    FooterStatistics(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int end = all.length - 8;
        int length = ByteBuffer.wrap(all, end, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(all, end - length, length));
        columnOrders = footer.isSetColumn_orders() ? footer.getColumn_orders() : List.of();
        for (RowGroup g : footer.getRow_groups()) {
            List<Statistics> columns = new ArrayList<>();
            for (ColumnChunk c : g.getColumns()) {
                columns.add(c.getMeta_data().getStatistics());
            }
            chunks.add(columns);
        }
    }

    /** @return a DOUBLE chunk's min_value or max_value (8 little-endian bytes) */
    static double doubleOf(byte[] value) {
        return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getDouble();
    }
}
