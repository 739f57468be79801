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

import java.util.concurrent.TimeUnit;

/**
 * Where does a row's time go? Each phase of {@link SynthGenerator#fill} alone, on a block that the setup
 * filled once: features, groups, labels ({@code X·W}), label noise, aggregates, and the min-max scaling a
 * generation run applies afterwards. Scores are per row (ops = rows); the phases add up to about the
 * whole row of {@link GeneratorBlockBench}. Phases that only read and rewrite the block (labels, noise,
 * aggregates, scaling) are simply run again on it: the values drift, the work is the same.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GeneratorPhaseBench {
    @Param({"paper", "wide"})
    public String config;

    /** {@code panama} by default; {@code -p kernels=scalar} times the scalar phases. */
    @Param({"panama"})
    public String kernels;

    private SynthGenerator generator;
    private SynthBlock block;
    private LabelRanges ranges;
    private long b;
    private long blocks;

    @Setup
    public void setup() throws Exception {
        SynthSpec spec = SynthConfigs.spec(config, 64L * SynthBlock.ROWS);
        Kernels k = SynthConfigs.kernels(kernels);
        generator = new SynthGenerator(spec, k);
        block = new SynthBlock(spec);
        blocks = generator.blockCount();
        ranges = SynthConfigs.ranges(spec);
        generator.fill(0, block);
    }

    private long next() {
        b = (b + 1) % blocks;
        return b;
    }

    /** Uniform features ({@code dim} per row). */
    @Benchmark
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void features(Blackhole bh) {
        generator.fillFeatures(next(), block);
        bh.consume(block);
    }

    /** One level per attribute per row. */
    @Benchmark
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void groups(Blackhole bh) {
        generator.fillGroups(next(), block);
        bh.consume(block);
    }

    /** Every group's linear label, {@code X·W}. */
    @Benchmark
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void labels(Blackhole bh) {
        generator.fillLabels(block);
        bh.consume(block);
    }

    /** One normal per group label (Commons RNG's ziggurat, in bulk: {@code ZigguratNormals}). */
    @Benchmark
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void noise(Blackhole bh) {
        generator.addNoise(next(), block);
        bh.consume(block);
    }

    /** The aggregate label columns over active and all groups. */
    @Benchmark
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void aggregates(Blackhole bh) {
        generator.aggregate(block);
        bh.consume(block);
    }

    /** Min-max scaling of every label column. */
    @Benchmark
    @OperationsPerInvocation(SynthBlock.ROWS)
    public void scaling(Blackhole bh) {
        ranges.scaleColumns(block.labelArray());
        bh.consume(block);
    }
}
