package io.github.fairsynth.bench;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.io.SynthNpyWriter;
import io.github.fairsynth.parquet.SynthParquetWriter;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import io.github.fairsynth.parquet.ParquetCompression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How fast does each writer turn generated rows into a file, against CSV? A whole {@code generate}
 * run (paper configuration, unscaled so there is one pass) of {@value #ROWS} rows to a file per
 * invocation; scores are rows per second. The file's bytes per row are printed at setup (MB/s =
 * rows/s × bytes/row), and {@code none} generates the same rows without writing, the run's own floor.
 * The forks run with {@code jdk.incubator.vector}, as the {@code fairsynth} launcher does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "--add-modules=jdk.incubator.vector"})
public class WriterBench {
    static final int ROWS = 200_000;

    @Param({"none", "csv", "parquet", "npy", "npz"})
    public String format;

    @Param({"1", "2"})
    public int threads;

    private SynthSpec spec;
    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        spec = SynthConfigs.spec("paper", ROWS).toBuilder().scale(false).build();
        dir = Files.createTempDirectory("fairsynth-writer-bench");
        file = dir.resolve("out." + format);
        write();
        if (!format.equals("none")) {
            System.out.printf("%n%s: %.1f bytes per row%n", format, (double) Files.size(file) / ROWS);
        }
    }

    @TearDown(Level.Trial)
    public void teardown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private long write() throws Exception {
        SynthJob job = SynthJob.full(spec, threads);
        switch (format) {
            case "none":
                long[] n = {0};
                job.run((block, from, to) -> to - from, (b, rows) -> n[0] += rows, ProgressListener.NONE);
                return n[0];
            case "csv":
                SynthCsvWriter.write(job, file, ProgressListener.NONE);
                break;
            case "parquet":
                SynthParquetWriter.write(job, file, ParquetCompression.DEFAULT, Map.of(), ProgressListener.NONE);
                break;
            case "npy":
                SynthNpyWriter.writeNpy(job, file, ProgressListener.NONE);
                break;
            case "npz":
                SynthNpyWriter.writeNpz(job, file, ProgressListener.NONE);
                break;
            default:
                throw new IllegalArgumentException(format);
        }
        return Files.size(file);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void writeRows(Blackhole bh) throws Exception {
        bh.consume(write());
    }
}
