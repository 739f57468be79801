package io.github.fairsynth.io;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A new file written past the page cache ({@code O_DIRECT}), for files of gigabytes.
 *
 * <p>A buffered write copies every byte into the kernel's page cache, and on virtual machines that copy
 * can cost more CPU than making the bytes: here it took 15 s of system CPU for 8 GB, where a direct write
 * of the same bytes took 0.5 s and ran at the disk's speed. This stream gathers the bytes into an aligned
 * off-heap chunk and writes whole chunks, on a thread of its own while the caller fills the next one; the
 * last chunk is padded to the file system's block size and the file cut back to its length on
 * {@link #finish()}. The bytes on disk are the same either way. One thread writes to a stream.
 *
 * <p>Small runs (see {@link #directAbove()}), file systems that refuse {@code O_DIRECT}, and
 * {@code fairsynth.io.direct=false} write through the page cache, with the same chunks ({@link #create(Path, long)}).
 */
public final class UnbufferedFileOutput extends OutputStream {
    /** The bytes gathered per write (fewer for a file expected to be shorter: {@link #chunkBytes(long)}). */
    static final int CHUNK = 8 << 20;
    /** The chunks' alignment: the largest block size taken, so a chunk serves every file system. */
    static final int MAX_ALIGN = 1 << 16;
    /**
     * Chunks of closed streams, for the next: a dataset's parts are written one after another, and off-heap
     * memory is only given back when the collector finds the buffer unreachable.
     */
    private static final Queue<ByteBuffer> FREE = new ConcurrentLinkedQueue<>();

    private final FileChannel channel;
    private final boolean direct;
    private final int align;
    /** The chunks' length: {@value #CHUNK}, or less for a file that needs less. */
    private final int capacity;
    /** The chunk being filled, and the one the I/O thread may be writing. */
    private ByteBuffer chunk;
    private ByteBuffer spare;
    /** Writes one chunk at a time while the caller fills the other: the disk never waits for a copy. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fairsynth-file-io");
        t.setDaemon(true);
        return t;
    });
    private Future<?> inFlight;
    private long length;
    private boolean finished;
    private boolean closed;

    private UnbufferedFileOutput(FileChannel channel, boolean direct, int align, int capacity) {
        this.channel = channel;
        this.direct = direct;
        this.align = align;
        this.capacity = capacity;
        this.chunk = takeChunk(capacity);
        this.spare = takeChunk(capacity);
    }

    /** A chunk of {@code capacity} bytes: a kept one when it is a whole {@value #CHUNK}. */
    private static ByteBuffer takeChunk(int capacity) {
        ByteBuffer b = capacity == CHUNK ? FREE.poll() : null;
        if (b == null) {
            b = alignedBuffer(capacity);
        }
        b.clear().limit(capacity);
        return b;
    }

    /**
     * @param expectedBytes about how many bytes a file takes
     * @return its chunks' length: {@value #CHUNK}, or the expected bytes in whole {@value #MAX_ALIGN}s when
     *         fewer (a small file does not make and clear 16 MB of chunks; a file longer than expected
     *         takes more chunks)
     */
    static int chunkBytes(long expectedBytes) {
        if (expectedBytes >= CHUNK) {
            return CHUNK;
        }
        long units = Math.max(1, (expectedBytes + MAX_ALIGN - 1) / MAX_ALIGN);
        return (int) (units * MAX_ALIGN);
    }

    /**
     * Creates {@code file} (which must not exist) and opens it for writing, past the page cache when the
     * run it belongs to is large (see {@link #directAbove()}) and the file system allows it.
     *
     * @param file          the new file
     * @param expectedBytes about how many bytes the run writes (this file, or the dataset it is a part of)
     * @return the stream; {@link #finish()} completes the file, {@link #close()} closes it
     * @throws IOException if the file cannot be created
     */
    public static UnbufferedFileOutput create(Path file, long expectedBytes) throws IOException {
        return open(file, wantsDirect(expectedBytes), chunkBytes(expectedBytes));
    }

    /**
     * @param expectedBytes about how many bytes the run writes
     * @return whether its files should try to go past the page cache: {@code fairsynth.io.direct} when
     *         {@code true} or {@code false}, else whether the run reaches {@link #directAbove()}
     */
    static boolean wantsDirect(long expectedBytes) {
        String mode = System.getProperty("fairsynth.io.direct", "auto");
        return "true".equalsIgnoreCase(mode) || "auto".equalsIgnoreCase(mode) && expectedBytes >= directAbove();
    }

    /**
     * @param dir a folder
     * @return the alignment of direct writes to files in it (its block size), or 0 when that is not a
     *         divisor of {@value #MAX_ALIGN}, the alignment of the chunks
     * @throws IOException if the file store cannot be read
     */
    static int directAlignment(Path dir) throws IOException {
        long align = Math.max(1, Files.getFileStore(dir).getBlockSize());
        return align <= MAX_ALIGN && MAX_ALIGN % align == 0 ? (int) align : 0;
    }

    /**
     * @param bytes a length
     * @return a new off-heap buffer of that length whose address is a multiple of every alignment
     *         {@link #directAlignment(Path)} gives
     */
    static ByteBuffer alignedBuffer(int bytes) {
        int whole = (bytes + MAX_ALIGN - 1) / MAX_ALIGN * MAX_ALIGN; // alignedSlice keeps whole units only
        return ByteBuffer.allocateDirect(whole + MAX_ALIGN).alignedSlice(MAX_ALIGN).limit(bytes).slice();
    }

    /**
     * @param file     the new file
     * @param direct   whether to try past the page cache
     * @param capacity the chunks' length, a multiple of {@value #MAX_ALIGN} ({@link #chunkBytes(long)})
     * @return the stream
     * @throws IOException if the file cannot be created
     */
    static UnbufferedFileOutput open(Path file, boolean direct, int capacity) throws IOException {
        if (direct) {
            Path dir = file.toAbsolutePath().getParent();
            try {
                int align = directAlignment(dir);
                if (align > 0) {
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
                    return new UnbufferedFileOutput(channel, true, align, capacity);
                }
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                // the file system does not take O_DIRECT (some network file systems): buffered below
                Files.deleteIfExists(file);
            }
        }
        return new UnbufferedFileOutput(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), false, 1, capacity);
    }

    /**
     * The size from which a run's files go past the page cache ({@code fairsynth.io.direct=auto}, the
     * default): the dirty data the kernel holds in memory before it makes writers wait for the disk
     * ({@code vm.dirty_bytes}, or {@code vm.dirty_ratio} percent of the memory). A smaller file lands in
     * memory and is written out after the run; a larger one is held to the disk's speed either way, and
     * a buffered write also pays for the copy into the page cache.
     *
     * <p>On a virtual machine whose memory balloon reports free pages to its host (virtio feature
     * {@code VIRTIO_BALLOON_F_REPORTING}), memory the guest frees goes back to the host within seconds, and
     * every page the page cache takes afresh then costs a fault on the host: here about 1.5 ms of system
     * CPU per MB, so that a buffered 3 GB file took 4 to 5 s where a direct write, which reuses the same
     * few chunks, took 2. There every file of {@value #REPORTED_MEMORY_FLOOR} bytes or more goes past the
     * page cache. Where neither holds (the kernel's settings cannot be read, and no balloon reports free
     * pages), never. {@code fairsynth.io.direct=true} or {@code false} decides for every file.
     *
     * @return bytes
     */
    public static long directAbove() {
        return Threshold.BYTES;
    }

    /** From this size a file goes past the page cache where freed memory goes back to the host. */
    static final long REPORTED_MEMORY_FLOOR = 64L << 20;

    /** Read once, when first asked for. */
    private static final class Threshold {
        static final long BYTES = reportsFreePages(Path.of("/sys/bus/virtio/drivers/virtio_balloon"))
                ? Math.min(REPORTED_MEMORY_FLOOR, dirtyLimit()) : dirtyLimit();
    }

    /**
     * @param driver the virtio balloon driver's folder in sysfs
     * @return whether a balloon device bound to it has negotiated free page reporting (feature bit 5)
     */
    static boolean reportsFreePages(Path driver) {
        try (java.util.stream.Stream<Path> entries = Files.list(driver)) {
            return entries.filter(d -> d.getFileName().toString().startsWith("virtio"))
                    .map(d -> d.resolve("features"))
                    .anyMatch(UnbufferedFileOutput::hasReportingBit);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasReportingBit(Path features) {
        try {
            String bits = firstLine(features);
            return bits != null && bits.length() > 5 && bits.charAt(5) == '1';
        } catch (IOException e) {
            return false;
        }
    }

    /** A kernel file's first line, or null (read line-wise: a whole-file read of /proc can stop short). */
    private static String firstLine(Path file) throws IOException {
        try (java.io.BufferedReader r = Files.newBufferedReader(file)) {
            return r.readLine();
        }
    }

    /** The number on a kernel setting's first line. */
    private static long procNumber(String path) throws IOException {
        return Long.parseLong(firstLine(Path.of(path)).trim());
    }

    private static long dirtyLimit() {
        try {
            long bytes = procNumber("/proc/sys/vm/dirty_bytes");
            if (bytes > 0) {
                return bytes;
            }
            long ratio = procNumber("/proc/sys/vm/dirty_ratio");
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Math.max(1, kb * 1024 / 100 * ratio);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no access: below
        }
        return Long.MAX_VALUE;
    }

    /** @return whether the file is written past the page cache */
    public boolean isDirect() {
        return direct;
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        if (!chunk.hasRemaining()) {
            writeChunk();
        }
        chunk.put((byte) b);
        length++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        checkOpen();
        while (len > 0) {
            if (!chunk.hasRemaining()) {
                writeChunk();
            }
            int n = Math.min(len, chunk.remaining());
            chunk.put(b, off, n);
            off += n;
            len -= n;
            length += n;
        }
    }

    /** Bytes written after finish() or close() would be gathered into a chunk that is never written. */
    private void checkOpen() throws IOException {
        if (finished || closed) {
            throw new IOException("write after " + (closed ? "close()" : "finish()"));
        }
    }

    /** Does nothing: only whole chunks are written before {@link #finish()}. */
    @Override
    public void flush() {
    }

    /**
     * Writes what is gathered and leaves the file at exactly the bytes written.
     *
     * @throws IOException on a write failure
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        int tail = chunk.position();
        if (tail > 0) {
            int padded = (int) ((tail + (long) align - 1) / align * align);
            while (chunk.position() < padded) {
                chunk.put((byte) 0);
            }
            writeChunk();
        }
        awaitWrite();
        if (channel.size() != length) {
            channel.truncate(length);
        }
        finished = true;
    }

    /** @return the bytes written so far */
    public long length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        io.shutdownNow();
        try {
            while (!io.awaitTermination(1, TimeUnit.MINUTES)) {
                // a write of one chunk is still running
            }
        } catch (InterruptedException e) {
            // the I/O thread may still hold a chunk: those two are left to the collector
            Thread.currentThread().interrupt();
            channel.close();
            return;
        }
        try {
            channel.close();
        } finally {
            if (capacity == CHUNK) {
                FREE.offer(chunk);
                FREE.offer(spare);
            }
        }
    }

    /** Hands the filled chunk to the I/O thread once it has written the previous one. */
    private void writeChunk() throws IOException {
        awaitWrite();
        ByteBuffer full = chunk;
        full.flip();
        inFlight = io.submit(() -> {
            while (full.hasRemaining()) {
                channel.write(full);
            }
            return null;
        });
        chunk = spare;
        spare = full;
        chunk.clear().limit(capacity);
    }

    private void awaitWrite() throws IOException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException(cause);
        } finally {
            inFlight = null;
        }
    }
}
