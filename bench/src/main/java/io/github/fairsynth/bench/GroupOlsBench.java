package io.github.fairsynth.bench;

import io.github.fairsynth.analysis.GroupOlsAccumulator;
import io.github.fairsynth.analysis.GroupOlsResult;
import io.github.fairsynth.analysis.SplitRule;
import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long does the group-wise fit take for 10⁶ rows × 20 features × 5 groups in memory (the paper's
 * dataset at 10⁶ rows, target y_min_active, 80/20 shuffle split): one pass of the accumulator, the five
 * solves, R² and the cross matrix. Compare with scikit-learn's per-group LinearRegression on the same data
 * (results/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g"})
public class GroupOlsBench {
    private double[] rows;
    private double[] y;
    private boolean[] member;
    private boolean[] test;
    private List<String> features;
    private List<String> groups;
    private int n;
    private int p;
    private int g;

    @Setup
    public void setup() throws Exception {
        SynthSpec spec = SynthConfigs.spec("paper", 1_000_000);
        SynthDataset d = SynthDataset.generate(spec, 2);
        n = d.rows();
        p = spec.dim();
        g = spec.groups();
        rows = new double[n * p];
        for (int j = 0; j < p; j++) {
            double[] x = d.x(j);
            for (int r = 0; r < n; r++) {
                rows[r * p + j] = x[r];
            }
        }
        y = d.label("y_min_active").clone();
        member = new boolean[n * g];
        for (int a = 0; a < spec.attributeCount(); a++) {
            int[] act = d.activeGroup(a);
            for (int r = 0; r < n; r++) {
                member[r * g + act[r]] = true;
            }
        }
        SplitRule split = new SplitRule(n, 0.2, 21);
        test = new boolean[n];
        for (int r = 0; r < n; r++) {
            test[r] = split.isTest(r);
        }
        features = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            features.add("x_" + j);
        }
        groups = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            groups.add(spec.groupName(k));
        }
    }

    @Benchmark
    public void fit(Blackhole bh) {
        GroupOlsAccumulator acc = new GroupOlsAccumulator(features, groups, "y_min_active");
        boolean[] m = new boolean[g];
        for (int r = 0; r < n; r++) {
            System.arraycopy(member, r * g, m, 0, g);
            acc.add(rows, r * p, y[r], m, test[r]);
        }
        GroupOlsResult res = acc.result();
        bh.consume(res.crossR2());
    }
}
