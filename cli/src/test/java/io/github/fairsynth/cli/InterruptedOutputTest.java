package io.github.fairsynth.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run that is killed, or that fills the disk, leaves nothing under the target name. */
class InterruptedOutputTest {
    @TempDir
    Path dir;


    /** Starts the tool in a JVM of its own on 10^8 rows and waits until it writes its hidden temporary. */
    private Process startLongRun(String out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "generate", "--quiet", "--rows", "100000000", "--no-scale", "--out", out)
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (TestFiles.names(dir).stream().noneMatch(n -> n.contains(".tmp-"))) {
            assertTrue(p.isAlive(), "the run ended early: " + Files.readString(dir.resolve("log.txt")));
            assertTrue(System.nanoTime() < until, "no temporary file after 60 s");
            Thread.sleep(20);
        }
        Thread.sleep(300); // some row groups written
        return p;
    }

    @Test
    void killedRunsLeaveNoFileAndNoDatasetUnderTheTargetName() throws Exception {
        for (String out : List.of("x.parquet", "ds/")) {
            Path target = dir.resolve(out);
            // SIGKILL: no clean-up can run; the hidden temporary stays, the target name stays free
            Process killed = startLongRun(target.toString() + (out.endsWith("/") ? "/" : ""));
            killed.destroyForcibly();
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(target), out + " after SIGKILL");
            // SIGTERM (and Ctrl-C): the shutdown hook removes the temporary too
            Process stopped = startLongRun(target.toString() + (out.endsWith("/") ? "/" : ""));
            stopped.destroy();
            assertTrue(stopped.waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(target), out + " after SIGTERM");
            List<String> left = TestFiles.names(dir);
            assertEquals(2, left.size(), "the log and the SIGKILLed run's temporary only: " + left);
            for (String n : left) {
                if (n.contains(".tmp-")) {
                    TestFiles.deleteTree(dir.resolve(n));
                }
            }
        }
    }

    @Test
    void aFullDiskGivesOneClearLineAndLeavesNothing() throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectory(small);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "a 2 MB tmpfs needs root (mount); CI runs as root");
        // through the page cache (this small run's way) and past it (a large run's way)
        try {
            for (String direct : List.of("auto", "true")) {
                System.setProperty("fairsynth.io.direct", direct);
                for (String out : List.of("x.parquet", "x.npy", "x.npz", "ds/")) {
                    // past the check before the first row, to the disk filling during the run
                    CliRunner r = CliRunner.run("generate", "--quiet", "--no-space-check", "--rows", "200000",
                            "--out", small.resolve(out) + (out.endsWith("/") ? "/" : ""));
                    assertEquals(1, r.code, r.err);
                    String err = r.err.strip();
                    assertEquals(1, err.lines().count(), err);
                    assertTrue(err.contains("the disk is full") && err.contains("nothing was left under that name"), err);
                    assertFalse(err.contains("Exception"), err);
                    assertEquals(List.of(), TestFiles.names(small), direct + " " + out);
                }
            }
            System.clearProperty("fairsynth.io.direct");
            // with the check: a .npy refused before its first row; Parquet warned about, then failing as above
            CliRunner npy = CliRunner.run("generate", "--quiet", "--rows", "200000", "--out", small.resolve("x.npy").toString());
            assertEquals(2, npy.code, npy.err);
            assertEquals(1, npy.err.strip().lines().count(), npy.err);
            assertTrue(npy.err.contains("invalid out = ") && npy.err.contains("the run writes at least 59.2 MB"), npy.err);
            CliRunner parquet = CliRunner.run("generate", "--quiet", "--rows", "200000", "--out", small.resolve("x.parquet").toString());
            assertEquals(1, parquet.code, parquet.err);
            List<String> lines = parquet.err.strip().lines().collect(java.util.stream.Collectors.toList());
            assertEquals(2, lines.size(), parquet.err);
            assertTrue(lines.get(0).startsWith("fairsynth generate: warning: the run writes about "), parquet.err);
            assertTrue(lines.get(1).contains("the disk is full"), parquet.err);
            assertEquals(List.of(), TestFiles.names(small));
        } finally {
            System.clearProperty("fairsynth.io.direct");
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }
}
