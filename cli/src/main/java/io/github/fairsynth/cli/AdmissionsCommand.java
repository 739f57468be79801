package io.github.fairsynth.cli;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.AdmissionsResult;
import io.github.fairsynth.admissions.AdmissionsRun;
import io.github.fairsynth.admissions.JurySettings;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fairsynth admissions}: the ML Fairness Gym's strategic college-admissions game. */
@Command(name = "admissions", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = FairsynthCommand.Version.class,
        description = {"Run the college-admissions Stackelberg game of Google's ML Fairness Gym: E environments x N",
                "applicants per step, a jury per environment; prints per-group metrics."})
final class AdmissionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE.json", description = "Environment params with the gym's names.")
    Path config;

    @Option(names = "--jury", paramLabel = "KIND", description = "fixed (default), static, continuous or robust.")
    String jury = "fixed";

    @Option(names = "--threshold", paramLabel = "T",
            description = "Fixed jury's threshold (default 0.5); initial threshold of static/continuous (default 0).")
    Double threshold;

    @Option(names = "--epsilon", paramLabel = "E", description = "Constant epsilon when not epsilon-greedy. Default 0.")
    double epsilon;

    @Option(names = "--epsilon-greedy", description = "Epsilon decays: initial * rate^(t / decay-steps).")
    boolean epsilonGreedy;

    @Option(names = "--initial-epsilon", paramLabel = "P", description = "initial_epsilon_prob. Default 0.7.")
    double initialEpsilon = 0.7;

    @Option(names = "--decay-steps", paramLabel = "K", description = "decay_steps. Default 10.")
    double decaySteps = 10;

    @Option(names = "--decay-rate", paramLabel = "R", description = "epsilon_prob_decay_rate. Default 0.02.")
    double decayRate = 0.02;

    @Option(names = "--burnin", paramLabel = "B", description = "Burn-in of the learning juries. Default 10.")
    int burnin = 10;

    @Option(names = "--steps", paramLabel = "S", description = "Steps. Default 1000.")
    long steps = 1000;

    @Option(names = "--envs", paramLabel = "E", description = "Independent environments. Default 1.")
    int envs = 1;

    @Option(names = "--applicants", paramLabel = "N", description = "Applicants per step (num_applicants). Default 20.")
    Integer applicants;

    @Option(names = "--seed", paramLabel = "X", description = "Seed. Default 21.")
    long seed = 21;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads. Default: available processors.")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Write the results as JSON.")
    Path json;

    @Option(names = "--trace", paramLabel = "OUT.csv", description = "Write one row per step (means over environments).")
    Path trace;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        AdmissionsParams.Builder b = config != null ? AdmissionsConfigJson.read(config) : AdmissionsParams.builder();
        if (applicants != null) {
            b.numApplicants(applicants);
        }
        AdmissionsParams p;
        try {
            p = b.build();
        } catch (ConfigException e) {
            throw new FlagNames().given(applicants != null, "applicants", "num_applicants").rename(e);
        }
        JurySettings.Kind kind = JurySettings.Kind.parse(jury);
        double t = threshold != null ? threshold : kind == JurySettings.Kind.FIXED ? 0.5 : 0.0;
        if (kind == JurySettings.Kind.ROBUST && threshold != null) {
            throw new ConfigException("threshold", threshold, "the robust jury always starts at 0; omit --threshold");
        }
        JurySettings js = new JurySettings(kind, t, epsilon, epsilonGreedy, initialEpsilon, decaySteps, decayRate, burnin);
        if (json != null) {
            AtomicFile.checkWritable("json", json);
        }
        if (trace != null) {
            AtomicFile.checkWritable("trace", trace);
        }
        int th = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        AdmissionsRun run = new AdmissionsRun(p, js, seed, envs, steps, th);
        ProgressListener progress = ProgressBar.create(quiet);
        long t0 = System.nanoTime();
        AdmissionsResult[] result = new AdmissionsResult[1];
        if (trace != null) {
            AtomicFile.write(trace, raw -> {
                OutputStream out = new BufferedOutputStream(raw, 1 << 16);
                out.write(AdmissionsReport.traceHeader());
                byte[] buf = new byte[64 * 32];
                result[0] = run.run((step, tau, eps, groups) ->
                        out.write(buf, 0, AdmissionsReport.traceRow(buf, step, tau, eps, groups)), progress);
                out.flush();
            });
        } else {
            result[0] = run.run(null, progress);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        AdmissionsResult r = result[0];
        AdmissionsReport.print(r, command.commandLine().getOut());
        if (!quiet) {
            command.commandLine().getOut().printf(Locale.ROOT, "  %.2f s: %,.0f applicant-steps/s on %d threads%n",
                    secs, r.overall().applicants() / secs, th);
        }
        if (json != null) {
            AdmissionsReport.writeJson(r, json);
        }
        return 0;
    }
}
