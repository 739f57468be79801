package io.github.fairsynth.parquet;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Parquet page compression without Hadoop's codec classes: ZSTD through zstd-jni, Snappy through
 * snappy-java, and no compression. Other codecs are refused with a clear message.
 */
public final class NativeCodecFactory implements CompressionCodecFactory {
    /** ZSTD level used when none is given (zstd's own default). */
    public static final int DEFAULT_ZSTD_LEVEL = 3;

    private final int zstdLevel;

    /** A factory with zstd level {@value #DEFAULT_ZSTD_LEVEL}. */
    public NativeCodecFactory() {
        this(DEFAULT_ZSTD_LEVEL);
    }

    /** @param zstdLevel zstd compression level (1 … 22) */
    public NativeCodecFactory(int zstdLevel) {
        this.zstdLevel = zstdLevel;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput in) {
                        return in;
                    }
                };
            case ZSTD:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput in) throws IOException {
                        return BytesInput.from(Zstd.compress(in.toByteArray(), zstdLevel));
                    }
                };
            case SNAPPY:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput in) throws IOException {
                        return BytesInput.from(Snappy.compress(in.toByteArray()));
                    }
                };
            default:
                throw new UnsupportedOperationException("codec " + codec + " is not supported; use ZSTD, SNAPPY or UNCOMPRESSED");
        }
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    @Override
    public void release() {
        // nothing pooled
    }

    private abstract static class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        private byte[] decompress(byte[] in, int size) throws IOException {
            switch (codec) {
                case UNCOMPRESSED:
                    return in;
                case ZSTD:
                    return Zstd.decompress(in, size);
                case SNAPPY:
                    return Snappy.uncompress(in);
                default:
                    throw new IOException("codec " + codec + " is not supported; use ZSTD, SNAPPY or UNCOMPRESSED");
            }
        }

        @Override
        public BytesInput decompress(BytesInput in, int uncompressedSize) throws IOException {
            return BytesInput.from(decompress(in.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int uncompressedSize) throws IOException {
            byte[] src = new byte[compressedSize];
            in.get(src);
            out.put(decompress(src, uncompressedSize));
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }
}
