package io.github.fairsynth.cli;

import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.AdmissionsResult;
import io.github.fairsynth.admissions.AdmissionsRun;
import io.github.fairsynth.admissions.JurySettings;
import io.github.fairsynth.analysis.GroupOlsDataset;
import io.github.fairsynth.analysis.GroupOlsResult;
import io.github.fairsynth.analysis.GroupOlsSynth;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.AtomicFile;
import io.github.fairsynth.io.ByteSize;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.synth.Attribute;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fairsynth demo}: the newcomer's tour — the paper's dataset, written and summarised. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = FairsynthCommand.Version.class,
        description = "Generate the paper's synthetic dataset (SynthGenLinear defaults), show what was made, and fit it per group.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where to write the files. Default: fairsynth-demo")
    Path outDir = Path.of("fairsynth-demo");

    @Option(names = "--rows", paramLabel = "N", description = "Rows. Default 100000 (the paper's).")
    long rows = 100_000;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads. Default: available processors.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        SynthSpec spec = SynthSpec.builder().samples(rows).build();
        Files.createDirectories(outDir);
        Path csv = outDir.resolve("paper.csv");
        Path truth = outDir.resolve("paper-truth.json");
        AtomicFile.checkWritable("out-dir", csv);

        SynthJob job = SynthJob.full(spec, threads);
        long t0 = System.nanoTime();
        SynthCsvWriter.write(job, csv, ProgressBar.create(quiet));
        double secs = (System.nanoTime() - t0) / 1e9;
        TruthJson.write(job, job.ranges(ProgressListener.NONE), truth);

        out.println("fairsynth demo: the synthetic dataset of 'Oracle Efficient Algorithms for Groupwise Regret'");
        out.println("(SynthGenLinear defaults: dim 20, features and weights U[0,1], linear labels, noise sd 0.16, seed 21)");
        out.println();
        out.printf(Locale.ROOT, "rows %,d x %d columns; groups overlap: each row has one level of each attribute%n",
                spec.samples(), SynthColumns.names(spec).size());
        SynthDataset d = null;
        if (spec.samples() <= 5_000_000) {
            d = SynthDataset.generate(job);
            summarise(out, spec, d);
        } else {
            out.println("(more than 5,000,000 rows: the in-memory summary is skipped)");
        }
        out.println();
        long tf = System.nanoTime();
        // The in-memory rows when we have them (generated once), else streamed: both give the same fit.
        GroupOlsResult fit = d != null ? GroupOlsDataset.fit(d, "y_min_active", 0.2, 21)
                : GroupOlsSynth.fit(job, "y_min_active", 0.2, 21, ProgressListener.NONE);
        out.println("the paper's analysis: an 80/20 split (seed 21), one OLS model per group on y_min_active");
        FitReport.print(fit, out);
        out.printf(Locale.ROOT, "(fitted in %.2f s; the same as 'fairsynth fit --data %s --target y_min_active')%n",
                (System.nanoTime() - tf) / 1e9, csv);
        out.println();
        admissions(out);
        out.println();
        out.printf(Locale.ROOT, "wrote %s (%s) in %.2f s: %,.0f rows/s on %d threads%n",
                csv.toAbsolutePath(), ByteSize.text(Files.size(csv)), secs, spec.samples() / secs, threads);
        out.printf(Locale.ROOT, "ground truth (W, dominance permutation, label ranges): %s%n", truth.toAbsolutePath());
        out.println("next: fairsynth generate --help   (flags, JSON configs, --offset/--limit, --truth)");
        return 0;
    }

    /** The admissions part: the four juries side by side on the gym's default environment. */
    private void admissions(PrintWriter out) throws Exception {
        out.println("strategic college admissions (ML Fairness Gym defaults): 100 environments x 1,000 steps x 20 applicants");
        out.printf(Locale.ROOT, "  %-46s %9s %9s %9s %9s %9s %9s%n", "jury", "final tau", "selected0",
                "selected1", "accuracy", "burden0", "burden1");
        AdmissionsParams p = AdmissionsParams.builder().build();
        for (JurySettings.Kind kind : JurySettings.Kind.values()) {
            double t = kind == JurySettings.Kind.FIXED ? 0.8 : 0.0;
            JurySettings js = new JurySettings(kind, t, 0, false, 0.7, 10, 0.02, 10);
            AdmissionsResult r = new AdmissionsRun(p, js, 21, 100, 1000, threads).run(null, ProgressListener.NONE);
            out.printf(Locale.ROOT, "  %-46s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f%n", js.describe(), r.finalThresholdMean(),
                    r.group(0).selectedRate(), r.group(1).selectedRate(), r.overall().accuracy(),
                    r.group(0).socialBurden(), r.group(1).socialBurden());
        }
        out.println("  (burden = social burden: mean of eligible x cost of gaming; more: fairsynth admissions --help)");
    }

    private static void summarise(PrintWriter out, SynthSpec spec, SynthDataset d) {
        out.println();
        out.println("group sizes          rows    share  expected");
        for (int a = 0; a < spec.attributeCount(); a++) {
            Attribute at = spec.attributes().get(a);
            long[] counts = new long[at.size()];
            for (int g : d.activeGroup(a)) {
                counts[g - spec.attributeOffset(a)]++;
            }
            for (int k = 0; k < at.size(); k++) {
                out.printf(Locale.ROOT, "  %-6s %-9s %,9d  %6.2f%%  %6.2f%%%n", at.name(), at.level(k), counts[k],
                        100.0 * counts[k] / d.rows(), 100 * at.prob(k));
            }
        }
        out.println();
        out.println("labels (min-max scaled)   mean      sd   raw min   raw max");
        for (int c = 0; c < SynthColumns.labelCount(spec); c++) {
            double[] v = d.label(c);
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            double mean = sum / v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            out.printf(Locale.ROOT, "  %-22s %6.4f  %6.4f  %8.4f  %8.4f%n", SynthColumns.labelName(spec, c), mean,
                    Math.sqrt(ss / (v.length - 1)), d.ranges().min(c), d.ranges().max(c));
        }
    }
}
