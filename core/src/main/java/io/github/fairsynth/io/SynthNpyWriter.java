package io.github.fairsynth.io;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * NumPy output, no dependencies.
 *
 * <ul>
 *   <li>{@code .npy}: one little-endian float64 matrix, rows × columns in C order, all columns in the CSV's
 *       order (group indicators as 0.0/1.0), plus a sidecar {@code <name>.columns.json} with the column
 *       names: {@code pd.DataFrame(np.load(f), columns=json.load(open(sidecar)))}.</li>
 *   <li>{@code .npz}: a zip (stored, as {@code numpy.savez}) of one array per column, named by column:
 *       float64 for features and labels, uint8 for group indicators: {@code pd.DataFrame(dict(np.load(f)))}.
 *       Each member's bytes are written once, at their place in the archive ({@link StoredZip}).</li>
 * </ul>
 * Both are written atomically, and blocks are encoded on the worker threads; a large {@code .npy} is
 * written past the page cache ({@link UnbufferedFileOutput}), and so are a large {@code .npz}'s members
 * ({@link AlignedRegions}).
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
     * @param spec the spec
     * @param rows rows written
     * @return the bytes of the values of that many rows in a {@code .npy} (8 a value): all a file of them
     *         takes but its header, and the fewest a dataset of such files takes
     */
    public static long npyMinBytes(SynthSpec spec, long rows) {
        return FreeSpace.times((long) SynthColumns.names(spec).size() * Double.BYTES, rows);
    }

    /**
     * @param spec the spec
     * @param rows rows written
     * @return the bytes of the values of that many rows in a {@code .npz} (8 a feature or label, 1 an
     *         indicator): all the archive takes but its members' headers and the zip's records
     */
    public static long npzMinBytes(SynthSpec spec, long rows) {
        return FreeSpace.times(new Layout(spec).npzRowBytes(), rows);
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
        Layout layout = new Layout(spec);
        // a block's bytes go back to the workers once written: no block-sized allocation per block
        Queue<byte[]> free = new ConcurrentLinkedQueue<>();
        // past the page cache when the dataset this file is (a part of) is large
        long datasetBytes = npyMinBytes(spec, spec.samples());
        AtomicFile.writeUnbuffered(target, datasetBytes, out -> {
            out.write(NpyHeader.of("<f8", job.limit(), names.size()));
            job.run((block, from, to) -> layout.rowMajor(block, from, to, free.poll()),
                    (b, rows) -> {
                        out.write(rows.bytes, 0, rows.length);
                        free.offer(rows.bytes);
                    }, progress);
        });
        AtomicFile.write(sidecar(target), out -> out.write(jsonNames(names).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes the {@code .npz} archive of one array per column. Every member's place is known before the
     * rows are made (its length follows from the row count), so each block's column bytes are written once,
     * straight to their member.
     *
     * @param job      the run
     * @param target   the {@code .npz} file
     * @param progress progress
     * @throws Exception on failure (no file is left at the target)
     */
    public static void writeNpz(SynthJob job, Path target, ProgressListener progress) throws Exception {
        writeNpz(job, target, progress, 0xFFFFFFFFL);
    }

    /** As {@link #writeNpz(SynthJob, Path, ProgressListener)}, with zip64 records above {@code zip64Above}. */
    static void writeNpz(SynthJob job, Path target, ProgressListener progress, long zip64Above) throws Exception {
        SynthSpec spec = job.spec();
        List<String> names = SynthColumns.names(spec);
        Layout layout = new Layout(spec);
        int cols = names.size();
        byte[][] headers = new byte[cols][];
        String[] members = new String[cols];
        long[] sizes = new long[cols];
        for (int c = 0; c < cols; c++) {
            boolean indicator = layout.isIndicator(c);
            headers[c] = NpyHeader.of(indicator ? "|u1" : "<f8", job.limit());
            members[c] = names.get(c) + ".npy";
            sizes[c] = headers[c].length + job.limit() * layout.npzWidth(c);
        }
        AtomicFile.writeChannel(target, (file, channel) -> {
            try (StoredZip zip = StoredZip.open(channel, file, members, sizes, zip64Above)) {
                writeMembers(job, zip, layout, headers, progress);
            }
        });
    }

    private static void writeMembers(SynthJob job, StoredZip zip, Layout layout, byte[][] headers,
                                     ProgressListener progress) throws Exception {
        int cols = headers.length;
        Queue<byte[]> free = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < cols; c++) {
            zip.append(c, headers[c], 0, headers[c].length);
        }
        job.run((block, from, to) -> layout.columnMajor(block, from, to, free.poll()), (b, block) -> {
            int n = block.rows;
            int at = 0;
            for (int c = 0; c < cols; c++) {
                int len = n * layout.npzWidth(c);
                zip.append(c, block.bytes, at, len);
                at += len;
            }
            free.offer(block.bytes);
        }, progress);
        zip.finish();
    }

    /** Some rows' bytes: the first {@code length} bytes of {@code bytes}. */
    static final class Rows {
        final byte[] bytes;
        final int length;
        final int rows;

        Rows(byte[] bytes, int length, int rows) {
            this.bytes = bytes;
            this.length = length;
            this.rows = rows;
        }
    }

    /** Where each column's values come from, and their bytes in either layout. */
    private static final class Layout {
        private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
        private final int dim;
        private final int indicators;
        private final int labels;
        private final int[] attributeOfGroup;

        Layout(SynthSpec spec) {
            dim = spec.dim();
            indicators = spec.dropSensitive() ? 0 : spec.groups();
            labels = SynthColumns.labelCount(spec);
            attributeOfGroup = spec.attributeOfGroups();
        }

        boolean isIndicator(int c) {
            return c >= dim && c < dim + indicators;
        }

        /** @return the bytes of one value of column {@code c} in a {@code .npz}: 1 for an indicator, else 8 */
        int npzWidth(int c) {
            return isIndicator(c) ? 1 : Double.BYTES;
        }

        /** @return the bytes of one row's values in a {@code .npz}: 8 a feature or label, 1 an indicator */
        long npzRowBytes() {
            return (long) (dim + labels) * Double.BYTES + indicators;
        }

        private static byte[] buffer(byte[] reuse, int need) {
            return reuse != null && reuse.length >= need ? reuse : new byte[need];
        }

        /** The rows as float64, row after row (indicators as 0.0/1.0). */
        Rows rowMajor(SynthBlock block, int from, int to, byte[] reuse) {
            int cols = dim + indicators + labels;
            int n = to - from;
            byte[] b = buffer(reuse, n * cols * Double.BYTES);
            double[] x = block.xArray();
            int[] group = block.groupArray();
            double[] y = block.labelArray();
            int stride = cols * Double.BYTES;
            for (int j = 0; j < dim; j++) {
                int o = j * SynthBlock.ROWS + from;
                for (int r = 0, p = j * Double.BYTES; r < n; r++, p += stride) {
                    DOUBLES.set(b, p, x[o + r]);
                }
            }
            for (int g = 0; g < indicators; g++) {
                int o = attributeOfGroup[g] * SynthBlock.ROWS + from;
                for (int r = 0, p = (dim + g) * Double.BYTES; r < n; r++, p += stride) {
                    DOUBLES.set(b, p, group[o + r] == g ? 1.0 : 0.0);
                }
            }
            for (int c = 0; c < labels; c++) {
                int o = c * SynthBlock.ROWS + from;
                for (int r = 0, p = (dim + indicators + c) * Double.BYTES; r < n; r++, p += stride) {
                    DOUBLES.set(b, p, y[o + r]);
                }
            }
            return new Rows(b, n * stride, n);
        }

        /** The rows column after column: float64 features and labels, uint8 indicators. */
        Rows columnMajor(SynthBlock block, int from, int to, byte[] reuse) {
            int n = to - from;
            byte[] b = buffer(reuse, n * ((dim + labels) * Double.BYTES + indicators));
            double[] x = block.xArray();
            int[] group = block.groupArray();
            double[] y = block.labelArray();
            int p = 0;
            for (int j = 0; j < dim; j++) {
                p = doubles(x, j * SynthBlock.ROWS + from, n, b, p);
            }
            for (int g = 0; g < indicators; g++) {
                int o = attributeOfGroup[g] * SynthBlock.ROWS + from;
                for (int r = 0; r < n; r++) {
                    b[p++] = (byte) (group[o + r] == g ? 1 : 0);
                }
            }
            for (int c = 0; c < labels; c++) {
                p = doubles(y, c * SynthBlock.ROWS + from, n, b, p);
            }
            return new Rows(b, p, n);
        }

        private static int doubles(double[] src, int off, int n, byte[] b, int p) {
            for (int r = 0; r < n; r++, p += Double.BYTES) {
                DOUBLES.set(b, p, src[off + r]);
            }
            return p;
        }
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
