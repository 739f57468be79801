package io.github.fairsynth.io;

import io.github.fairsynth.ConfigException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that the target path only ever holds a complete file: the content goes to a hidden
 * temporary file beside the target, which is renamed onto the target at the end. After a failure, an
 * exception or an interrupt (SIGINT/SIGTERM run the JVM's shutdown hooks, which delete every temporary
 * file still open), nothing is left under the target name and the temporary file is removed.
 */
public final class AtomicFile {
    private static final Set<Path> OPEN = new LinkedHashSet<>();
    private static boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::abortAll, "fairsynth-atomic-cleanup"));
    }

    private AtomicFile() {
    }

    /**
     * Writes the content.
     *
     * @param <E> the failure the body may raise
     */
    @FunctionalInterface
    public interface Body<E extends Exception> {
        /**
         * @param out the stream to the temporary file (buffering is the body's choice)
         * @throws E on failure: the temporary file is deleted and the target untouched
         * @throws IOException on an I/O failure
         */
        void write(OutputStream out) throws E, IOException;
    }

    /**
     * Writes the content at positions of its choosing.
     *
     * @param <E> the failure the body may raise
     */
    @FunctionalInterface
    public interface ChannelBody<E extends Exception> {
        /**
         * @param channel the temporary file, open for writing
         * @throws E on failure: the temporary file is deleted and the target untouched
         * @throws IOException on an I/O failure
         */
        void write(FileChannel channel) throws E, IOException;
    }

    /**
     * Writes the content at positions of its choosing, knowing the temporary file's path (to open it a
     * second time, past the page cache, say).
     *
     * @param <E> the failure the body may raise
     */
    @FunctionalInterface
    public interface PathChannelBody<E extends Exception> {
        /**
         * @param file    the temporary file
         * @param channel the temporary file, open for writing
         * @throws E on failure: the temporary file is deleted and the target untouched
         * @throws IOException on an I/O failure
         */
        void write(Path file, FileChannel channel) throws E, IOException;
    }

    /**
     * Fails early, with a {@link ConfigException} naming {@code parameter}, when {@code target} cannot be
     * written: its folder is missing or not writable, or the target is a folder.
     *
     * @param parameter the public name of the output option (e.g. "out")
     * @param target    the path
     */
    public static void checkWritable(String parameter, Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new ConfigException(parameter, target, "is a folder; give a file path");
        }
        checkParent(parameter, target);
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new ConfigException(parameter, target, "the existing file is not writable");
        }
    }

    /**
     * Fails, with a {@link ConfigException} naming {@code parameter}, when the folder {@code target} would
     * go into is missing or not writable.
     *
     * @param parameter the public name of the output option
     * @param target    the file or folder to be written
     */
    static void checkParent(String parameter, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ConfigException(parameter, target, "its folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new ConfigException(parameter, target, "its folder " + dir + " is not writable");
        }
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target the final path (replaced if it exists)
     * @param body   writes the content
     * @param <E>    the body's failure type
     * @throws E           the body's failure (target untouched)
     * @throws IOException on an I/O failure (target untouched)
     */
    public static <E extends Exception> void write(Path target, Body<E> body) throws E, IOException {
        writeChannel(target, channel -> {
            OutputStream out = Channels.newOutputStream(channel);
            body.write(out);
            out.flush();
        });
    }

    /**
     * Writes {@code target} atomically through a file channel (for content written out of order).
     *
     * @param target the final path (replaced if it exists)
     * @param body   writes the content
     * @param <E>    the body's failure type
     * @throws E           the body's failure (target untouched)
     * @throws IOException on an I/O failure (target untouched)
     */
    public static <E extends Exception> void writeChannel(Path target, ChannelBody<E> body) throws E, IOException {
        writeChannel(target, (tmp, channel) -> body.write(channel));
    }

    /**
     * As {@link #writeChannel(Path, ChannelBody)}, with the temporary file's path given to the body.
     *
     * @param target the final path (replaced if it exists)
     * @param body   writes the content
     * @param <E>    the body's failure type
     * @throws E           the body's failure (target untouched)
     * @throws IOException on an I/O failure (target untouched)
     */
    public static <E extends Exception> void writeChannel(Path target, PathChannelBody<E> body) throws E, IOException {
        writeTemporary(target, tmp -> {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.write(tmp, channel);
            }
        });
    }

    /**
     * Writes {@code target} atomically, front to back, past the page cache when the run is large
     * ({@link UnbufferedFileOutput#create(Path, long)}).
     *
     * @param target        the final path (replaced if it exists)
     * @param expectedBytes about how many bytes the run writes (this file, or the dataset it belongs to)
     * @param body          writes the content
     * @param <E>    the body's failure type
     * @throws E           the body's failure (target untouched)
     * @throws IOException on an I/O failure (target untouched)
     */
    public static <E extends Exception> void writeUnbuffered(Path target, long expectedBytes,
                                                             Body<E> body) throws E, IOException {
        writeTemporary(target, tmp -> {
            try (UnbufferedFileOutput out = UnbufferedFileOutput.create(tmp, expectedBytes)) {
                body.write(out);
                out.finish();
            }
        });
    }

    /** Writes a temporary sibling of {@code target} with {@code body}, then moves it onto the target. */
    private static <E extends Exception> void writeTemporary(Path target, TemporaryBody<E> body)
            throws E, IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        register(tmp);
        boolean done = false;
        try {
            body.write(tmp);
            commit(tmp, abs);
            done = true;
        } catch (IOException e) {
            throw failure(abs, e);
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
            unregister(tmp);
        }
    }

    @FunctionalInterface
    private interface TemporaryBody<E extends Exception> {
        void write(Path tmp) throws E, IOException;
    }

    static synchronized void register(Path tmp) throws IOException {
        if (shuttingDown) {
            throw new IOException("the JVM is shutting down");
        }
        OPEN.add(tmp);
    }

    static synchronized void unregister(Path tmp) {
        OPEN.remove(tmp);
    }

    /** An I/O failure already explained with the target it was writing. */
    static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    /**
     * @param target what was being written
     * @param e      the failure
     * @return the failure with the target in its message, and "the disk is full" when it is
     */
    static IOException failure(Path target, IOException e) {
        if (e instanceof WriteFailure) {
            return e;
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean full = msg.contains("No space left") || msg.contains("Disk quota");
        return new WriteFailure("cannot write " + target + ": " + (full ? "the disk is full (" + msg + ")" : msg)
                + "; nothing was left under that name", e);
    }

    /**
     * Deletes a file, or a folder with everything in it; nothing when the path does not exist.
     *
     * @param p the path
     * @throws IOException when something cannot be deleted
     */
    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (java.util.stream.Stream<Path> s = Files.list(p)) {
                for (Path c : (Iterable<Path>) s::iterator) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    /** @return whether the JVM's shutdown hooks have started (the run is being ended) */
    static synchronized boolean shuttingDown() {
        return shuttingDown;
    }

    private static synchronized void commit(Path tmp, Path target) throws IOException {
        if (shuttingDown) {
            throw new IOException("interrupted: " + target + " was not written");
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static synchronized void abortAll() {
        shuttingDown = true;
        for (Path p : OPEN) {
            try {
                deleteTree(p);
            } catch (IOException ignored) {
                // best effort at exit
            }
        }
        OPEN.clear();
    }
}
