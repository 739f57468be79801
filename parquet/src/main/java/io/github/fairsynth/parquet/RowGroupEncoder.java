package io.github.fairsynth.parquet;

import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * A worker's Parquet encoder: turns the blocks of one row group into compressed pages of at most
 * {@code pageRows} rows per column, encoded as the format defines it: a BOOLEAN as one PLAIN bit, least
 * significant bit first; a DOUBLE in the writer's {@link ParquetEncoding}, as its 8 little-endian bytes
 * (PLAIN) or as the k-th of those bytes in the k-th of eight streams (BYTE_STREAM_SPLIT). Every page
 * carries parquet-java's statistics of its values. Buffers are kept for the worker's life; the output of
 * a row group depends only on its rows.
 */
final class RowGroupEncoder implements AutoCloseable {
    private final int dim;
    private final int indicators;
    private final int labels;
    private final int[] attributeOfGroup;
    private final PrimitiveType[] types;
    private final int pageRows;
    private final boolean split;
    /** The DOUBLE pages' encoding, as the page headers name it. */
    private final Encoding doubles;
    private final PageCompressor compressor;
    private final PageBuffers buffers;
    private final byte[][] plain;
    private final DoubleBuffer[] views;
    private final byte[][] bits;
    private final Statistics<?>[] stats;
    private int fill;

    RowGroupEncoder(SynthSpec spec, MessageType schema, int pageRows, ParquetCompression compression,
                    ParquetEncoding encoding, PageBuffers buffers) {
        dim = spec.dim();
        indicators = spec.dropSensitive() ? 0 : spec.groups();
        labels = SynthColumns.labelCount(spec);
        attributeOfGroup = spec.attributeOfGroups();
        int columns = dim + indicators + labels;
        types = new PrimitiveType[columns];
        for (int c = 0; c < columns; c++) {
            types[c] = schema.getType(c).asPrimitiveType();
        }
        this.pageRows = pageRows;
        split = encoding == ParquetEncoding.BYTE_STREAM_SPLIT;
        doubles = encoding.parquet();
        this.compressor = compression.newCompressor();
        this.buffers = buffers;
        plain = new byte[columns][];
        views = new DoubleBuffer[columns];
        bits = new byte[indicators][];
        stats = new Statistics<?>[columns];
        for (int c = 0; c < columns; c++) {
            if (isIndicator(c)) {
                bits[c - dim] = new byte[pageRows / 8];
            } else {
                plain[c] = new byte[pageRows * Double.BYTES];
                views[c] = ByteBuffer.wrap(plain[c]).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            }
            stats[c] = Statistics.createStats(types[c]);
        }
    }

    private boolean isIndicator(int c) {
        return c >= dim && c < dim + indicators;
    }

    /**
     * @param blocks one row group's blocks
     * @return its encoded columns
     * @throws Exception if generating or compressing fails
     */
    EncodedRowGroup encode(SynthJob.Blocks blocks) throws Exception {
        EncodedRowGroup group = new EncodedRowGroup(types.length, blocks.rows());
        while (blocks.next()) {
            SynthBlock b = blocks.block();
            int r = blocks.from();
            int to = blocks.to();
            while (r < to) {
                int n = Math.min(to - r, pageRows - fill);
                append(b, r, n);
                r += n;
                fill += n;
                if (fill == pageRows) {
                    flush(group);
                }
            }
        }
        if (fill > 0) {
            flush(group);
        }
        return group;
    }

    private void append(SynthBlock b, int r, int n) {
        double[] x = b.xArray();
        for (int j = 0; j < dim; j++) {
            appendDoubles(j, x, j * SynthBlock.ROWS + r, n);
        }
        int[] group = b.groupArray();
        for (int g = 0; g < indicators; g++) {
            appendBits(dim + g, bits[g], group, attributeOfGroup[g] * SynthBlock.ROWS + r, g, n);
        }
        double[] y = b.labelArray();
        for (int c = 0; c < labels; c++) {
            appendDoubles(dim + indicators + c, y, c * SynthBlock.ROWS + r, n);
        }
    }

    /** Packs "row is in group g" (its attribute's active group is g) behind the page's bits so far. */
    private void appendBits(int c, byte[] dst, int[] group, int off, int g, int n) {
        int yes = 0;
        for (int i = 0, p = fill; i < n; i++, p++) {
            int bit = group[off + i] == g ? 1 : 0;
            int k = p >>> 3;
            dst[k] = (byte) (((p & 7) == 0 ? 0 : dst[k]) | bit << (p & 7));
            yes += bit;
        }
        // the statistics of booleans are their minimum and maximum
        Statistics<?> s = stats[c];
        if (yes < n) {
            s.updateStats(false);
        }
        if (yes > 0) {
            s.updateStats(true);
        }
    }

    private void appendDoubles(int c, double[] src, int off, int n) {
        if (split) {
            ByteStreamSplit.put(src, off, n, plain[c], pageRows, fill);
        } else {
            views[c].put(fill, src, off, n);
        }
        // min and max as Math.min/max order them (-0.0 below 0.0, any NaN wins): the statistics of the
        // values are those of their minimum and maximum, unless a NaN is among them (never in generated
        // rows), when every value goes in as parquet-java counts NaNs
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = src[off + i];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        Statistics<?> s = stats[c];
        if (Double.isNaN(lo)) {
            for (int i = 0; i < n; i++) {
                s.updateStats(src[off + i]);
            }
        } else {
            s.updateStats(lo);
            s.updateStats(hi);
        }
    }

    private void flush(EncodedRowGroup group) throws IOException {
        for (int c = 0; c < types.length; c++) {
            byte[] src;
            int n;
            if (isIndicator(c)) {
                src = bits[c - dim];
                n = (fill + 7) >>> 3;
            } else {
                src = plain[c];
                n = fill * Double.BYTES;
                if (split && fill < pageRows) {
                    ByteStreamSplit.close(src, pageRows, fill);
                }
            }
            byte[] dst = buffers.take(compressor.maxCompressedLength(n));
            int len = compressor.compress(src, n, dst);
            group.add(c, new EncodedRowGroup.Page(dst, len, n, fill, stats[c],
                    isIndicator(c) ? Encoding.PLAIN : doubles));
            stats[c] = Statistics.createStats(types[c]);
        }
        fill = 0;
    }

    @Override
    public void close() {
        compressor.close();
    }
}
