package io.github.fairsynth.parquet;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import org.xerial.snappy.Snappy;

import java.io.IOException;

/**
 * Compresses one page at a time into a caller's buffer; one per worker thread (a zstd context is not
 * thread-safe, and keeping it saves its set-up on every page). The output depends only on the input and
 * the compression, never on the thread.
 */
abstract class PageCompressor implements AutoCloseable {
    /**
     * @param n uncompressed length
     * @return the largest compressed length of {@code n} bytes
     */
    abstract int maxCompressedLength(int n);

    /**
     * @param src the page
     * @param n   its length
     * @param dst at least {@link #maxCompressedLength(int)} bytes
     * @return the compressed length
     * @throws IOException if the codec fails
     */
    abstract int compress(byte[] src, int n, byte[] dst) throws IOException;

    @Override
    public void close() {
        // nothing held by default
    }

    static PageCompressor of(ParquetCompression c) {
        switch (c.codec()) {
            case ZSTD:
                return new ZstdPages(c.level());
            case SNAPPY:
                return new SnappyPages();
            default:
                return new StoredPages();
        }
    }

    private static final class ZstdPages extends PageCompressor {
        private final ZstdCompressCtx ctx = new ZstdCompressCtx();

        ZstdPages(int level) {
            ctx.setLevel(level);
        }

        @Override
        int maxCompressedLength(int n) {
            return (int) Zstd.compressBound(n);
        }

        @Override
        int compress(byte[] src, int n, byte[] dst) {
            return ctx.compressByteArray(dst, 0, dst.length, src, 0, n);
        }

        @Override
        public void close() {
            ctx.close();
        }
    }

    private static final class SnappyPages extends PageCompressor {
        @Override
        int maxCompressedLength(int n) {
            return Snappy.maxCompressedLength(n);
        }

        @Override
        int compress(byte[] src, int n, byte[] dst) throws IOException {
            return Snappy.compress(src, 0, n, dst, 0);
        }
    }

    private static final class StoredPages extends PageCompressor {
        @Override
        int maxCompressedLength(int n) {
            return n;
        }

        @Override
        int compress(byte[] src, int n, byte[] dst) {
            System.arraycopy(src, 0, dst, 0, n);
            return n;
        }
    }
}
