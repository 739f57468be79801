package io.github.fairsynth.admissions;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.exec.OrderedPipeline;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.exec.WorkerTeam;
import io.github.fairsynth.simd.Kernels;

import java.util.function.Supplier;

/**
 * The batched engine: E independent environments × N applicants, each with its own jury, stepped
 * together on all cores. Environment i's trajectory depends only on (params, jury, seed, i).
 *
 * <p>Environments are split into fixed blocks of {@value #ENV_BLOCK} (never by thread), run in epochs of
 * {@value #EPOCH} steps; within a block, per-step sums run over environments in index order, and blocks
 * are combined in block order. So every total and every trace row is the same whatever the thread count.
 */
public final class AdmissionsRun {
    /** Environments per block (the unit of parallel work and of summation order). */
    public static final int ENV_BLOCK = 64;
    /** Steps per epoch (trace rows are reduced and emitted per epoch; memory stays bounded). */
    public static final int EPOCH = 256;
    private static final int M = 2 + 2 * 7; // per step: tau, eps, then 7 per group

    /** Receives one row per step: means over environments and pooled group metrics. */
    @FunctionalInterface
    public interface TraceSink {
        /**
         * @param step          the step (1-based)
         * @param thresholdMean mean threshold over environments
         * @param epsilonMean   mean epsilon over environments
         * @param groups        the step's pooled metrics of group 0 and group 1
         * @throws Exception on failure (ends the run)
         */
        void step(long step, double thresholdMean, double epsilonMean, GroupMetrics[] groups) throws Exception;
    }

    private final AdmissionsParams params;
    private final JurySettings jurySettings;
    private final long seed;
    private final int envs;
    private final long steps;
    private final int threads;

    /**
     * @param params  environment parameters
     * @param jury    jury settings
     * @param seed    seed
     * @param envs    environments, {@code >= 1}
     * @param steps   steps, in {@code [1, max_steps + 1]}
     * @param threads worker threads, {@code 1 … 1024}
     */
    public AdmissionsRun(AdmissionsParams params, JurySettings jury, long seed, int envs, long steps, int threads) {
        if (envs < 1) {
            throw new ConfigException("envs", envs, "must be a whole number >= 1");
        }
        if (steps < 1) {
            throw new ConfigException("steps", steps, "must be a whole number >= 1");
        }
        if (steps > params.maxSteps() + 1) {
            throw new ConfigException("steps", steps, "must be <= max_steps + 1 = " + (params.maxSteps() + 1)
                    + " (the episode is done after that); raise max_steps");
        }
        if (threads < 1 || threads > 1024) {
            throw new ConfigException("threads", threads, "must be in [1, 1024]");
        }
        jury.check(params);
        this.params = params;
        this.jurySettings = jury;
        this.seed = seed;
        this.envs = envs;
        this.steps = steps;
        this.threads = threads;
    }

    private static final class EnvState {
        /** The environment, when the jury reads the applicants; else null. */
        final AdmissionsEnv env;
        /** The environment stepped chunk by chunk, when the jury only counts steps; else null. */
        final ChunkedEnv chunked;
        final Jury jury;
        final GroupMetrics[] totals = {new GroupMetrics(), new GroupMetrics()};
        double lastThreshold;

        EnvState(AdmissionsParams p, long seed, int index, Jury jury, ChunkedEnv.Workspace ws) {
            this.jury = jury;
            if (jury.observesApplicants()) {
                env = new AdmissionsEnv(p, seed, index);
                chunked = null;
            } else {
                env = null;
                chunked = new ChunkedEnv(p, seed, index, Kernels.get(), ws);
            }
        }
    }

    /**
     * Runs all steps.
     *
     * @param trace    receives one row per step, in order (may be null)
     * @param progress receives ("step", done, steps)
     * @return totals, metrics and final thresholds
     * @throws Exception on failure
     */
    public AdmissionsResult run(TraceSink trace, ProgressListener progress) throws Exception {
        return combine(new StateTotals(step(0, envs, trace, progress)));
    }

    /**
     * Runs all steps of environments {@code [from, to)} only, on this run's threads: each environment's
     * trajectory is the one {@link #run} gives it. Outcomes of consecutive ranges, {@link EnvOutcomes#concat
     * joined} in order and {@link #combine combined}, are exactly {@link #run}'s result: the way to spread one
     * run's environments over machines.
     *
     * @param from     first environment, a multiple of {@value #ENV_BLOCK} in {@code [0, envs)}
     * @param to       end environment (exclusive), in {@code (from, envs]}
     * @param progress receives ("step", done, steps)
     * @return the outcomes of the range, in environment order
     * @throws Exception on failure
     */
    public EnvOutcomes runEnvironments(int from, int to, ProgressListener progress) throws Exception {
        if (from < 0 || from >= envs || from % ENV_BLOCK != 0) {
            throw new IllegalArgumentException("from = " + from + ": must be a multiple of " + ENV_BLOCK
                    + " in [0, " + envs + ")");
        }
        if (to <= from || to > envs) {
            throw new IllegalArgumentException("to = " + to + ": must be in (" + from + ", " + envs + "]");
        }
        return outcomes(step(from, to, null, progress));
    }

    /**
     * The run's result from the outcomes of all its environments, summed in environment order as
     * {@link #run} sums them.
     *
     * @param all the outcomes of environments {@code [0, envs)}
     * @return totals, metrics and final thresholds
     */
    public AdmissionsResult combine(EnvOutcomes all) {
        if (all.size() != envs) {
            throw new IllegalArgumentException("outcomes of " + all.size() + " environments: the run has " + envs);
        }
        return combine((EnvTotals) all);
    }

    private AdmissionsResult combine(EnvTotals all) {
        GroupMetrics[] totals = {new GroupMetrics(), new GroupMetrics()};
        // Mean and sd shifted by the first value: identical thresholds give exactly that value and sd 0.
        double shift = all.lastThreshold(0);
        double sum = 0;
        for (int e = 0; e < envs; e++) {
            all.addTotals(e, 0, totals[0]);
            all.addTotals(e, 1, totals[1]);
            sum += all.lastThreshold(e) - shift;
        }
        double meanShifted = sum / envs;
        double ss = 0;
        for (int e = 0; e < envs; e++) {
            double d = all.lastThreshold(e) - shift - meanShifted;
            ss += d * d;
        }
        double mean = shift + meanShifted;
        double sd = envs > 1 ? Math.sqrt(ss / (envs - 1)) : 0.0;
        return new AdmissionsResult(params, jurySettings, seed, envs, steps, totals, mean, sd);
    }

    /** The environments' own totals, read in place (a whole run needs no copy of them). */
    private static final class StateTotals implements EnvTotals {
        private final EnvState[] states;

        StateTotals(EnvState[] states) {
            this.states = states;
        }

        @Override
        public void addTotals(int e, int g, GroupMetrics into) {
            into.add(states[e].totals[g]);
        }

        @Override
        public double lastThreshold(int e) {
            return states[e].lastThreshold;
        }
    }

    private static EnvOutcomes outcomes(EnvState[] states) {
        EnvOutcomes out = new EnvOutcomes(states.length);
        for (int e = 0; e < states.length; e++) {
            out.set(e, states[e].totals, states[e].lastThreshold);
        }
        return out;
    }

    /** Steps environments {@code [from, to)} through all steps; the trace, when given, is of the whole run. */
    private EnvState[] step(int from, int to, TraceSink trace, ProgressListener progress) throws Exception {
        int blocks = (to - from + ENV_BLOCK - 1) / ENV_BLOCK;
        Jury prototype = jurySettings.create(params);
        Supplier<ChunkedEnv.Workspace> workspace = prototype.observesApplicants()
                ? () -> null : () -> new ChunkedEnv.Workspace(params);
        // one block of environments cannot use the threads: they step each round's chunks instead, with
        // one team of threads and workspaces for the whole run
        try (WorkerTeam<ChunkedEnv.Workspace> team = blocks == 1 && threads > 1 && !prototype.observesApplicants()
                ? new WorkerTeam<>(threads, workspace.get(), workspace) : null) {
            // the one block is stepped on the calling thread: with the team's workspace for that thread
            return step(from, to, trace, progress, blocks, prototype, team == null ? workspace : team::own, team);
        }
    }

    private EnvState[] step(int from, int to, TraceSink trace, ProgressListener progress, int blocks, Jury prototype,
                            Supplier<ChunkedEnv.Workspace> workspace, WorkerTeam<ChunkedEnv.Workspace> team)
            throws Exception {
        // each block's environments are made by the worker that first steps them; states[i] is environment from + i
        EnvState[] states = new EnvState[to - from];
        double[] epoch = new double[EPOCH * M];
        GroupMetrics[] row = {new GroupMetrics(), new GroupMetrics()};
        for (long t0 = 0; t0 < steps; t0 += EPOCH) {
            final long first = t0;
            final int len = (int) Math.min(EPOCH, steps - t0);
            java.util.Arrays.fill(epoch, 0.0);
            OrderedPipeline.run(0, blocks, threads, workspace, (b, ws) -> {
                double[] part = new double[len * M];
                int e0 = (int) b * ENV_BLOCK;
                int e1 = Math.min(to - from, e0 + ENV_BLOCK);
                for (int e = e0; e < e1; e++) {
                    if (states[e] == null) {
                        states[e] = new EnvState(params, seed, from + e, prototype.copy(), ws);
                    }
                }
                if (states[e0].chunked != null && ChunkedEnv.batchable(params)) {
                    runBatch(states, e0, e1, len, part, ws);
                } else {
                    for (int e = e0; e < e1; e++) {
                        runEnv(states[e], len, part, team, ws);
                    }
                }
                return part;
            }, (b, part) -> {
                for (int k = 0; k < len * M; k++) {
                    epoch[k] += part[k];
                }
            });
            if (trace != null) {
                for (int s = 0; s < len; s++) {
                    int o = s * M;
                    for (int g = 0; g < 2; g++) {
                        read(epoch, o + 2 + 7 * g, row[g]);
                    }
                    trace.step(first + s + 1, epoch[o] / envs, epoch[o + 1] / envs, row);
                }
            }
            progress.progress("step", first + len, steps);
        }
        return states;
    }

    private void runEnv(EnvState s, int len, double[] part, WorkerTeam<ChunkedEnv.Workspace> team,
                        ChunkedEnv.Workspace ws)
            throws Exception {
        GroupMetrics[] step = {new GroupMetrics(), new GroupMetrics()};
        for (int k = 0; k < len; k++) {
            double tau = s.jury.threshold();
            double eps = s.jury.epsilon();
            step[0].clear();
            step[1].clear();
            Applicants a = null;
            int nextGroupZero;
            if (s.chunked != null) {
                s.chunked.step(tau, eps, step[0], step[1], team, ws);
                nextGroupZero = s.chunked.nextGroupZero();
            } else {
                a = s.env.step(tau, eps);
                AdmissionsKernel.tallyRound(a, step[0], step[1]);
                nextGroupZero = s.env.nextGroupZero();
            }
            record(s, k, tau, eps, step, part);
            s.jury.observe(a, nextGroupZero);
        }
    }

    /**
     * Steps environments {@code [e0, e1)} of one-chunk rounds together, step by step ({@link ChunkedEnv#stepAll});
     * each environment's numbers and the order of every sum are those of {@link #runEnv} on each in turn.
     */
    private void runBatch(EnvState[] states, int e0, int e1, int len, double[] part, ChunkedEnv.Workspace ws) {
        int n = e1 - e0;
        ChunkedEnv[] envs = new ChunkedEnv[n];
        double[] tau = new double[n];
        double[] eps = new double[n];
        GroupMetrics[][] step = new GroupMetrics[n][];
        for (int i = 0; i < n; i++) {
            envs[i] = states[e0 + i].chunked;
            step[i] = new GroupMetrics[] {new GroupMetrics(), new GroupMetrics()};
        }
        for (int k = 0; k < len; k++) {
            for (int i = 0; i < n; i++) {
                Jury jury = states[e0 + i].jury;
                tau[i] = jury.threshold();
                eps[i] = jury.epsilon();
                step[i][0].clear();
                step[i][1].clear();
            }
            ChunkedEnv.stepAll(envs, n, tau, eps, step, ws);
            for (int i = 0; i < n; i++) {
                EnvState s = states[e0 + i];
                record(s, k, tau[i], eps[i], step[i], part);
                s.jury.observe(null, envs[i].nextGroupZero());
            }
        }
    }

    /** Adds an environment's step {@code k} of the epoch to the epoch's sums and to its totals. */
    private static void record(EnvState s, int k, double tau, double eps, GroupMetrics[] step, double[] part) {
        int o = k * M;
        part[o] += tau;
        part[o + 1] += eps;
        for (int g = 0; g < 2; g++) {
            write(step[g], part, o + 2 + 7 * g);
            s.totals[g].add(step[g]);
        }
        s.lastThreshold = tau;
    }

    private static void write(GroupMetrics m, double[] part, int o) {
        part[o] += m.applicants;
        part[o + 1] += m.eligible;
        part[o + 2] += m.selected;
        part[o + 3] += m.manipulated;
        part[o + 4] += m.correct;
        part[o + 5] += m.burden;
        part[o + 6] += m.socialBurden;
    }

    private static void read(double[] epoch, int o, GroupMetrics m) {
        m.applicants = (long) epoch[o];
        m.eligible = (long) epoch[o + 1];
        m.selected = (long) epoch[o + 2];
        m.manipulated = (long) epoch[o + 3];
        m.correct = (long) epoch[o + 4];
        m.burden = epoch[o + 5];
        m.socialBurden = epoch[o + 6];
    }
}
