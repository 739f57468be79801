package io.github.fairsynth.exec;

/** Receives progress of a long run; called from one thread, in order. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase what is running (e.g. "scan" for the min-max pass, "write")
     * @param done  units done so far
     * @param total units in all
     */
    void progress(String phase, long done, long total);
}
