package io.github.fairsynth.io;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.synth.SynthBlock;

/**
 * How the rows {@code [offset, offset + limit)} of a run are split into the parts of a partitioned
 * dataset: part {@code i} holds rows {@code [bounds[i], bounds[i+1])}. A part is a pure function of the
 * config, the seed and its own row range.
 */
public final class Partitions {
    /** Most parts in one dataset. */
    public static final int MAX_PARTS = 100_000;
    /** Rows per part when only a folder is given: 256 blocks. */
    public static final long DEFAULT_PART_ROWS = 256L * SynthBlock.ROWS;

    private Partitions() {
    }

    /**
     * {@code parts} parts of whole blocks (counted from {@code offset}), as even as blocks allow; the
     * last one takes the rows past the last whole block.
     *
     * @param offset first row
     * @param limit  rows
     * @param parts  number of parts, {@code 1 …} the number of blocks the rows span
     * @return the {@code parts + 1} bounds
     * @throws ConfigException naming {@code partitions} for a count out of range
     */
    public static long[] byCount(long offset, long limit, long parts) {
        long blocks = (limit + SynthBlock.ROWS - 1) / SynthBlock.ROWS;
        long most = Math.min(blocks, MAX_PARTS);
        if (parts < 1 || parts > most) {
            throw new ConfigException("partitions", parts, "must be in [1, " + most + "] for " + limit
                    + " rows (every part holds at least one block of " + SynthBlock.ROWS + " rows, and at most "
                    + MAX_PARTS + " parts)");
        }
        long[] b = new long[(int) parts + 1];
        for (int i = 0; i <= parts; i++) {
            long blockBound = Math.floorDiv(Math.multiplyExact(blocks, (long) i), parts);
            b[i] = offset + Math.min(limit, blockBound * SynthBlock.ROWS);
        }
        return b;
    }

    /**
     * Parts of {@code rows} rows each (the last may be shorter).
     *
     * @param offset first row
     * @param limit  rows
     * @param rows   rows per part, {@code >= 1}, at most {@value #MAX_PARTS} parts in all
     * @return the bounds
     * @throws ConfigException naming {@code partition-rows} for a size out of range
     */
    public static long[] byRows(long offset, long limit, long rows) {
        long least = (limit + MAX_PARTS - 1) / MAX_PARTS;
        if (rows < Math.max(1, least)) {
            throw new ConfigException("partition-rows", rows, "must be >= " + Math.max(1, least) + " for " + limit
                    + " rows (at most " + MAX_PARTS + " parts)");
        }
        long parts = (limit + rows - 1) / rows;
        long[] b = new long[(int) parts + 1];
        for (int i = 0; i <= parts; i++) {
            b[i] = offset + Math.min(limit, i * rows);
        }
        return b;
    }

    /**
     * @param index part number
     * @param ext   file extension without the dot
     * @return its file name, {@code part-00000.parquet} and so on
     */
    public static String fileName(int index, String ext) {
        return String.format(java.util.Locale.ROOT, "part-%05d.%s", index, ext);
    }
}
