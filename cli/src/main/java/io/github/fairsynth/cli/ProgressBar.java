package io.github.fairsynth.cli;

import io.github.fairsynth.exec.ProgressListener;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn at most five times a second, on a terminal (not under
 * {@code CI}); elsewhere progress goes to stderr as a line now and then ({@link ProgressLog}); nothing with
 * {@code --quiet}.
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastDraw;
    private String lastPhase;
    private boolean drawn;

    private ProgressBar(PrintStream out) {
        this.out = out;
    }

    /**
     * @param quiet the user's --quiet
     * @return a bar on a terminal, progress lines elsewhere, nothing when quiet
     */
    static ProgressListener create(boolean quiet) {
        if (quiet) {
            return ProgressListener.NONE;
        }
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return terminal ? new ProgressBar(System.err) : new ProgressLog(System.err, System::nanoTime);
    }

    @Override
    public void progress(String phase, long done, long total) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!finished && phase.equals(lastPhase) && now - lastDraw < 200_000_000L) {
            return;
        }
        if (!finished && now - started < 500_000_000L) {
            return; // short runs show no bar at all
        }
        lastDraw = now;
        lastPhase = phase;
        double frac = total == 0 ? 1 : (double) done / total;
        int fill = (int) (frac * WIDTH);
        double secs = (now - started) / 1e9;
        StringBuilder sb = new StringBuilder("\r[");
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < fill ? '#' : ' ');
        }
        sb.append(String.format("] %5.1f%% %-8s %,d/%,d rows  %.1fs", 100 * frac, phase, done, total, secs));
        out.print(sb);
        drawn = true;
        if (finished) {
            out.print("\r" + " ".repeat(sb.length()) + "\r");
        }
        out.flush();
    }

    /** @return whether anything was drawn */
    boolean drawn() {
        return drawn;
    }
}
