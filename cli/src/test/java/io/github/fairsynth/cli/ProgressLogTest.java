package io.github.fairsynth.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressLogTest {
    private static final long S = 1_000_000_000L;

    /** A fake clock the test moves, and the lines the log printed. */
    private long now;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressLog log = new ProgressLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    @Test
    void aShortRunPrintsNothing() {
        for (int i = 1; i <= 100; i++) {
            now = i * S / 20; // five seconds in all
            log.progress("scan", i, 100);
        }
        for (int i = 1; i <= 100; i++) {
            now = 5 * S + i * S / 40;
            log.progress("generate", i, 100);
        }
        assertEquals(List.of(), lines());
    }

    @Test
    void aLongRunPrintsAfterTenSecondsThenEveryThirtyAndWhenAShownPhaseEnds() {
        long total = 10_000_000_000L;
        // scan: 1% a second, so 100 s; then generate: 2% a second, 50 s
        for (int t = 1; t <= 100; t++) {
            now = t * S;
            log.progress("scan", total / 100 * t, total);
        }
        for (int t = 1; t <= 50; t++) {
            now = (100 + t) * S;
            log.progress("generate", total / 50 * t, total);
        }
        assertEquals(List.of(
                "fairsynth: scan 10.0% (1,000,000,000 of 10,000,000,000) after 10 s, about 1 min 30 s left",
                "fairsynth: scan 40.0% (4,000,000,000 of 10,000,000,000) after 40 s, about 1 min 0 s left",
                "fairsynth: scan 70.0% (7,000,000,000 of 10,000,000,000) after 1 min 10 s, about 30 s left",
                "fairsynth: scan 100.0% (10,000,000,000 of 10,000,000,000) after 1 min 40 s",
                "fairsynth: generate 60.0% (6,000,000,000 of 10,000,000,000) after 2 min 10 s, about 20 s left",
                "fairsynth: generate 100.0% (10,000,000,000 of 10,000,000,000) after 2 min 30 s"), lines());
    }

    @Test
    void durationsReadAsSecondsMinutesAndHours() {
        assertEquals("0 s", ProgressLog.duration(0));
        assertEquals("59 s", ProgressLog.duration(59 * S));
        assertEquals("7 min 43 s", ProgressLog.duration(463 * S));
        assertEquals("2 h 05 min", ProgressLog.duration((2 * 3600 + 5 * 60 + 12) * S));
    }
}
