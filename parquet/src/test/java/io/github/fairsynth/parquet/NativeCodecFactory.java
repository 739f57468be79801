package io.github.fairsynth.parquet;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The tests' page decompression without Hadoop's codec classes (ZSTD by zstd-jni, Snappy by
 * snappy-java, none), for reading files back with parquet-java's reader; it compresses nothing.
 */
public final class NativeCodecFactory implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("the tests' codec factory only decompresses");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    @Override
    public void release() {
        // nothing pooled
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
