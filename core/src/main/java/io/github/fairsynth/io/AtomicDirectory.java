package io.github.fairsynth.io;

import io.github.fairsynth.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes a folder of files (a partitioned dataset) so that the target path only ever holds a complete
 * one: the files go into a hidden temporary folder beside the target, which is renamed onto the target at
 * the end. After a failure, an exception or an interrupt (as for {@link AtomicFile}) the temporary folder
 * is removed and the target is untouched. A target that exists is replaced only when it is empty or holds
 * the dataset's marker file (an earlier dataset of the same kind), never a folder of other files.
 */
public final class AtomicDirectory {
    private AtomicDirectory() {
    }

    /**
     * Writes the folder's files.
     *
     * @param <E> the failure the body may raise
     */
    @FunctionalInterface
    public interface Body<E extends Exception> {
        /**
         * @param dir the temporary folder, empty, to write the files into
         * @throws E on failure: the folder is deleted and the target untouched
         * @throws IOException on an I/O failure
         */
        void write(Path dir) throws E, IOException;
    }

    /**
     * Fails early, with a {@link ConfigException} naming {@code parameter}, when {@code target} cannot be
     * written: its parent folder is missing or not writable, it is a file, or a folder that holds other
     * files than an earlier dataset (one with {@code marker}).
     *
     * @param parameter the public name of the output option (e.g. "out")
     * @param target    the folder
     * @param marker    the file name that marks a folder as a dataset this may replace
     */
    public static void checkWritable(String parameter, Path target, String marker) {
        Path abs = target.toAbsolutePath();
        AtomicFile.checkParent(parameter, target);
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new ConfigException(parameter, target, "is a file; a partitioned dataset is written as a folder");
        }
        if (Files.isDirectory(abs) && !replaceable(abs, marker)) {
            throw new ConfigException(parameter, target, "is a folder with other files in it (no " + marker
                    + "); give a new or empty folder, or an earlier dataset's");
        }
    }

    private static boolean replaceable(Path dir, String marker) {
        if (Files.exists(dir.resolve(marker))) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target the final folder (replaced if it is empty or an earlier dataset, see the class comment)
     * @param marker the marker file name of such a dataset
     * @param body   writes the files
     * @param <E>    the body's failure type
     * @throws E           the body's failure (target untouched)
     * @throws IOException on an I/O failure (target untouched)
     */
    public static <E extends Exception> void write(Path target, String marker, Body<E> body) throws E, IOException {
        Path abs = target.toAbsolutePath();
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + tag);
        AtomicFile.register(tmp);
        boolean done = false;
        try {
            Files.createDirectory(tmp);
            body.write(tmp);
            commit(tmp, abs, abs.resolveSibling("." + abs.getFileName() + ".old-" + tag), marker);
            done = true;
        } catch (IOException e) {
            throw AtomicFile.failure(abs, e);
        } finally {
            if (!done) {
                AtomicFile.deleteTree(tmp);
            }
            AtomicFile.unregister(tmp);
        }
    }

    private static void commit(Path tmp, Path target, Path old, String marker) throws IOException {
        if (AtomicFile.shuttingDown()) {
            throw new IOException("interrupted: " + target + " was not written");
        }
        if (Files.isDirectory(target)) {
            if (!replaceable(target, marker)) {
                throw new IOException(target + " now holds other files; the new dataset was not moved there");
            }
            Files.move(target, old);
            Files.move(tmp, target);
            AtomicFile.deleteTree(old);
        } else {
            Files.move(tmp, target);
        }
    }
}
