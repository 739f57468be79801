package io.github.fairsynth.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * How fast does this core's clock run while the benchmarks run? A chain of dependent double additions
 * takes one addition's latency per step (3 cycles on AMD Zen 1 to Zen 4 and on Intel cores since Skylake:
 * 4), and Java may not reorder floating-point additions, so nanoseconds per step give the clock:
 * GHz = latency / (ns per step). The results' cycle counts (a kernel's time against its arithmetic or
 * shift-pipe bound) use this measured clock instead of the nominal one the VM reports.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ClockBench {
    static final int N = 4096;

    /** Read each call, so that the chain cannot be computed ahead. */
    public double step = 1e-300;
    public double start = 1.0;

    /** {@value #N} dependent additions: one addition's latency each. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void dependentAdds(Blackhole bh) {
        double s = start;
        double e = step;
        for (int i = 0; i < N; i++) {
            s = s + e;
        }
        bh.consume(s);
    }

    /**
     * A cross-check with integer operations, {@value #N} steps of {@code x = (x << 1) ^ (x >>> 3)}: the two
     * shifts of a step run side by side, then the XOR, so a step takes two cycles (one per operation, on
     * every x86-64 core).
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public void dependentShiftXors(Blackhole bh) {
        long x = Double.doubleToRawLongBits(start) | 1;
        for (int i = 0; i < N; i++) {
            x = (x << 1) ^ (x >>> 3);
        }
        bh.consume(x);
    }
}
