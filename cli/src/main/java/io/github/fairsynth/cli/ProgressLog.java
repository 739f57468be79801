package io.github.fairsynth.cli;

import io.github.fairsynth.exec.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as whole lines, for a run whose stderr is no terminal (a batch job's log, a pipe, CI): a line
 * once the run has taken {@link #FIRST} ns, then at most one every {@link #EVERY} ns, and one when a phase
 * that was reported ends. Short runs print nothing.
 *
 * <p>{@code fairsynth: scan 12.3% (1,230,000,000 of 10,000,000,000) after 65 s, about 7 min 43 s left}
 */
final class ProgressLog implements ProgressListener {
    /** The first line waits this long (10 s). */
    static final long FIRST = 10_000_000_000L;
    /** At most one line per this long (30 s) within a phase. */
    static final long EVERY = 30_000_000_000L;

    private final PrintStream out;
    private final LongSupplier clock;
    private final long started;
    private String phase;
    /** The phase's first report: when, and how much was done then (the rate is taken from there). */
    private long phaseStarted;
    private long phaseDone;
    private long lastLine = Long.MIN_VALUE;
    private boolean phaseShown;

    /**
     * @param out   where the lines go
     * @param clock nanoseconds ({@code System::nanoTime}; a fake one in tests)
     */
    ProgressLog(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    @Override
    public void progress(String phase, long done, long total) {
        long now = clock.getAsLong();
        if (!phase.equals(this.phase)) {
            this.phase = phase;
            phaseStarted = now;
            phaseDone = done;
            phaseShown = false;
        }
        boolean finished = done >= total;
        boolean due = now - started >= FIRST && (lastLine == Long.MIN_VALUE || now - lastLine >= EVERY);
        // off schedule, only the end of a phase that has been shown gets its line
        if (!due && !(finished && phaseShown)) {
            return;
        }
        lastLine = now;
        phaseShown = !finished;
        double frac = total <= 0 ? 1 : (double) done / total;
        StringBuilder sb = new StringBuilder("fairsynth: ").append(phase)
                .append(String.format(Locale.ROOT, " %.1f%% (%,d of %,d) after %s", 100 * frac, done, total,
                        duration(now - started)));
        if (!finished && done > phaseDone) {
            double left = (double) (now - phaseStarted) * (total - done) / (done - phaseDone);
            sb.append(", about ").append(duration((long) left)).append(" left");
        }
        out.println(sb);
        out.flush();
    }

    /** @return nanoseconds as {@code 45 s}, {@code 7 min 43 s} or {@code 2 h 05 min} */
    static String duration(long nanos) {
        long s = Math.max(0, Math.round(nanos / 1e9));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
