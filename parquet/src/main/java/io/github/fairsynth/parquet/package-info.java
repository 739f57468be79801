/**
 * Parquet output for fairsynth datasets, with parquet-java and no Hadoop at runtime: files go through
 * {@link org.apache.parquet.io.OutputFile} streams, configuration is
 * {@link org.apache.parquet.conf.PlainParquetConfiguration}, and compression is
 * {@link io.github.fairsynth.parquet.NativeCodecFactory} (ZSTD by zstd-jni, Snappy by snappy-java).
 */
package io.github.fairsynth.parquet;
