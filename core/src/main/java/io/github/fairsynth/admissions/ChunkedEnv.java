package io.github.fairsynth.admissions;

import io.github.fairsynth.exec.WorkerTeam;
import io.github.fairsynth.simd.Kernels;

/**
 * One environment stepped chunk by chunk without keeping its applicants, for juries that only count
 * steps ({@link Jury#observesApplicants()} false). Each chunk of {@value RoundSampler#CHUNK} applicants is
 * drawn, gamed, selected and tallied while it is in cache, and the next round's group uniforms of the same
 * chunk are drawn with it; chunks may run on several threads. Environments whose rounds are one chunk can
 * be stepped together ({@link #stepAll}), their normals made in one call. The numbers are those of
 * {@link AdmissionsEnv}: the same streams, the same rules, the same per-chunk tallies in chunk order.
 */
final class ChunkedEnv {
    private final AdmissionsParams p;
    private final RoundSampler sampler;
    private long steps;
    /** Group-0 count of the round waiting for the next step. */
    private int groupZero;

    /**
     * One worker's buffers: the sampler's draw buffers, one chunk of applicants, an outcome to reuse. They
     * hold nothing between steps, so a worker steps many environments of the same parameters with one.
     */
    static final class Workspace {
        final RoundSampler.Buffers buffers;
        final Applicants a;
        final Outcome outcome = new Outcome();
        /** One outcome per chunk, for steps whose chunks run on several threads. */
        private Outcome[] outcomes = new Outcome[0];

        /** @param p parameters (room for one chunk of their applicants) */
        Workspace(AdmissionsParams p) {
            buffers = new RoundSampler.Buffers(p);
            a = new Applicants(Math.min(RoundSampler.CHUNK, p.numApplicants()));
        }

        /** @return one outcome per chunk, {@code chunks} of them (made at the first call) */
        Outcome[] outcomes(int chunks) {
            if (outcomes.length != chunks) {
                outcomes = new Outcome[chunks];
                for (int c = 0; c < chunks; c++) {
                    outcomes[c] = new Outcome();
                }
            }
            return outcomes;
        }
    }

    /** One chunk's outcome. */
    private static final class Outcome {
        final GroupMetrics g0 = new GroupMetrics();
        final GroupMetrics g1 = new GroupMetrics();
        int moved;
        int nextZeros;
    }

    /**
     * @param p       parameters
     * @param seed    seed
     * @param index   environment index
     * @param kernels kernels
     * @param ws      a workspace for these parameters, to draw the first round's groups with
     */
    ChunkedEnv(AdmissionsParams p, long seed, long index, Kernels kernels, Workspace ws) {
        this.p = p;
        sampler = new RoundSampler(p, seed, index, kernels);
        groupZero = sampler.groupZeroCount(1, ws.buffers);
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
     * @param team      threads for the chunks of this step, with workspaces made for these parameters; null
     *                  for the calling thread alone
     * @param own       the calling thread's workspace, made for these parameters
     * @return how many moved
     * @throws Exception on failure of a worker
     */
    int step(double threshold, double epsilon, GroupMetrics g0, GroupMetrics g1, WorkerTeam<Workspace> team,
             Workspace own) throws Exception {
        long round = begin(threshold, epsilon);
        int zeros = groupZero;
        int chunks = sampler.chunks();
        int moved = 0;
        int nextZeros = 0;
        if (team == null || team.threads() <= 1 || chunks <= 1) {
            // on this thread with the caller's workspace: nothing to make per step
            Outcome o = own.outcome;
            for (int c = 0; c < chunks; c++) {
                o.g0.clear();
                o.g1.clear();
                run(round, c, zeros, threshold, epsilon, own, o);
                g0.add(o.g0);
                g1.add(o.g1);
                moved += o.moved;
                nextZeros += o.nextZeros;
            }
        } else {
            // each chunk's outcome in its own slot, summed in chunk order: the same sums on any thread count
            Outcome[] out = own.outcomes(chunks);
            team.forEach(chunks, (c, w) -> {
                Outcome o = out[c];
                o.g0.clear();
                o.g1.clear();
                run(round, c, zeros, threshold, epsilon, w, o);
            });
            for (Outcome o : out) {
                g0.add(o.g0);
                g1.add(o.g1);
                moved += o.moved;
                nextZeros += o.nextZeros;
            }
        }
        groupZero = nextZeros;
        return moved;
    }

    /**
     * Whether {@link #stepAll} can step environments of these parameters: rounds of one chunk.
     *
     * @param p parameters
     * @return true when a round is at most one chunk
     */
    static boolean batchable(AdmissionsParams p) {
        return p.numApplicants() <= RoundSampler.CHUNK;
    }

    /**
     * Takes one step of each of {@code envs[0 … n)}, exactly as {@link #step} with one thread would, one
     * environment after the other. The raw bits of the normals of as many rounds as fit
     * {@value RoundSampler#CHUNK} are drawn first, each from its own stream, and made normal in one call
     * ({@link RoundSampler#normals}); each round then finishes its own normals off the ziggurat's fast path.
     * (Made for contract version 1's vector normal, which cost 18 ns a normal in calls of 20 and 10 in calls
     * of 1,280 on the Zen 1 machine.)
     *
     * @param envs      environments of the same parameters and kernels, each with rounds of one chunk
     * @param n         how many to step
     * @param threshold each one's threshold
     * @param epsilon   each one's epsilon
     * @param metrics   each one's metrics of the step, group 0 then group 1 (added to)
     * @param w         the calling thread's workspace, made for these parameters
     */
    static void stepAll(ChunkedEnv[] envs, int n, double[] threshold, double[] epsilon, GroupMetrics[][] metrics,
                        Workspace w) {
        RoundSampler.Buffers b = w.buffers;
        for (int from = 0; from < n; ) {
            RoundSampler sampler0 = envs[from].sampler;
            int normals = sampler0.sections() * sampler0.chunkSize(0);
            int to = Math.min(n, from + Math.max(1, RoundSampler.CHUNK / normals));
            for (int e = from; e < to; e++) {
                ChunkedEnv env = envs[e];
                env.sampler.drawNormalBits(env.begin(threshold[e], epsilon[e]), 0, b, b.bits, (e - from) * normals);
            }
            RoundSampler.normals(b, 0, (to - from) * normals);
            Outcome o = w.outcome;
            for (int e = from; e < to; e++) {
                ChunkedEnv env = envs[e];
                long round = env.steps;
                int zeros = env.groupZero;
                w.a.n = env.sampler.chunkSize(0);
                env.sampler.finishChunk(round, 0, zeros, b, (e - from) * normals, w.a, 0);
                o.g0.clear();
                o.g1.clear();
                env.play(round, 0, zeros, threshold[e], epsilon[e], w, o);
                metrics[e][0].add(o.g0);
                metrics[e][1].add(o.g1);
                env.groupZero = o.nextZeros;
            }
            from = to;
        }
    }

    /**
     * Checks a step's action and counts the step.
     *
     * @return the round being stepped
     */
    private long begin(double threshold, double epsilon) {
        AdmissionsEnv.checkAction(p, steps, threshold, epsilon);
        return ++steps;
    }

    private void run(long round, int chunk, int zeros, double tau, double eps, Workspace w, Outcome o) {
        w.a.n = sampler.chunkSize(chunk);
        sampler.sampleChunk(round, chunk, zeros, w.buffers, w.a, 0);
        play(round, chunk, zeros, tau, eps, w, o);
    }

    /** Games, selects and tallies a drawn chunk in {@code w.a}, and draws the next round's groups of it. */
    private void play(long round, int chunk, int zeros, double tau, double eps, Workspace w, Outcome o) {
        Applicants a = w.a;
        int m = a.n;
        int split = RoundSampler.groupOneStart(zeros, chunk, m);
        o.moved = AdmissionsKernel.play(sampler.kernels(), p, a, split, tau, eps);
        AdmissionsKernel.tally(a, 0, split, m, o.g0, o.g1);
        o.nextZeros = sampler.groupZeroCount(round + 1, chunk, w.buffers);
    }
}
