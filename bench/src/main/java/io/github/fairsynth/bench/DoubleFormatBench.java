package io.github.fairsynth.bench;

import io.github.fairsynth.io.DoubleFormat;
import io.github.fairsynth.simd.ScalarKernels;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthGenerator;
import io.github.fairsynth.synth.SynthSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * How long does the CSV writer's shortest round-trip text of one double take, against the running JDK's
 * own {@code Double.toString} into the same kind of byte buffer? Scores are nanoseconds per double over
 * {@value #N} values of the kind a dataset holds: {@code features} uniform on [-1, 1] (17 significant
 * digits mostly), {@code labels} min-max scaled on [0, 1], {@code wide} magnitudes 10^-12 to 10^12 (the
 * exponent notation too), {@code rows} the values of generated paper-configuration rows (unscaled, as
 * {@link WriterBench} writes them) in the order a CSV line holds them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DoubleFormatBench {
    static final int N = 1 << 16;

    @Param({"features", "labels", "wide", "rows"})
    public String values;

    private final double[] v = new double[N];
    private final byte[] buf = new byte[N * (DoubleFormat.MAX_CHARS + 1)];

    @Setup
    public void setup() {
        if (values.equals("rows")) {
            rows();
            return;
        }
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < N; i++) {
            switch (values) {
                case "features":
                    v[i] = r.nextDouble(-1, 1);
                    break;
                case "labels":
                    v[i] = r.nextDouble();
                    break;
                case "wide":
                    v[i] = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(-12, 13));
                    break;
                default:
                    throw new IllegalArgumentException(values);
            }
        }
    }

    /** Fills {@code v} with whole CSV rows of the paper configuration: features, then labels. */
    private void rows() {
        SynthSpec spec = SynthConfigs.spec("paper", (long) N).toBuilder().scale(false).build();
        SynthGenerator gen = new SynthGenerator(spec, ScalarKernels.INSTANCE);
        SynthBlock block = new SynthBlock(spec);
        int dim = spec.dim();
        int labels = SynthColumns.labelCount(spec);
        int k = 0;
        for (long b = 0; k < N; b++) {
            gen.fill(b, block);
            for (int r = 0; r < SynthBlock.ROWS && k < N; r++) {
                for (int j = 0; j < dim && k < N; j++) {
                    v[k++] = block.x(j, r);
                }
                for (int c = 0; c < labels && k < N; c++) {
                    v[k++] = block.label(c, r);
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void fairsynth(Blackhole bh) {
        int p = 0;
        for (double d : v) {
            p = DoubleFormat.write(d, buf, p);
            buf[p++] = ',';
        }
        bh.consume(p);
        bh.consume(buf);
    }

    /** The JDK's text (not the same bytes on JDK 17), copied into the buffer as the writer would need it. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void jdkToString(Blackhole bh) {
        int p = 0;
        for (double d : v) {
            byte[] s = Double.toString(d).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(s, 0, buf, p, s.length);
            p += s.length;
            buf[p++] = ',';
        }
        bh.consume(p);
        bh.consume(buf);
    }
}
