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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * How fast does one core generate whole rows in memory (all columns: features, groups, labels, noise,
 * aggregates, scaling), and how does that compare with only writing the same bytes (the memory limit)?
 * Scores are per row (ops = rows).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GeneratorBlockBench {
    @Param({"paper", "wide"})
    public String config;

    @Param({"scalar", "panama"})
    public String kernels;

    private SynthGenerator generator;
    private SynthBlock block;
    private LabelRanges ranges;
    private long b;
    private long blocks;
    private double[] fillTarget;

    @Setup
    public void setup() throws Exception {
        SynthSpec spec = SynthConfigs.spec(config, 64L * SynthBlock.ROWS);
        Kernels k = SynthConfigs.kernels(kernels);
        generator = new SynthGenerator(spec, k);
        block = new SynthBlock(spec);
        blocks = generator.blockCount();
        ranges = SynthConfigs.ranges(spec);
        int doublesPerRow = SynthConfigs.doublesPerRow(spec);
        fillTarget = new double[doublesPerRow * SynthBlock.ROWS];
    }

    /** Whole rows, raw and then scaled: what a generation run does per block. */
    @Benchmark
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void rows(Blackhole bh) {
        generator.fill(b, block);
        ranges.scale(block);
        bh.consume(block);
        b = (b + 1) % blocks;
    }

    /** The machine's limit: writing the same bytes per row with Arrays.fill. */
    @Benchmark
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void memoryFill(Blackhole bh) {
        Arrays.fill(fillTarget, (double) b);
        bh.consume(fillTarget);
        b = (b + 1) % blocks;
    }
}
