package io.github.fairsynth.io;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes a generation run as CSV: a header of {@link SynthColumns#names(SynthSpec)}, then one line per
 * row; no quoting, {@code \n} line ends, doubles as {@link DoubleFormat} writes them, group indicators as
 * {@code 0}/{@code 1}. Blocks are encoded on the worker threads and written in order.
 */
public final class SynthCsvWriter {
    private SynthCsvWriter() {
    }

    /**
     * Writes the job's rows to {@code target} atomically.
     *
     * @param job      the run
     * @param target   the CSV path
     * @param progress progress of the run
     * @throws Exception on any failure (then there is no file at {@code target})
     */
    public static void write(SynthJob job, Path target, ProgressListener progress) throws Exception {
        // past the page cache when the dataset is large (UnbufferedFileOutput#directAbove)
        AtomicFile.writeUnbuffered(target, expectedBytes(job.spec()), out -> write(job, out, progress));
    }

    /**
     * @param spec the spec
     * @return about how many bytes the dataset's CSV takes: 19 characters a double (the paper's labels and
     *         uniform features mostly print as 17 significant digits, a point and a separator), 2 an
     *         indicator, 1 a line end
     */
    static long expectedBytes(SynthSpec spec) {
        return expectedBytes(spec, spec.samples());
    }

    /**
     * @param spec the spec
     * @param rows rows written
     * @return about how many bytes a CSV of that many rows takes (as {@link #expectedBytes(SynthSpec)})
     */
    public static long expectedBytes(SynthSpec spec, long rows) {
        long perRow = (spec.dim() + SynthColumns.labelCount(spec)) * 19L
                + (spec.dropSensitive() ? 0 : 2L * spec.groups()) + 1;
        return FreeSpace.times(perRow, rows);
    }

    /**
     * @param spec the spec
     * @param rows rows written
     * @return the fewest bytes a CSV of that many rows can take: a character and a separator (or the line
     *         end) a value, the header aside
     */
    public static long minBytes(SynthSpec spec, long rows) {
        return FreeSpace.times(2L * SynthColumns.names(spec).size(), rows);
    }

    /**
     * Writes the header and the job's rows to a stream.
     *
     * @param job      the run
     * @param out      the stream (not closed)
     * @param progress progress of the run
     * @throws Exception on any failure
     */
    public static void write(SynthJob job, OutputStream out, ProgressListener progress) throws Exception {
        out.write(header(job.spec()));
        ThreadLocal<Encoder> encoders = ThreadLocal.withInitial(() -> new Encoder(job.spec()));
        // a block's text buffer goes back to the workers once written: no block-sized copy or allocation
        Queue<byte[]> free = new ConcurrentLinkedQueue<>();
        job.run((block, from, to) -> encoders.get().encode(block, from, to, free.poll()),
                (b, text) -> {
                    out.write(text.bytes, 0, text.length);
                    free.offer(text.bytes);
                }, progress);
        out.flush();
    }

    /**
     * @param spec the spec
     * @return the header line, with its {@code \n}
     */
    public static byte[] header(SynthSpec spec) {
        return (String.join(",", SynthColumns.names(spec)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One block's text: the first {@code length} bytes of {@code bytes}. */
    static final class Text {
        final byte[] bytes;
        final int length;

        Text(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }
    }

    /** Encodes rows of a block to CSV bytes; one per worker thread. */
    static final class Encoder {
        private final int dim;
        private final int groups;
        private final int labels;
        private final boolean indicators;
        private final int[] attributeOfGroup;

        Encoder(SynthSpec spec) {
            dim = spec.dim();
            groups = spec.groups();
            labels = SynthColumns.labelCount(spec);
            indicators = !spec.dropSensitive();
            attributeOfGroup = spec.attributeOfGroups();
        }

        /**
         * @param reuse a buffer to write into when it is large enough (else a new one is made), or null
         */
        Text encode(SynthBlock block, int from, int to, byte[] reuse) throws IOException {
            int perRow = (dim + labels) * (DoubleFormat.MAX_CHARS + 1) + (indicators ? 2 * groups : 0) + 1;
            long need = (long) perRow * (to - from);
            if (need > Integer.MAX_VALUE - 16) {
                throw new IOException("a block of " + (to - from) + " rows is too wide for one CSV buffer");
            }
            byte[] b = reuse != null && reuse.length >= need ? reuse : new byte[(int) need];
            final int rowStride = SynthBlock.ROWS;
            double[] x = block.xArray();
            int[] group = block.groupArray();
            double[] y = block.labelArray();
            int p = 0;
            for (int r = from; r < to; r++) {
                for (int j = 0; j < dim; j++) {
                    p = DoubleFormat.write(x[j * rowStride + r], b, p);
                    b[p++] = ',';
                }
                if (indicators) {
                    for (int g = 0; g < groups; g++) {
                        b[p++] = group[attributeOfGroup[g] * rowStride + r] == g ? (byte) '1' : (byte) '0';
                        b[p++] = ',';
                    }
                }
                for (int c = 0; c < labels; c++) {
                    p = DoubleFormat.write(y[c * rowStride + r], b, p);
                    b[p++] = ',';
                }
                b[p - 1] = '\n';
            }
            return new Text(b, p);
        }
    }
}
