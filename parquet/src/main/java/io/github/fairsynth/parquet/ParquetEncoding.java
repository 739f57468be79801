package io.github.fairsynth.parquet;

import io.github.fairsynth.ConfigException;
import org.apache.parquet.column.Encoding;

import java.util.Locale;

/**
 * How the DOUBLE columns' values are laid out in their pages before compression; the group indicators
 * (BOOLEAN) are always PLAIN bits. The text form ({@link #parse(String)}, {@link #toString()}) is the CLI's
 * {@code --encoding} value.
 */
public enum ParquetEncoding {
    /**
     * PLAIN, the default: each value's 8 little-endian bytes, one value after another, as pyarrow writes
     * them by default; every Parquet reader decodes it, Spark's vectorized reader too.
     */
    PLAIN("plain", Encoding.PLAIN),
    /**
     * BYTE_STREAM_SPLIT: the page's first bytes of every value, then their second bytes, and so on, eight
     * streams of the same little-endian bytes. The same values; the sign and exponent bytes of values in a
     * narrow range repeat, so the compressor finds them: with zstd:1 the generator's files are about 11%
     * smaller, and on 1 MiB pages of its columns zstd took about a third of its PLAIN time (a micro-test;
     * whole runs in results/files/files.md, "Parquet encoding"). Parquet format 2.8:
     * parquet-java, pyarrow and DuckDB read it, but Spark 4.2's vectorized Parquet reader does not (it
     * needs {@code spark.sql.parquet.enableVectorizedReader=false}).
     */
    BYTE_STREAM_SPLIT("byte-stream-split", Encoding.BYTE_STREAM_SPLIT);

    /** The default: {@link #PLAIN}, which every reader decodes. */
    public static final ParquetEncoding DEFAULT = PLAIN;

    private final String text;
    private final Encoding encoding;

    ParquetEncoding(String text, Encoding encoding) {
        this.text = text;
        this.encoding = encoding;
    }

    /**
     * @param text {@code plain} or {@code byte-stream-split} (case-insensitive)
     * @return the encoding
     * @throws ConfigException naming {@code encoding} for anything else
     */
    public static ParquetEncoding parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ParquetEncoding e : values()) {
            if (e.text.equals(t)) {
                return e;
            }
        }
        throw new ConfigException("encoding", text, "must be plain or byte-stream-split");
    }

    /** @return the encoding named in the file's page headers */
    Encoding parquet() {
        return encoding;
    }

    /** @return the text form: {@code plain} or {@code byte-stream-split} */
    @Override
    public String toString() {
        return text;
    }
}
