package io.github.fairsynth.spark;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.cli.SynthDocuments;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthSpec;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data source's options, read and checked once on the driver: {@code config} (the generator's JSON
 * config, as {@code fairsynth generate --config} reads it; default: the paper's), {@code rows} and
 * {@code seed} (as {@code --rows} and {@code --seed}), {@code partitions} or {@code rowsPerPartition}
 * (rounded up to whole {@value SynthBlock#ROWS}-row blocks), {@code rowIndex} (a leading {@code row}
 * column of dataset row numbers). Every partition is a run of whole blocks, so each row is made by the
 * same core code as on one machine, whatever the partition count.
 */
public final class SynthOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Every option the source takes, in lower case (Spark hands them over case-insensitively). */
    static final Set<String> NAMES = Set.of("config", "rows", "seed", "partitions", "rowsperpartition", "rowindex",
            "path");

    private final String config;
    private final Long rows;
    private final Long seed;
    private final long blocksPerPartition;
    private final boolean rowIndex;
    private transient SynthSpec spec;

    private SynthOptions(String config, Long rows, Long seed, long blocksPerPartition, boolean rowIndex) {
        this.config = config;
        this.rows = rows;
        this.seed = seed;
        this.blocksPerPartition = blocksPerPartition;
        this.rowIndex = rowIndex;
    }

    /**
     * @param options the options as Spark gives them (keys in any case)
     * @param defaultParallelism partitions when neither {@code partitions} nor {@code rowsPerPartition} is set
     * @return the checked options
     * @throws ConfigException naming the bad option, its value and the allowed range
     */
    public static SynthOptions parse(Map<String, String> options, int defaultParallelism) {
        String config = null;
        Long rows = null;
        Long seed = null;
        Long partitions = null;
        Long rowsPerPartition = null;
        boolean rowIndex = false;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String v = e.getValue();
            switch (key) {
                case "config": config = v; break;
                case "rows": rows = whole("rows", v, 1, Long.MAX_VALUE); break;
                case "seed": seed = whole("seed", v, Long.MIN_VALUE, Long.MAX_VALUE); break;
                case "partitions": partitions = whole("partitions", v, 1, Integer.MAX_VALUE); break;
                case "rowsperpartition": rowsPerPartition = whole("rowsPerPartition", v, 1, Long.MAX_VALUE); break;
                case "rowindex": rowIndex = bool("rowIndex", v); break;
                case "path": break; // load(path) is not used; Spark may pass an empty one
                default:
                    throw new ConfigException("option " + e.getKey(), v, "not an option of the fairsynth source; "
                            + "known: config, rows, seed, partitions, rowsPerPartition, rowIndex");
            }
        }
        if (partitions != null && rowsPerPartition != null) {
            throw new ConfigException("option partitions", partitions,
                    "give partitions or rowsPerPartition, not both (rowsPerPartition = " + rowsPerPartition + ")");
        }
        SynthOptions probe = new SynthOptions(config, rows, seed, 1, rowIndex);
        long blocks = probe.blocks();
        long per;
        if (rowsPerPartition != null) {
            per = (rowsPerPartition + SynthBlock.ROWS - 1) / SynthBlock.ROWS;
        } else {
            long p = partitions != null ? partitions : Math.max(1, defaultParallelism);
            per = (blocks + p - 1) / p;
            if (partitions != null && partitions > blocks) {
                throw new ConfigException("option partitions", partitions, "must be in [1, " + blocks
                        + "]: a partition is at least one " + SynthBlock.ROWS + "-row block and there are " + blocks);
            }
        }
        if ((blocks + per - 1) / per > Integer.MAX_VALUE) {
            throw new ConfigException("option rowsPerPartition", rowsPerPartition, "makes more than "
                    + Integer.MAX_VALUE + " partitions");
        }
        SynthOptions checked = new SynthOptions(config, rows, seed, Math.max(1, per), rowIndex);
        checked.spec = probe.spec; // built once here; rebuilt from the options where they are deserialized
        return checked;
    }

    /** @return the spec: the config (or the paper's defaults) with {@code rows} and {@code seed} applied */
    public SynthSpec spec() {
        if (spec == null) {
            SynthSpec.Builder b = config != null ? SynthDocuments.config("option config", config) : SynthSpec.builder();
            if (rows != null) {
                b.samples(rows);
            }
            if (seed != null) {
                b.seed(seed);
            }
            spec = b.build();
        }
        return spec;
    }

    /** @return blocks in the dataset */
    public long blocks() {
        return (spec().samples() + SynthBlock.ROWS - 1) / SynthBlock.ROWS;
    }

    /** @return blocks per partition (the last partition may hold fewer) */
    public long blocksPerPartition() {
        return blocksPerPartition;
    }

    /** @return number of partitions */
    public int partitions() {
        return (int) ((blocks() + blocksPerPartition - 1) / blocksPerPartition);
    }

    /** @return whether the rows carry their dataset row number as a leading {@code row} column */
    public boolean rowIndex() {
        return rowIndex;
    }

    private static long whole(String name, String v, long min, long max) {
        long x;
        try {
            x = Long.parseLong(v.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException("option " + name, v, "must be a whole number in [" + min + ", " + max + "]");
        }
        if (x < min || x > max) {
            throw new ConfigException("option " + name, v, "must be a whole number in [" + min + ", " + max + "]");
        }
        return x;
    }

    private static boolean bool(String name, String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw new ConfigException("option " + name, v, "must be true or false");
        }
    }
}
