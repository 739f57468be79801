package io.github.fairsynth.exec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderedPipelineTest {

    @Test
    void resultsArriveInOrderWhateverTheThreads() throws Exception {
        for (int threads : new int[] {1, 2, 3, 8}) {
            List<Long> seen = new ArrayList<>();
            OrderedPipeline.run(5, 205, threads, () -> new long[1], (i, ws) -> {
                ws[0]++;
                if (i % 7 == 0) {
                    Thread.sleep(1); // finish out of order
                }
                return i * i;
            }, (i, r) -> {
                assertEquals(i * i, r);
                seen.add(i);
            });
            assertEquals(200, seen.size());
            for (int k = 0; k < 200; k++) {
                assertEquals(5 + k, seen.get(k));
            }
        }
    }

    @Test
    void overlappedRunKeepsTheOrderAndRunsEvenOneWorkerBesideTheSink() throws Exception {
        Thread caller = Thread.currentThread();
        for (int threads : new int[] {1, 2}) {
            List<Long> seen = new ArrayList<>();
            OrderedPipeline.runOverlapped(0, 50, threads, Object::new, (i, ws) -> {
                if (Thread.currentThread() == caller) {
                    throw new IllegalStateException("task " + i + " ran on the calling thread");
                }
                return i;
            }, (i, r) -> {
                assertEquals(caller, Thread.currentThread());
                assertEquals(i, r);
                seen.add(i);
            });
            assertEquals(50, seen.size());
            for (int k = 0; k < 50; k++) {
                assertEquals(k, seen.get(k));
            }
        }
    }

    @Test
    void taskFailureIsRethrown() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                OrderedPipeline.run(0, 100, 2, Object::new, (i, ws) -> {
                    if (i == 40) {
                        throw new IllegalStateException("boom at " + i);
                    }
                    return i;
                }, (i, r) -> { }));
        assertEquals("boom at 40", e.getMessage());
    }
}
