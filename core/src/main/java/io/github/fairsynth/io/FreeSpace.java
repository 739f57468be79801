package io.github.fairsynth.io;

import io.github.fairsynth.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The room a run's output takes against the room its file system has, checked before the first row is
 * made: a run that cannot fit fails at once, not when the disk fills (at 10⁹ rows and more, after the
 * whole first pass and much of the writing).
 *
 * <p>Two figures per output: the fewest bytes it can take (its values' bytes, whatever the headers and the
 * compression), which fails the run when more than is free, and about how many it takes, which only warns,
 * since an estimate can be wrong either way.
 */
public final class FreeSpace {
    private FreeSpace() {
    }

    /**
     * @param target a file or folder to be written (it need not exist)
     * @return the bytes this process may use on the file system of {@code target}'s nearest existing folder,
     *         or {@link Long#MAX_VALUE} when that cannot be read
     */
    public static long usable(Path target) {
        Path p = target.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return Long.MAX_VALUE;
        }
        try {
            long free = Files.getFileStore(p).getUsableSpace();
            // a file system too large for a long reports a negative count
            return free < 0 ? Long.MAX_VALUE : free;
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Fails when even the fewest bytes the output can take are more than its file system has free.
     *
     * @param parameter the output option's public name
     * @param target    the file or folder to be written
     * @param atLeast   the fewest bytes the output takes
     * @param usable    the bytes free there ({@link #usable(Path)})
     * @throws ConfigException naming {@code parameter} when {@code atLeast > usable}
     */
    public static void require(String parameter, Path target, long atLeast, long usable) {
        if (atLeast > usable) {
            String need = ByteSize.text(atLeast);
            String have = ByteSize.text(usable);
            if (need.equals(have)) { // too close for three digits
                need = atLeast + " B";
                have = usable + " B";
            }
            throw new ConfigException(parameter, target, "the run writes at least " + need
                    + " and its file system has " + have + " free");
        }
    }

    /**
     * @param target the file or folder to be written
     * @param about  about how many bytes the output takes
     * @param usable the bytes free there ({@link #usable(Path)})
     * @return a one-line warning when {@code about > usable}, else null
     */
    public static String warning(Path target, long about, long usable) {
        if (about <= usable) {
            return null;
        }
        return "warning: the run writes about " + ByteSize.text(about) + " to " + target
                + " and its file system has " + ByteSize.text(usable) + " free: it fails when the disk is full";
    }

    /**
     * @param a a count, {@code >= 0}
     * @param b a count, {@code >= 0}
     * @return {@code a × b}, or {@link Long#MAX_VALUE} when that does not fit in a long
     */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
