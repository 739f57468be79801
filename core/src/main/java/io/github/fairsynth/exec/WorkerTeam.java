package io.github.fairsynth.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The calling thread and {@code threads - 1} helper threads that run the indices {@code 0 … n-1} of one
 * loop together, many loops in a row: the helpers and their workspaces are made once and serve every loop,
 * and a loop costs one hand-over and one join, not one per index. Indices are handed out one at a time
 * from a shared counter, so a thread that the machine slows down takes fewer of them.
 *
 * <p>Which thread runs an index is not fixed, so a body must write its result where the index says (an
 * array slot, say) and the caller combines the results in index order after {@link #forEach} returns:
 * then nothing depends on the number of threads. Use {@link OrderedPipeline} for one long run whose results
 * must stream to a sink in order.
 *
 * @param <W> workspace type
 */
public final class WorkerTeam<W> implements AutoCloseable {
    /**
     * The body of a loop.
     *
     * @param <W> workspace type
     */
    @FunctionalInterface
    public interface Body<W> {
        /**
         * @param index     the index to run
         * @param workspace the running thread's workspace
         * @throws Exception any failure; it ends the loop and is rethrown to the caller
         */
        void run(int index, W workspace) throws Exception;
    }

    private final W own;
    private final List<W> helperSpaces;
    private final ExecutorService helpers;

    /**
     * @param threads   threads in all, the calling thread included ({@code >= 1}; 1 runs every loop on the
     *                  calling thread)
     * @param own       the calling thread's workspace
     * @param workspace makes each helper's workspace (called {@code threads - 1} times, now)
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public WorkerTeam(int threads, W own, Supplier<W> workspace) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": must be >= 1");
        }
        this.own = own;
        helperSpaces = new ArrayList<>(threads - 1);
        for (int h = 1; h < threads; h++) {
            helperSpaces.add(workspace.get());
        }
        helpers = threads > 1 ? Executors.newFixedThreadPool(threads - 1, new OrderedPipeline.Daemons()) : null;
    }

    /** @return the calling thread's workspace, the one given to the constructor */
    public W own() {
        return own;
    }

    /** @return threads in all, the calling thread included */
    public int threads() {
        return helperSpaces.size() + 1;
    }

    /**
     * Runs {@code body} for every index {@code 0 … n-1} on the team and returns when all have run.
     *
     * @param n    how many indices
     * @param body the body
     * @throws Exception the first failure of a body (the other threads stop taking indices)
     */
    public void forEach(int n, Body<W> body) throws Exception {
        if (helpers == null || n <= 1) {
            for (int i = 0; i < n; i++) {
                body.run(i, own);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int started = Math.min(helperSpaces.size(), n - 1);
        List<Future<?>> running = new ArrayList<>(started);
        for (int h = 0; h < started; h++) {
            W ws = helperSpaces.get(h);
            running.add(helpers.submit(() -> {
                take(next, n, body, ws);
                return null;
            }));
        }
        Exception failure = null;
        try {
            take(next, n, body, own);
        } catch (Exception e) {
            failure = e;
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    failure = cause instanceof Exception ? (Exception) cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static <W> void take(AtomicInteger next, int n, Body<W> body, W ws) throws Exception {
        try {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                body.run(i, ws);
            }
        } catch (Exception | Error e) {
            next.set(n); // the others stop at their next index
            throw e;
        }
    }

    /** Stops the helper threads. */
    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
