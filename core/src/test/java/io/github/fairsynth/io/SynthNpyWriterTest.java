package io.github.fairsynth.io;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SynthNpyWriterTest {
    @TempDir
    Path dir;

    private static final SynthSpec SPEC = SynthSpec.builder().samples(10_000).dim(3).build();

    /** The members' names and bytes, as java.util.zip reads them (CRCs checked on the way). */
    private static List<Object[]> members(Path npz) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(npz.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                assertEquals(ZipEntry.STORED, e.getMethod());
                out.add(new Object[] {e.getName(), z.getInputStream(e).readAllBytes()});
            }
        }
        return out;
    }

    @Test
    void npzMembersAreTheColumnsAndTheBytesDoNotDependOnThreads() throws Exception {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        SynthNpyWriter.writeNpz(SynthJob.full(SPEC, 1), a, ProgressListener.NONE);
        SynthNpyWriter.writeNpz(SynthJob.full(SPEC, 3), b, ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Path npy = dir.resolve("m.npy");
        SynthNpyWriter.writeNpy(SynthJob.full(SPEC, 2), npy, ProgressListener.NONE);
        byte[] matrix = Files.readAllBytes(npy);
        int header = NpyHeader.of("<f8", SPEC.samples(), 1).length;
        List<String> names = SynthColumns.names(SPEC);
        List<Object[]> m = members(a);
        assertEquals(names.size(), m.size());
        ByteBuffer mat = ByteBuffer.wrap(matrix).order(ByteOrder.LITTLE_ENDIAN);
        int cols = names.size();
        for (int c = 0; c < cols; c++) {
            assertEquals(names.get(c) + ".npy", m.get(c)[0]);
            byte[] col = (byte[]) m.get(c)[1];
            boolean indicator = names.get(c).startsWith("g_");
            ByteBuffer v = ByteBuffer.wrap(col).order(ByteOrder.LITTLE_ENDIAN);
            int h = NpyHeader.of(indicator ? "|u1" : "<f8", SPEC.samples()).length;
            for (int r = 0; r < SPEC.samples(); r += 97) {
                double fromMatrix = mat.getDouble(header + (r * cols + c) * 8);
                double fromMember = indicator ? col[h + r] : v.getDouble(h + r * 8);
                assertEquals(fromMatrix, fromMember, 0.0);
            }
        }
    }

    @Test
    void zip64RecordsHoldTheSameMembers() throws Exception {
        Path plain = dir.resolve("plain.npz");
        Path z64 = dir.resolve("z64.npz");
        SynthNpyWriter.writeNpz(SynthJob.full(SPEC, 2), plain, ProgressListener.NONE);
        SynthNpyWriter.writeNpz(SynthJob.full(SPEC, 2), z64, ProgressListener.NONE, 0);
        List<Object[]> p = members(plain);
        List<Object[]> z = members(z64);
        assertEquals(p.size(), z.size());
        for (int i = 0; i < p.size(); i++) {
            assertEquals(p.get(i)[0], z.get(i)[0]);
            assertArrayEquals((byte[]) p.get(i)[1], (byte[]) z.get(i)[1]);
        }
    }
}
