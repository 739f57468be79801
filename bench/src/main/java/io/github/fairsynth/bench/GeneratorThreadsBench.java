package io.github.fairsynth.bench;

import io.github.fairsynth.simd.Kernels;
import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthBlock;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Does the generator scale from one thread to all cores, and is it bandwidth-bound? Whole rows (Vector API
 * kernels, as {@link GeneratorBlockBench#rows}) on 1 thread and on every core, each thread on its own
 * blocks; beside them the machine's limits for the same bytes per row: a fill of an L2-sized buffer, and a
 * fill that walks a 256 MiB buffer per thread (so every byte goes to DRAM). JMH sums the threads'
 * throughputs: scores are rows per microsecond over all threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GeneratorThreadsBench {
    private static final int DRAM_BYTES = 256 << 20;

    @Param({"paper", "wide"})
    public String config;

    private SynthGenerator generator;
    private SynthBlock block;
    private LabelRanges ranges;
    private long b;
    private long blocks;
    private double[] cacheFill;
    private double[] dramFill;
    private int dramAt;

    @Setup
    public void setup() throws Exception {
        SynthSpec spec = SynthConfigs.spec(config, 64L * SynthBlock.ROWS);
        Kernels k = SynthConfigs.kernels("panama");
        generator = new SynthGenerator(spec, k);
        block = new SynthBlock(spec);
        blocks = generator.blockCount();
        ranges = SynthConfigs.ranges(spec);
        int doublesPerRow = SynthConfigs.doublesPerRow(spec);
        cacheFill = new double[doublesPerRow * SynthBlock.ROWS];
        int per = cacheFill.length;
        dramFill = new double[Math.max(1, DRAM_BYTES / 8 / per) * per];
    }

    private void rows(Blackhole bh) {
        generator.fill(b, block);
        ranges.scale(block);
        bh.consume(block);
        b = (b + 1) % blocks;
    }

    private void cacheFill(Blackhole bh) {
        Arrays.fill(cacheFill, (double) b);
        bh.consume(cacheFill);
        b++;
    }

    private void dramFill(Blackhole bh) {
        int n = cacheFill.length;
        Arrays.fill(dramFill, dramAt, dramAt + n, (double) b);
        bh.consume(dramFill);
        dramAt = dramAt + n == dramFill.length ? 0 : dramAt + n;
        b++;
    }

    /** Whole rows, one thread. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void rows1(Blackhole bh) {
        rows(bh);
    }

    /** Whole rows, one thread per core. */
    @Benchmark
    @Threads(Threads.MAX)
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void rowsAll(Blackhole bh) {
        rows(bh);
    }

    /** The same bytes into an L2-sized buffer, one thread. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void cacheFill1(Blackhole bh) {
        cacheFill(bh);
    }

    /** The same bytes into an L2-sized buffer, one thread per core. */
    @Benchmark
    @Threads(Threads.MAX)
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void cacheFillAll(Blackhole bh) {
        cacheFill(bh);
    }

    /** The same bytes into DRAM (a 256 MiB buffer walked block by block), one thread. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void dramFill1(Blackhole bh) {
        dramFill(bh);
    }

    /** The same bytes into DRAM, one thread per core. */
    @Benchmark
    @Threads(Threads.MAX)
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void dramFillAll(Blackhole bh) {
        dramFill(bh);
    }
}
