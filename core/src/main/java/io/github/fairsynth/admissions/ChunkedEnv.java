package io.github.fairsynth.admissions;

import io.github.fairsynth.exec.OrderedPipeline;
import io.github.fairsynth.simd.Kernels;

/**
 * One environment stepped chunk by chunk without keeping its applicants, for juries that only count
 * steps ({@link Jury#observesApplicants()} false). Each chunk of {@value RoundSampler#CHUNK} applicants is
 * drawn, gamed, selected and tallied while it is in cache, and the next round's group uniforms of the same
 * chunk are drawn with it; chunks may run on several threads. The numbers are those of
 * {@link AdmissionsEnv}: the same streams, the same rules, the same per-chunk tallies in chunk order.
 */
final class ChunkedEnv {
    private final AdmissionsParams p;
    private final RoundSampler sampler;
    private final Chunk own;
    private long steps;
    private int groupZero;

    /** One worker's buffers: the sampler's draw buffers, one chunk of applicants, an outcome to reuse. */
    private static final class Chunk {
        final RoundSampler.Buffers buffers;
        final Applicants a;
        final Outcome outcome = new Outcome();

        Chunk(RoundSampler sampler, int size) {
            buffers = sampler.newBuffers();
            a = new Applicants(size);
        }
    }

    /** One chunk's outcome. */
    private static final class Outcome {
        final GroupMetrics g0 = new GroupMetrics();
        final GroupMetrics g1 = new GroupMetrics();
        int moved;
        int nextZeros;
    }

    ChunkedEnv(AdmissionsParams p, long seed, long index, Kernels kernels) {
        this.p = p;
        sampler = new RoundSampler(p, seed, index, kernels);
        own = new Chunk(sampler, Math.min(RoundSampler.CHUNK, p.numApplicants()));
        groupZero = sampler.groupZeroCount(1);
    }

    /** @return how many of the round waiting for the next step are in group 0 */
    int nextGroupZero() {
        return groupZero;
    }

    /**
     * Takes one step.
     *
     * @param threshold the threshold
     * @param epsilon   the epsilon
     * @param g0        group 0 metrics of the step (added to)
     * @param g1        group 1 metrics of the step (added to)
     * @param threads   threads for the chunks of this step
     * @return how many moved
     * @throws Exception on failure of a worker
     */
    int step(double threshold, double epsilon, GroupMetrics g0, GroupMetrics g1, int threads) throws Exception {
        AdmissionsEnv.checkAction(p, steps, threshold, epsilon);
        steps++;
        long round = steps;
        int zeros = groupZero;
        int chunks = sampler.chunks();
        int[] sums = new int[2];
        OrderedPipeline.Sink<Outcome> add = (c, o) -> {
            g0.add(o.g0);
            g1.add(o.g1);
            sums[0] += o.moved;
            sums[1] += o.nextZeros;
        };
        if (threads <= 1 || chunks <= 1) {
            // on this thread with this environment's own buffers (no workspace to make per step)
            for (int c = 0; c < chunks; c++) {
                Outcome o = own.outcome;
                o.g0.clear();
                o.g1.clear();
                run(round, c, zeros, threshold, epsilon, own, o);
                add.accept(c, o);
            }
        } else {
            OrderedPipeline.run(0, chunks, Math.min(threads, chunks),
                    () -> new Chunk(sampler, RoundSampler.CHUNK),
                    (c, w) -> {
                        Outcome o = new Outcome(); // results in flight each need their own
                        run(round, (int) c, zeros, threshold, epsilon, w, o);
                        return o;
                    },
                    add);
        }
        groupZero = sums[1];
        return sums[0];
    }

    private void run(long round, int chunk, int zeros, double tau, double eps, Chunk w, Outcome o) {
        Applicants a = w.a;
        int m = sampler.chunkSize(chunk);
        a.n = m;
        sampler.sampleChunk(round, chunk, zeros, w.buffers, a, 0);
        o.moved = AdmissionsKernel.play(p, a, tau, eps);
        AdmissionsKernel.tally(a, 0, RoundSampler.groupOneStart(zeros, chunk, m), m, o.g0, o.g1);
        o.nextZeros = sampler.groupZeroCount(round + 1, chunk, w.buffers);
    }
}
