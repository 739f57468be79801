package io.github.fairsynth.exec;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs tasks {@code from … to-1} on {@code threads} worker threads and gives their results to a sink on
 * the calling thread in task order. At most {@code 2·threads + 2} results are in flight, so memory stays
 * bounded whatever the number of tasks. Each worker thread has its own workspace from a supplier.
 *
 * <p>The result order, and so everything written, never depends on the number of threads.
 */
public final class OrderedPipeline {
    private OrderedPipeline() {
    }

    /**
     * A task that computes the result of index {@code i} using the worker's workspace.
     *
     * @param <W> workspace type
     * @param <R> result type
     */
    @FunctionalInterface
    public interface Task<W, R> {
        /**
         * @param index     task index
         * @param workspace the calling worker's workspace
         * @return the result
         * @throws Exception any failure; it ends the run and is rethrown to the caller
         */
        R run(long index, W workspace) throws Exception;
    }

    /**
     * Receives results in order.
     *
     * @param <R> result type
     */
    @FunctionalInterface
    public interface Sink<R> {
        /**
         * @param index  task index
         * @param result its result
         * @throws Exception any failure; it ends the run and is rethrown to the caller
         */
        void accept(long index, R result) throws Exception;
    }

    /**
     * Runs the pipeline.
     *
     * @param from      first task index
     * @param to        end task index (exclusive)
     * @param threads   number of worker threads ({@code >= 1}; 1 runs everything on the calling thread)
     * @param workspace makes one workspace per worker
     * @param task      the task
     * @param sink      receives results in index order on the calling thread
     * @param <W>       workspace type
     * @param <R>       result type
     * @throws Exception the first failure of a task or of the sink
     */
    public static <W, R> void run(long from, long to, int threads, Supplier<W> workspace,
                                  Task<W, R> task, Sink<R> sink) throws Exception {
        run(from, to, threads, workspace, task, sink, false);
    }

    /**
     * Runs the pipeline with the tasks always on worker threads, even when {@code threads} is 1, so that
     * a slow sink (writing a file, say) on the calling thread overlaps the work instead of following it.
     * Same results, in the same order, as {@link #run}.
     *
     * @param from      first task index
     * @param to        end task index (exclusive)
     * @param threads   number of worker threads ({@code >= 1})
     * @param workspace makes one workspace per worker
     * @param task      the task
     * @param sink      receives results in index order on the calling thread
     * @param <W>       workspace type
     * @param <R>       result type
     * @throws Exception the first failure of a task or of the sink
     */
    public static <W, R> void runOverlapped(long from, long to, int threads, Supplier<W> workspace,
                                            Task<W, R> task, Sink<R> sink) throws Exception {
        run(from, to, threads, workspace, task, sink, true);
    }

    private static <W, R> void run(long from, long to, int threads, Supplier<W> workspace,
                                   Task<W, R> task, Sink<R> sink, boolean overlap) throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": must be >= 1");
        }
        if (!overlap && threads == 1 || to - from <= 1) {
            W ws = workspace.get();
            for (long i = from; i < to; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted at task " + i);
                }
                sink.accept(i, task.run(i, ws));
            }
            return;
        }
        ThreadLocal<W> local = ThreadLocal.withInitial(workspace);
        ExecutorService pool = Executors.newFixedThreadPool(threads, new Daemons());
        try {
            int window = 2 * threads + 2;
            ArrayDeque<Future<R>> inFlight = new ArrayDeque<>(window);
            long next = from;
            while (next < to && inFlight.size() < window) {
                long i = next++;
                inFlight.add(pool.submit(() -> task.run(i, local.get())));
            }
            long i = from;
            while (!inFlight.isEmpty()) {
                R r;
                try {
                    r = inFlight.poll().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception) {
                        throw (Exception) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw e;
                }
                sink.accept(i++, r);
                if (next < to) {
                    long k = next++;
                    inFlight.add(pool.submit(() -> task.run(k, local.get())));
                }
            }
        } finally {
            // no task outlives the run: after a failure the caller may release what the tasks use
            pool.shutdownNow();
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Names its threads {@code fairsynth-<pool>-worker-<n>} and makes them daemons. */
    static final class Daemons implements ThreadFactory {
        private static final AtomicInteger POOL = new AtomicInteger();
        private final int pool = POOL.incrementAndGet();
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "fairsynth-" + pool + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
