package io.github.fairsynth.parquet;

import io.github.fairsynth.ConfigException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.Locale;

/**
 * How Parquet pages are compressed: {@code zstd[:LEVEL]}, {@code snappy} or {@code none}. Immutable; the
 * text form ({@link #parse(String)}, {@link #toString()}) is the CLI's {@code --compression} value.
 */
public final class ParquetCompression {
    /** Lowest zstd level accepted (zstd's fast levels are the negative ones). */
    public static final int MIN_ZSTD_LEVEL = -7;
    /** Highest zstd level accepted. */
    public static final int MAX_ZSTD_LEVEL = 22;
    /**
     * The default, {@code zstd:1}, from results/files/files.md ("Parquet compression"): on the generator's rows
     * zstd levels 1, 3 and 9 give files within 0.01% of each other and 6.6% smaller than snappy's or
     * uncompressed ones (random mantissas leave zstd only its entropy coding); level 1 is as fast as level
     * 3 and faster than 9, and costs 10–25% of the end-to-end time against no compression.
     */
    public static final ParquetCompression DEFAULT = new ParquetCompression(CompressionCodecName.ZSTD, 1);

    private final CompressionCodecName codec;
    private final int level;

    private ParquetCompression(CompressionCodecName codec, int level) {
        this.codec = codec;
        this.level = level;
    }

    /**
     * @param level zstd level, {@value #MIN_ZSTD_LEVEL} … {@value #MAX_ZSTD_LEVEL}
     * @return zstd at that level
     * @throws ConfigException for a level out of range
     */
    public static ParquetCompression zstd(int level) {
        if (level < MIN_ZSTD_LEVEL || level > MAX_ZSTD_LEVEL) {
            throw new ConfigException("compression", "zstd:" + level,
                    "the zstd level must be in [" + MIN_ZSTD_LEVEL + ", " + MAX_ZSTD_LEVEL + "]");
        }
        return new ParquetCompression(CompressionCodecName.ZSTD, level);
    }

    /** @return Snappy */
    public static ParquetCompression snappy() {
        return new ParquetCompression(CompressionCodecName.SNAPPY, 0);
    }

    /** @return no compression */
    public static ParquetCompression none() {
        return new ParquetCompression(CompressionCodecName.UNCOMPRESSED, 0);
    }

    /**
     * @param text {@code zstd}, {@code zstd:LEVEL}, {@code snappy} or {@code none} (case-insensitive;
     *             {@code zstd} alone is zstd at level 3, zstd's own default)
     * @return the compression
     * @throws ConfigException naming {@code compression} for anything else
     */
    public static ParquetCompression parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("snappy")) {
            return snappy();
        }
        if (t.equals("none") || t.equals("uncompressed")) {
            return none();
        }
        if (t.equals("zstd")) {
            return zstd(3);
        }
        if (t.startsWith("zstd:")) {
            try {
                return zstd(Integer.parseInt(t.substring(5)));
            } catch (NumberFormatException e) {
                throw new ConfigException("compression", text, "the zstd level must be a whole number in ["
                        + MIN_ZSTD_LEVEL + ", " + MAX_ZSTD_LEVEL + "]");
            }
        }
        throw new ConfigException("compression", text, "must be zstd, zstd:LEVEL (LEVEL in ["
                + MIN_ZSTD_LEVEL + ", " + MAX_ZSTD_LEVEL + "]), snappy or none");
    }

    /** @return the codec named in the file */
    public CompressionCodecName codec() {
        return codec;
    }

    /** @return the zstd level (0 for other codecs) */
    public int level() {
        return level;
    }

    /** @return a compressor for one thread */
    PageCompressor newCompressor() {
        return PageCompressor.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParquetCompression && ((ParquetCompression) o).codec == codec
                && ((ParquetCompression) o).level == level;
    }

    @Override
    public int hashCode() {
        return codec.hashCode() * 31 + level;
    }

    /** @return the text form: {@code zstd:LEVEL}, {@code snappy} or {@code none} */
    @Override
    public String toString() {
        switch (codec) {
            case ZSTD:
                return "zstd:" + level;
            case SNAPPY:
                return "snappy";
            default:
                return "none";
        }
    }
}
