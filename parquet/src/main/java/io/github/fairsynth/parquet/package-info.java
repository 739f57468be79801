/**
 * Parquet output for fairsynth datasets, with parquet-java and no Hadoop at runtime: workers encode and
 * compress whole row groups ({@link io.github.fairsynth.parquet.ParquetCompression}: ZSTD by zstd-jni,
 * Snappy by snappy-java), and parquet-java's {@link org.apache.parquet.hadoop.ParquetFileWriter} appends
 * them, in order, to an {@link org.apache.parquet.io.OutputFile} stream.
 */
package io.github.fairsynth.parquet;
