package io.github.fairsynth.io;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy output, no dependencies.
 *
 * <ul>
 *   <li>{@code .npy}: one little-endian float64 matrix, rows × columns in C order, all columns in the CSV's
 *       order (group indicators as 0.0/1.0), plus a sidecar {@code <name>.columns.json} with the column
 *       names: {@code pd.DataFrame(np.load(f), columns=json.load(open(sidecar)))}.</li>
 *   <li>{@code .npz}: a zip (stored, as {@code numpy.savez}) of one array per column, named by column:
 *       float64 for features and labels, uint8 for group indicators: {@code pd.DataFrame(dict(np.load(f)))}.
 *       Columns are streamed to hidden temporary files beside the target, then zipped.</li>
 * </ul>
 * Both are written atomically, and blocks are encoded on the worker threads.
 */
public final class SynthNpyWriter {
    private SynthNpyWriter() {
    }

    /**
     * @param target a {@code .npy} path
     * @return its column-name sidecar: the name without {@code .npy}, plus {@code .columns.json}
     */
    public static Path sidecar(Path target) {
        String name = target.getFileName().toString();
        String base = name.toLowerCase().endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return target.resolveSibling(base + ".columns.json");
    }

    /**
     * Writes the {@code .npy} matrix and its column-name sidecar.
     *
     * @param job      the run
     * @param target   the {@code .npy} file
     * @param progress progress
     * @throws Exception on failure (no file is left at the target)
     */
    public static void writeNpy(SynthJob job, Path target, ProgressListener progress) throws Exception {
        SynthSpec spec = job.spec();
        List<String> names = SynthColumns.names(spec);
        AtomicFile.write(target, out -> {
            out.write(NpyHeader.of("<f8", job.limit(), names.size()));
            job.run((block, from, to) -> rowMajor(spec, block, from, to), (b, bytes) -> out.write(bytes), progress);
        });
        AtomicFile.write(sidecar(target), out -> out.write(jsonNames(names).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] rowMajor(SynthSpec spec, SynthBlock block, int from, int to) {
        int dim = spec.dim();
        int groups = spec.dropSensitive() ? 0 : spec.groups();
        int labels = SynthColumns.labelCount(spec);
        int cols = dim + groups + labels;
        ByteBuffer bb = ByteBuffer.allocate((to - from) * cols * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = from; r < to; r++) {
            for (int j = 0; j < dim; j++) {
                bb.putDouble(block.x(j, r));
            }
            for (int g = 0; g < groups; g++) {
                bb.putDouble(isActive(spec, block, g, r) ? 1.0 : 0.0);
            }
            for (int c = 0; c < labels; c++) {
                bb.putDouble(block.label(c, r));
            }
        }
        return bb.array();
    }

    private static boolean isActive(SynthSpec spec, SynthBlock block, int g, int r) {
        for (int a = 0; a < spec.attributeCount(); a++) {
            if (block.group(a, r) == g) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the {@code .npz} archive of one array per column.
     *
     * @param job      the run
     * @param target   the {@code .npz} file
     * @param progress progress
     * @throws Exception on failure (no file is left at the target, and the column files are removed)
     */
    public static void writeNpz(SynthJob job, Path target, ProgressListener progress) throws Exception {
        SynthSpec spec = job.spec();
        List<String> names = SynthColumns.names(spec);
        int dim = spec.dim();
        int groups = spec.dropSensitive() ? 0 : spec.groups();
        List<Path> parts = new ArrayList<>();
        List<OutputStream> outs = new ArrayList<>();
        CRC32[] crcs = new CRC32[names.size()];
        long[] sizes = new long[names.size()];
        Path abs = target.toAbsolutePath();
        try {
            for (int c = 0; c < names.size(); c++) {
                boolean indicator = c >= dim && c < dim + groups;
                Path part = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".col" + c + "-", ".npy");
                parts.add(part);
                OutputStream o = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
                outs.add(o);
                crcs[c] = new CRC32();
                byte[] header = NpyHeader.of(indicator ? "|u1" : "<f8", job.limit());
                o.write(header);
                crcs[c].update(header);
                sizes[c] = header.length;
            }
            job.run((block, from, to) -> columns(spec, block, from, to), (b, cols) -> {
                for (int c = 0; c < cols.length; c++) {
                    outs.get(c).write(cols[c]);
                    crcs[c].update(cols[c]);
                    sizes[c] += cols[c].length;
                }
            }, progress);
            for (OutputStream o : outs) {
                o.close();
            }
            outs.clear();
            AtomicFile.write(target, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                for (int c = 0; c < names.size(); c++) {
                    ZipEntry e = new ZipEntry(names.get(c) + ".npy");
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(sizes[c]);
                    e.setCompressedSize(sizes[c]);
                    e.setCrc(crcs[c].getValue());
                    zip.putNextEntry(e);
                    try (InputStream in = Files.newInputStream(parts.get(c))) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
                zip.finish();
            });
        } finally {
            for (OutputStream o : outs) {
                try {
                    o.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static byte[][] columns(SynthSpec spec, SynthBlock block, int from, int to) {
        int dim = spec.dim();
        int groups = spec.dropSensitive() ? 0 : spec.groups();
        int labels = SynthColumns.labelCount(spec);
        int n = to - from;
        byte[][] cols = new byte[dim + groups + labels][];
        int c = 0;
        for (int j = 0; j < dim; j++) {
            ByteBuffer bb = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = from; r < to; r++) {
                bb.putDouble(block.x(j, r));
            }
            cols[c++] = bb.array();
        }
        for (int g = 0; g < groups; g++) {
            byte[] v = new byte[n];
            for (int r = from; r < to; r++) {
                v[r - from] = (byte) (isActive(spec, block, g, r) ? 1 : 0);
            }
            cols[c++] = v;
        }
        for (int l = 0; l < labels; l++) {
            ByteBuffer bb = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = from; r < to; r++) {
                bb.putDouble(block.label(l, r));
            }
            cols[c++] = bb.array();
        }
        return cols;
    }

    /**
     * @param names column names
     * @return a JSON array of the names
     */
    static String jsonNames(List<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"');
            for (char ch : names.get(i).toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    sb.append('\\').append(ch);
                } else if (ch < 0x20) {
                    sb.append(String.format("\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            sb.append('"');
        }
        return sb.append("]\n").toString();
    }
}
