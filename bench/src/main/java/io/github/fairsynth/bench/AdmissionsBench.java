package io.github.fairsynth.bench;

import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.AdmissionsResult;
import io.github.fairsynth.admissions.AdmissionsRun;
import io.github.fairsynth.admissions.JurySettings;
import io.github.fairsynth.exec.ProgressListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * How many applicant-steps per second does the admissions engine run? One operation is a whole run;
 * the score is converted with the run's applicant-steps (secondary metric printed at setup). Shapes: 10⁶
 * applicants × 10 steps (one environment, fixed jury), 20 applicants × 10⁴ environments × 10 steps (fixed
 * jury), and each learning jury on one environment × 20 applicants × 10⁴ steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class AdmissionsBench {
    @Param({"big-step", "many-envs", "static", "continuous", "robust"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private AdmissionsParams params;
    private JurySettings jury;
    private int envs;
    private long steps;

    @Setup
    public void setup() {
        AdmissionsParams.Builder b = AdmissionsParams.builder();
        switch (shape) {
            case "big-step":
                b.numApplicants(1_000_000);
                envs = 1;
                steps = 10;
                jury = new JurySettings(JurySettings.Kind.FIXED, 0.8, 0, false, 0.7, 10, 0.02, 0);
                break;
            case "many-envs":
                envs = 10_000;
                steps = 10;
                jury = new JurySettings(JurySettings.Kind.FIXED, 0.8, 0, false, 0.7, 10, 0.02, 0);
                break;
            default:
                envs = 1;
                steps = 10_000;
                jury = new JurySettings(JurySettings.Kind.parse(shape), 0.0, 0, false, 0.7, 10, 0.02, 10);
        }
        params = b.build();
        System.out.printf("%n%s: %,d applicant-steps per operation%n", shape, params.numApplicants() * envs * steps);
    }

    @Benchmark
    public void run(Blackhole bh) throws Exception {
        AdmissionsResult r = new AdmissionsRun(params, jury, 7, envs, steps, threads).run(null, ProgressListener.NONE);
        bh.consume(r.overall().applicants());
    }
}
