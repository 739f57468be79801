package org.apache.parquet;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

import java.util.Map;

/**
 * Test helper: read options without Hadoop. parquet-java 1.18's public builder always constructs a
 * Hadoop codec factory; the package-private constructor takes ours, so reading back in the tests needs
 * no Hadoop class, as writing does not.
 */
public final class HadoopFreeReadOptions {
    private HadoopFreeReadOptions() {
    }

    public static ParquetReadOptions with(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(false, false, false, false, false, false, false, false, false,
                FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(),
                8 << 20, Map.of(), null, null, new PlainParquetConfiguration());
    }
}
