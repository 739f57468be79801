package io.github.fairsynth.synth;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.exec.OrderedPipeline;
import io.github.fairsynth.exec.ProgressListener;

/**
 * One generation run: rows {@code [offset, offset + limit)} of the dataset of a spec, on {@code threads}
 * threads, with the two-pass min-max scaling when the spec asks for it (the first pass scans all
 * {@code samples} rows for each label column's range; the second generates the requested rows again and
 * scales them). The result depends only on the spec and the row range, never on the thread count.
 */
public final class SynthJob {
    private final SynthGenerator generator;
    private final long offset;
    private final long limit;
    private final int threads;
    private LabelRanges ranges;

    /**
     * A block handed to a task: rows {@code [from, to)} of it are the ones requested.
     *
     * @param <R> the task's result
     */
    @FunctionalInterface
    public interface BlockTask<R> {
        /**
         * @param block the filled (and, when the spec scales, scaled) block
         * @param from  first requested row within the block
         * @param to    end of the requested rows within the block (exclusive)
         * @return the result handed, in block order, to the sink
         * @throws Exception any failure; it ends the run
         */
        R apply(SynthBlock block, int from, int to) throws Exception;
    }

    /**
     * @param spec    the spec
     * @param offset  first row, {@code 0 <= offset < samples}
     * @param limit   number of rows, {@code 1 <= limit <= samples - offset}
     * @param threads worker threads, {@code 1 … 1024}
     * @throws ConfigException for an out-of-range offset, limit or thread count
     */
    public SynthJob(SynthSpec spec, long offset, long limit, int threads) {
        this(new SynthGenerator(spec), offset, limit, threads);
    }

    /**
     * A run of a given generator (e.g. one with chosen kernels).
     *
     * @param generator the generator
     * @param offset    first row, {@code 0 <= offset < samples}
     * @param limit     number of rows, {@code 1 <= limit <= samples - offset}
     * @param threads   worker threads, {@code 1 … 1024}
     * @throws ConfigException for an out-of-range offset, limit or thread count
     */
    public SynthJob(SynthGenerator generator, long offset, long limit, int threads) {
        SynthSpec spec = generator.spec();
        if (offset < 0 || offset >= spec.samples()) {
            throw new ConfigException("offset", offset, "must be in [0, samples - 1] = [0, " + (spec.samples() - 1) + "]");
        }
        if (limit < 1 || limit > spec.samples() - offset) {
            throw new ConfigException("limit", limit,
                    "must be in [1, samples - offset] = [1, " + (spec.samples() - offset) + "]");
        }
        if (threads < 1 || threads > 1024) {
            throw new ConfigException("threads", threads, "must be in [1, 1024]");
        }
        this.generator = generator;
        this.offset = offset;
        this.limit = limit;
        this.threads = threads;
    }

    /**
     * The whole dataset.
     *
     * @param spec    the spec
     * @param threads worker threads
     * @return a job over rows {@code [0, samples)}
     */
    public static SynthJob full(SynthSpec spec, int threads) {
        return new SynthJob(spec, 0, spec.samples(), threads);
    }

    /** @return the generator (spec and truth) */
    public SynthGenerator generator() {
        return generator;
    }

    /** @return the spec */
    public SynthSpec spec() {
        return generator.spec();
    }

    /** @return first row */
    public long offset() {
        return offset;
    }

    /** @return number of rows */
    public long limit() {
        return limit;
    }

    /** @return worker threads */
    public int threads() {
        return threads;
    }

    /**
     * The raw range of every label column over all {@code samples} rows (the first pass). Computed once
     * and kept.
     *
     * @param progress receives ("scan", rows, samples)
     * @return the ranges
     * @throws Exception if a worker fails or the thread is interrupted
     */
    public synchronized LabelRanges ranges(ProgressListener progress) throws Exception {
        if (ranges == null) {
            SynthSpec spec = spec();
            int labels = SynthColumns.labelCount(spec);
            LabelRanges total = new LabelRanges(labels);
            long blocks = generator.blockCount();
            long[] done = {0};
            OrderedPipeline.run(0, blocks, threads, () -> new SynthBlock(spec), (b, block) -> {
                generator.fill(b, block);
                LabelRanges part = new LabelRanges(labels);
                part.include(block);
                return part;
            }, (b, part) -> {
                total.merge(part);
                done[0] += Math.min(SynthBlock.ROWS, spec.samples() - b * SynthBlock.ROWS);
                progress.progress("scan", done[0], spec.samples());
            });
            ranges = total;
        }
        return ranges;
    }

    /**
     * Generates the requested rows block by block on the worker threads, applies {@code task} to each
     * block there, and gives the results to {@code sink} in block order on the calling thread, which
     * works beside the workers (with one worker too: a writer's file I/O overlaps the generation).
     *
     * @param task     runs on a worker with the filled (and scaled) block
     * @param sink     receives each block's result in order
     * @param progress receives ("scan", …) during the first pass and ("generate", rows, limit) after
     * @param <R>      result type
     * @throws Exception the first failure of a task or the sink, or an interrupt
     */
    public <R> void run(BlockTask<R> task, OrderedPipeline.Sink<R> sink, ProgressListener progress) throws Exception {
        SynthSpec spec = spec();
        LabelRanges scaleBy = spec.scale() ? ranges(progress) : null;
        long firstBlock = offset / SynthBlock.ROWS;
        long endRow = offset + limit;
        long endBlock = (endRow + SynthBlock.ROWS - 1) / SynthBlock.ROWS;
        long[] done = {0};
        OrderedPipeline.runOverlapped(firstBlock, endBlock, threads, () -> new SynthBlock(spec), (b, block) -> {
            generator.fill(b, block);
            if (scaleBy != null) {
                scaleBy.scale(block);
            }
            long start = b * SynthBlock.ROWS;
            int from = (int) (Math.max(offset, start) - start);
            int to = (int) (Math.min(endRow, start + SynthBlock.ROWS) - start);
            return task.apply(block, from, to);
        }, (b, r) -> {
            long start = b * SynthBlock.ROWS;
            done[0] += Math.min(endRow, start + SynthBlock.ROWS) - Math.max(offset, start);
            sink.accept(b, r);
            progress.progress("generate", done[0], limit);
        });
    }
}
