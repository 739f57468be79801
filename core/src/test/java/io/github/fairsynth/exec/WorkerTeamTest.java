package io.github.fairsynth.exec;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerTeamTest {

    /** A workspace that notices when two threads use it at once. */
    private static final class Space {
        volatile Thread user;
        long work;
    }

    @Test
    void everyIndexRunsOnceInEveryLoopAndNoWorkspaceIsShared() throws Exception {
        for (int threads : new int[] {1, 2, 3, 8}) {
            Set<Space> made = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
            Space own = new Space();
            try (WorkerTeam<Space> team = new WorkerTeam<>(threads, own, () -> {
                Space s = new Space();
                made.add(s);
                return s;
            })) {
                assertEquals(threads, team.threads());
                assertSame(own, team.own());
                assertEquals(threads - 1, made.size(), "one workspace per helper, made once");
                for (int n : new int[] {0, 1, 2, 7, 300}) {
                    for (int loop = 0; loop < 20; loop++) {
                        AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(n, 1));
                        team.forEach(n, (i, ws) -> {
                            assertTrue(ws == own || made.contains(ws), "a workspace of the team");
                            Thread me = Thread.currentThread();
                            assertTrue(ws.user == null, "workspace in use by " + ws.user);
                            ws.user = me;
                            for (int k = 0; k < 1000 * (i % 5); k++) {
                                ws.work += k; // uneven work, so threads overtake each other
                            }
                            runs.incrementAndGet(i);
                            ws.user = null;
                        });
                        for (int i = 0; i < n; i++) {
                            assertEquals(1, runs.get(i), "index " + i + " of " + n + ", " + threads + " threads");
                        }
                    }
                }
                assertEquals(threads - 1, made.size(), "no workspace made after the start");
            }
        }
    }

    @Test
    void oneThreadRunsOnTheCaller() throws Exception {
        Thread caller = Thread.currentThread();
        try (WorkerTeam<Object> team = new WorkerTeam<>(1, new Object(), Object::new)) {
            team.forEach(10, (i, ws) -> assertSame(caller, Thread.currentThread()));
        }
    }

    @Test
    void aFailureOnAnyThreadIsRethrownAndTheTeamStaysUsable() throws Exception {
        try (WorkerTeam<Object> team = new WorkerTeam<>(2, new Object(), Object::new)) {
            for (int bad : new int[] {0, 57, 199}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                        team.forEach(200, (i, ws) -> {
                            if (i == bad) {
                                throw new IllegalStateException("index " + i);
                            }
                        }));
                assertEquals("index " + bad, e.getMessage());
                AtomicIntegerArray runs = new AtomicIntegerArray(50);
                team.forEach(50, (i, ws) -> runs.incrementAndGet(i));
                for (int i = 0; i < 50; i++) {
                    assertEquals(1, runs.get(i));
                }
            }
        }
    }

    @Test
    void badThreadCountIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkerTeam<>(0, new Object(), Object::new));
        assertTrue(e.getMessage().contains("threads = 0"), e.getMessage());
    }
}
