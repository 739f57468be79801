package io.github.fairsynth.parquet;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The compressed pages' buffers of one file: the writer thread gives a full-size page's buffer back once
 * the page is in the file, and the workers take it again for the next row group, so a run of any length
 * allocates only the buffers of the row groups in flight. Pages shorter than a full one (boolean columns,
 * the last page) get buffers of their own size, not pooled.
 */
final class PageBuffers {
    private final int size;
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();

    /** @param size the pooled buffers' length: the compressed bound of a full page */
    PageBuffers(int size) {
        this.size = size;
    }

    /**
     * @param min bytes needed
     * @return a buffer of at least {@code min} bytes
     */
    byte[] take(int min) {
        if (min > size || min < size / 2) {
            return new byte[min];
        }
        byte[] b = free.poll();
        return b != null ? b : new byte[size];
    }

    /** @param b a buffer from {@link #take(int)} that is no longer read */
    void give(byte[] b) {
        if (b.length == size) {
            free.offer(b);
        }
    }
}
