package io.github.fairsynth.bench;

import io.github.fairsynth.rng.RngStreams;
import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;
import io.github.fairsynth.rng.ZigguratNormals;
import io.github.fairsynth.simd.Kernels;
import io.github.fairsynth.simd.ScalarKernels;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * How fast are the RNG kernels, against the machine's own limits measured in the same run? Scores are
 * nanoseconds per value (average time, ops = values): a raw xoshiro256++ long, a memory fill of the same
 * bytes, the 4-lane uniform fill (scalar and Vector API), normals (Commons ziggurat over a scalar stream
 * and over the 4-lane stream's bits) and categorical draws.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class RngBench {
    static final int N = 4096 * 8;

    private final double[] out = new double[N];
    private final long[] bits = new long[N];
    private final int[] levels = new int[N];
    private Xoshiro256PlusPlusX4 lanes;
    private Kernels panama;
    private UniformRandomProvider scalar;
    private ZigguratSampler.NormalizedGaussian ziggurat;
    private ZigguratNormals zigguratBulk;
    private final double[] cum = {0.5, 0.8};

    @Setup
    public void setup() {
        lanes = new Xoshiro256PlusPlusX4(21);
        panama = Kernels.Holder.panama();
        if (panama == null) {
            throw new IllegalStateException("Vector API kernels unavailable");
        }
        scalar = RngStreams.scalar(21, 3, 0);
        ziggurat = ZigguratSampler.NormalizedGaussian.of(scalar);
        zigguratBulk = new ZigguratNormals(RngStreams.key(21, 3, 0));
    }

    /** The machine's memory limit for these bytes. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void memoryFill(Blackhole bh) {
        Arrays.fill(out, 0.5);
        bh.consume(out);
    }

    /** Raw 64-bit outputs of the four lanes (no conversion to doubles). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void rawXoshiroLongs(Blackhole bh) {
        lanes.fillLongs(bits, 0, N);
        bh.consume(bits);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void uniformScalar(Blackhole bh) {
        ScalarKernels.INSTANCE.fillUniform(lanes, out, 0, N, -1, 2);
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void uniformPanama(Blackhole bh) {
        panama.fillUniform(lanes, out, 0, N, -1, 2);
        bh.consume(out);
    }

    /** The generator's label noise: Commons RNG's ziggurat over a scalar xoshiro256++. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void normalZiggurat(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            out[i] = ziggurat.sample();
        }
        bh.consume(out);
    }

    /**
     * The same normals in bulk ({@link ZigguratNormals}: the fast path with the stream's state in locals,
     * Commons' own code for the edge draws), added to the output as the generator adds its label noise.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public void normalZigguratBulk(Blackhole bh) {
        zigguratBulk.addScaled(out, 0, N, 1.0);
        bh.consume(out);
    }

    /**
     * The admissions normals (contract version 2): the 4-lane stream's bits, Commons' ziggurat fast path
     * over them ({@link ZigguratNormals#fromBits}), then the edge draws of the values it marked.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public void normalZigguratFromBits(Blackhole bh) {
        panama.fillLongs(lanes, bits, 0, N);
        ZigguratNormals.fromBits(bits, 0, N, out, 0);
        for (int i = 0; i < N; i++) {
            if (out[i] != out[i]) {
                out[i] = zigguratBulk.edge(bits[i]);
            }
        }
        bh.consume(out);
    }

    /** Level draws as the generator makes them: uniforms, then a branch-free count over cumulative sums. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void categorical(Blackhole bh) {
        panama.fillUniform(lanes, out, 0, N, 0, 1);
        for (int i = 0; i < N; i++) {
            double u = out[i];
            levels[i] = (u >= cum[0] ? 1 : 0) + (u >= cum[1] ? 1 : 0);
        }
        bh.consume(levels);
    }
}
