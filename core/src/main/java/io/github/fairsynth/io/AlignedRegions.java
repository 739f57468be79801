package io.github.fairsynth.io;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Fixed byte ranges ("regions") of one file, each written front to back, the regions in any interleaving,
 * past the page cache ({@code O_DIRECT}): the members of a {@code .npz} archive, whose places are known
 * before their bytes.
 *
 * <p>Direct writes must start and end on the file system's blocks. A region's bytes on the whole blocks
 * inside it go through an aligned off-heap buffer of its own, written at its place whenever it is full.
 * The bytes at its two ends that share a block with its neighbours (fewer than a block at each end) are
 * kept in memory; the caller writes them through the page cache once every region is complete
 * ({@link #writeEdges(FileChannel)}), after the direct writes, so no block is written both ways at once.
 */
final class AlignedRegions implements Closeable {
    /** Off-heap bytes shared by all regions' buffers, at most. */
    private static final int BUFFER_BUDGET = 64 << 20;
    /** Largest buffer of one region. */
    private static final int MAX_BUFFER = 1 << 20;

    private final FileChannel direct;
    private final long[] start;
    private final long[] end;
    /** The region's whole blocks: {@code [inner[i], innerEnd[i])}, empty when it has none. */
    private final long[] inner;
    private final long[] innerEnd;
    /** The next file position each region is written at. */
    private final long[] next;
    private final ByteBuffer[] buffers;
    /** The file position of each buffer's first byte. */
    private final long[] bufferAt;
    private final byte[][] head;
    private final byte[][] tail;

    private AlignedRegions(FileChannel direct, int align, long[] start, long[] end) {
        this.direct = direct;
        int n = start.length;
        this.start = start.clone();
        this.end = end.clone();
        inner = new long[n];
        innerEnd = new long[n];
        next = this.start.clone();
        buffers = new ByteBuffer[n];
        bufferAt = new long[n];
        head = new byte[n][];
        tail = new byte[n][];
        int size = (int) Math.max(UnbufferedFileOutput.MAX_ALIGN,
                Math.min(MAX_BUFFER, BUFFER_BUDGET / Math.max(1, n)) / UnbufferedFileOutput.MAX_ALIGN
                        * UnbufferedFileOutput.MAX_ALIGN);
        for (int i = 0; i < n; i++) {
            if (end[i] < start[i] || i > 0 && start[i] < end[i - 1]) {
                throw new IllegalArgumentException("region " + i + " [" + start[i] + ", " + end[i]
                        + ") ends before it starts or overlaps the one before");
            }
            long lo = (start[i] + align - 1) / align * align;
            long hi = end[i] / align * align;
            if (lo >= hi) {
                lo = end[i];
                hi = end[i];
            }
            inner[i] = lo;
            innerEnd[i] = hi;
            head[i] = new byte[(int) (lo - start[i])];
            tail[i] = new byte[(int) (end[i] - hi)];
            bufferAt[i] = lo;
            if (hi > lo) {
                buffers[i] = UnbufferedFileOutput.alignedBuffer((int) Math.min(size, hi - lo));
            }
        }
    }

    /**
     * Opens {@code file} a second time, past the page cache, for the given regions, when the run is large
     * enough ({@link UnbufferedFileOutput#wantsDirect(long)}) and the file system allows it.
     *
     * @param file          an existing file, open for writing through the page cache by the caller
     * @param expectedBytes about how many bytes the run writes
     * @param start         each region's first byte, in increasing order
     * @param end           each region's end (exclusive); regions do not overlap
     * @return the regions, or null when the file is to be written through the page cache alone
     * @throws IOException if the file store cannot be read
     */
    static AlignedRegions open(Path file, long expectedBytes, long[] start, long[] end) throws IOException {
        if (!UnbufferedFileOutput.wantsDirect(expectedBytes)) {
            return null;
        }
        int align = UnbufferedFileOutput.directAlignment(file.toAbsolutePath().getParent());
        if (align == 0) {
            return null;
        }
        FileChannel direct;
        try {
            direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException | IOException e) {
            return null; // the file system does not take O_DIRECT: through the page cache
        }
        return new AlignedRegions(direct, align, start, end);
    }

    /**
     * Appends bytes to region {@code i}.
     *
     * @param i   region
     * @param b   bytes
     * @param off first
     * @param len count; at most what is left of the region
     * @throws IOException on a write failure
     */
    void append(int i, byte[] b, int off, int len) throws IOException {
        if (next[i] + len > end[i]) {
            throw new IllegalArgumentException("region " + i + ": " + len + " bytes at " + next[i]
                    + " run past its end " + end[i]);
        }
        while (len > 0) {
            long p = next[i];
            int n;
            if (p < inner[i]) {
                n = (int) Math.min(len, inner[i] - p);
                System.arraycopy(b, off, head[i], (int) (p - start[i]), n);
            } else if (p >= innerEnd[i]) {
                n = len;
                System.arraycopy(b, off, tail[i], (int) (p - innerEnd[i]), n);
            } else {
                ByteBuffer buf = buffers[i];
                n = (int) Math.min(Math.min(len, innerEnd[i] - p), buf.remaining());
                buf.put(b, off, n);
                if (!buf.hasRemaining() || p + n == innerEnd[i]) {
                    flush(i);
                }
            }
            next[i] += n;
            off += n;
            len -= n;
        }
    }

    private void flush(int i) throws IOException {
        ByteBuffer buf = buffers[i];
        buf.flip();
        bufferAt[i] = writeAt(direct, buf, bufferAt[i]);
        buf.clear();
    }

    /**
     * Writes every region's end bytes through {@code buffered}, once every region holds all its bytes.
     *
     * @param buffered the file opened through the page cache
     * @throws IOException on a write failure, or when a region is incomplete
     */
    void writeEdges(FileChannel buffered) throws IOException {
        for (int i = 0; i < start.length; i++) {
            if (next[i] != end[i]) {
                throw new IOException("region " + i + " has " + (next[i] - start[i]) + " of its "
                        + (end[i] - start[i]) + " bytes");
            }
            writeAt(buffered, ByteBuffer.wrap(head[i]), start[i]);
            writeAt(buffered, ByteBuffer.wrap(tail[i]), innerEnd[i]);
        }
    }

    /**
     * Writes all of {@code buf}'s remaining bytes at {@code pos}.
     *
     * @param channel the file
     * @param buf     the bytes (consumed)
     * @param pos     where the first goes
     * @return the position after the last
     * @throws IOException on a write failure
     */
    static long writeAt(FileChannel channel, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
        return pos;
    }

    /** Closes the direct channel (the buffers go to the collector). */
    @Override
    public void close() throws IOException {
        direct.close();
    }
}
