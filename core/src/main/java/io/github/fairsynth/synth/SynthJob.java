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
    private final RangesOnce ranges;

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
        this.ranges = new RangesOnce();
    }

    private SynthJob(SynthJob whole, long offset, long limit) {
        this.generator = whole.generator;
        this.offset = offset;
        this.limit = limit;
        this.threads = whole.threads;
        this.ranges = whole.ranges;
    }

    /**
     * A run of rows {@code [offset, offset + limit)} of the same dataset, on the same generator and
     * threads, sharing this run's label ranges (the first pass is made at most once for both): the parts
     * of a partitioned dataset.
     *
     * @param offset first row, {@code 0 <= offset < samples}
     * @param limit  number of rows, {@code 1 <= limit <= samples - offset}
     * @return the part's run
     * @throws ConfigException for an out-of-range offset or limit
     */
    public SynthJob part(long offset, long limit) {
        new SynthJob(generator, offset, limit, threads); // validates the range
        return new SynthJob(this, offset, limit);
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
    public LabelRanges ranges(ProgressListener progress) throws Exception {
        return ranges.get(progress);
    }

    /** The label ranges of the whole dataset, computed once and shared by a run and its parts. */
    private final class RangesOnce {
        private LabelRanges value;

        synchronized LabelRanges get(ProgressListener progress) throws Exception {
            if (value == null) {
                value = scan(progress);
            }
            return value;
        }
    }

    private LabelRanges scan(ProgressListener progress) throws Exception {
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
        return total;
    }

    /**
     * Generates the requested rows block by block on the worker threads, applies {@code task} to each
     * block there, and gives the results to {@code sink} in block order on the calling thread, which
     * works beside the workers (with one worker too: a writer's file I/O overlaps the generation).
     *
     * @param task     runs on a worker with the filled (and scaled) block
     * @param sink     receives each block's result in order, with the block's index in the dataset
     * @param progress receives ("scan", …) during the first pass and ("generate", rows, limit) after
     * @param <R>      result type
     * @throws Exception the first failure of a task or the sink, or an interrupt
     */
    public <R> void run(BlockTask<R> task, OrderedPipeline.Sink<R> sink, ProgressListener progress) throws Exception {
        long firstBlock = offset / SynthBlock.ROWS;
        run(1, blocks -> {
            blocks.next();
            return task.apply(blocks.block(), blocks.from(), blocks.to());
        }, (g, r) -> sink.accept(firstBlock + g, r), progress);
    }

    /**
     * The blocks of one group, filled (and scaled) one after the other in the worker's own block: the
     * previous block's values are gone once {@link #next()} is called.
     */
    public interface Blocks {
        /**
         * Fills the group's next block.
         *
         * @return false when the group has no more blocks
         * @throws Exception if filling fails
         */
        boolean next() throws Exception;

        /** @return the current block */
        SynthBlock block();

        /** @return the first requested row within the current block */
        int from();

        /** @return the end of the requested rows within the current block (exclusive) */
        int to();

        /** @return the requested rows of the whole group */
        int rows();
    }

    /**
     * A task over a group of consecutive blocks.
     *
     * @param <R> the task's result
     */
    @FunctionalInterface
    public interface GroupTask<R> {
        /**
         * @param blocks the group's blocks, to be walked with {@link Blocks#next()}
         * @return the result handed, in group order, to the sink
         * @throws Exception any failure; it ends the run
         */
        R apply(Blocks blocks) throws Exception;
    }

    /**
     * Like {@link #run(BlockTask, OrderedPipeline.Sink, ProgressListener)}, with each task given
     * {@code blocksPerGroup} consecutive blocks (the first group starts at the run's first row; the last
     * may be shorter): for writers whose unit is larger than a block, such as a Parquet row group.
     *
     * @param blocksPerGroup blocks per task, {@code >= 1}
     * @param task           runs on a worker over one group
     * @param sink           receives each group's result in order (index 0 for the first group)
     * @param progress       receives ("scan", …) during the first pass and ("generate", rows, limit) after
     * @param <R>            result type
     * @throws Exception the first failure of a task or the sink, or an interrupt
     */
    public <R> void run(int blocksPerGroup, GroupTask<R> task, OrderedPipeline.Sink<R> sink,
                        ProgressListener progress) throws Exception {
        if (blocksPerGroup < 1) {
            throw new IllegalArgumentException("blocksPerGroup = " + blocksPerGroup + ": must be >= 1");
        }
        SynthSpec spec = spec();
        LabelRanges scaleBy = spec.scale() ? ranges(progress) : null;
        long firstBlock = offset / SynthBlock.ROWS;
        long endRow = offset + limit;
        long endBlock = (endRow + SynthBlock.ROWS - 1) / SynthBlock.ROWS;
        long groups = (endBlock - firstBlock + blocksPerGroup - 1) / blocksPerGroup;
        long[] done = {0};
        OrderedPipeline.runOverlapped(0, groups, threads, () -> new SynthBlock(spec), (g, block) -> {
            long from = firstBlock + g * blocksPerGroup;
            long to = Math.min(endBlock, from + blocksPerGroup);
            return task.apply(new GroupBlocks(block, scaleBy, from, to, endRow));
        }, (g, r) -> {
            long from = Math.max(offset, (firstBlock + g * blocksPerGroup) * SynthBlock.ROWS);
            long to = Math.min(endRow, (firstBlock + (g + 1) * blocksPerGroup) * SynthBlock.ROWS);
            done[0] += to - from;
            sink.accept(g, r);
            progress.progress("generate", done[0], limit);
        });
    }

    /** The walk over one group's blocks in a worker's block. */
    private final class GroupBlocks implements Blocks {
        private final SynthBlock block;
        private final LabelRanges scaleBy;
        private final long endBlock;
        private final long endRow;
        private long next;
        private int from;
        private int to;
        private final int rows;

        GroupBlocks(SynthBlock block, LabelRanges scaleBy, long firstBlock, long endBlock, long endRow) {
            this.block = block;
            this.scaleBy = scaleBy;
            this.next = firstBlock;
            this.endBlock = endBlock;
            this.endRow = endRow;
            this.rows = (int) (Math.min(endRow, endBlock * SynthBlock.ROWS) - Math.max(offset, firstBlock * SynthBlock.ROWS));
        }

        @Override
        public boolean next() {
            if (next >= endBlock) {
                return false;
            }
            long b = next++;
            generator.fill(b, block, scaleBy);
            long start = b * SynthBlock.ROWS;
            from = (int) (Math.max(offset, start) - start);
            to = (int) (Math.min(endRow, start + SynthBlock.ROWS) - start);
            return true;
        }

        @Override
        public SynthBlock block() {
            return block;
        }

        @Override
        public int from() {
            return from;
        }

        @Override
        public int to() {
            return to;
        }

        @Override
        public int rows() {
            return rows;
        }
    }
}
