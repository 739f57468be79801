package io.github.fairsynth.io;

import io.github.fairsynth.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void failureLeavesNoFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("out.csv");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[1000]);
            throw new IllegalStateException("fail half way");
        }));
        assertFalse(Files.exists(target));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void failureKeepsAnOlderFileIntact() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void successReplaces() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        AtomicFile.write(target, out -> out.write("new".getBytes()));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void unwritablePathsAreConfigErrors() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AtomicFile.checkWritable("out", dir.resolve("missing/out.csv")));
        assertEquals("out", e.parameter());
        assertThrows(ConfigException.class, () -> AtomicFile.checkWritable("out", dir));
    }
}
