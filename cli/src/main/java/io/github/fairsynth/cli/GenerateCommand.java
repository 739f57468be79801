package io.github.fairsynth.cli;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.analysis.GroupOlsResult;
import io.github.fairsynth.analysis.GroupOlsSynth;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.io.AtomicDirectory;
import io.github.fairsynth.io.AtomicFile;
import io.github.fairsynth.io.ByteSize;
import io.github.fairsynth.io.FreeSpace;
import io.github.fairsynth.io.Partitions;
import io.github.fairsynth.io.SynthCsvWriter;
import io.github.fairsynth.io.SynthNpyWriter;
import io.github.fairsynth.parquet.ParquetCompression;
import io.github.fairsynth.parquet.ParquetEncoding;
import io.github.fairsynth.parquet.SynthParquetWriter;
import io.github.fairsynth.simd.Kernels;
import io.github.fairsynth.simd.ScalarKernels;
import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthGenerator;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fairsynth generate}: writes a multi-group synthetic regression dataset. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = FairsynthCommand.Version.class,
        description = {"Generate a multi-group synthetic regression dataset (SynthGenLinear of the ICLR 2024 paper).",
                "Defaults are the paper's experiment. Flags override --config; the output depends only on (config, seed)."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE.json",
            description = "JSON config with the Python parameter names (samples, dim, group_dict, prob_dict, ...).")
    Path config;

    @Option(names = "--rows", paramLabel = "N", description = "Rows (samples). Default 100000.")
    Long rows;

    @Option(names = "--dim", paramLabel = "D", description = "Feature dimension. Default 20.")
    Integer dim;

    @Option(names = "--attribute", paramLabel = "NAME=level:p,level:p,...",
            description = {"A categorical attribute; repeat for several. Given at least once, the flags replace",
                    "all attributes. Default SHAPE=circle:0.5,square:0.3,triangle:0.2 and COLOR=green:0.6,red:0.4."})
    List<String> attributes = new ArrayList<>();

    @Option(names = "--features", paramLabel = "LO,HI", description = "Feature bounds (feat_lo, feat_hi). Default 0,1.")
    String features;

    @Option(names = "--weights", paramLabel = "LO,HI", description = "Weight bounds (w_lo, w_hi). Default 0,1.")
    String weights;

    @Option(names = "--no-linear", description = "No linear term (add_linear_mapping false).")
    boolean noLinear;

    @Option(names = "--quadratic", paramLabel = "LO,HI",
            description = "Add the quadratic term x'S_g x with S ~ U[LO,HI] (add_quad_mapping, S_lo, S_hi).")
    String quadratic;

    @Option(names = "--noise", paramLabel = "W", description = "Label noise standard deviation (label_noise_width). Default 0.16.")
    Double noise;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (fixed_seed). Default 21.")
    Long seed;

    @Option(names = "--offset", paramLabel = "K", description = "First row to write (0-based). Default 0.")
    Long offset;

    @Option(names = "--limit", paramLabel = "M", description = "Number of rows to write. Default: through the last row.")
    Long limit;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads. Default: available processors.")
    Integer threads;

    @Option(names = "--no-scale", description = "Keep raw label values (no min-max scaling to [0,1]).")
    boolean noScale;

    @Option(names = "--drop-sensitive", description = "Omit the g_<level> indicator columns (drop_sensitive).")
    boolean dropSensitive;

    @Option(names = "--truth", paramLabel = "FILE.json", description = "Write the ground truth (W, S, permutation, config) here.")
    Path truth;

    @Option(names = "--quiet", description = "No progress bar and no summary line.")
    boolean quiet;

    @Option(names = "--out", paramLabel = "FILE|DIR/",
            description = {"Output file (required unless --fit); the format follows the extension: .csv, .parquet, .npy, .npz.",
                    "A path ending in / (or an existing folder) is a partitioned dataset folder."})
    String outText;

    /** --out as a path (a trailing / marks a folder and is kept in {@link #outText}). */
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Force the format: csv, parquet, npy or npz (a dataset folder: parquet unless given).")
    String format;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Write --out as a folder of N part files (part-00000.parquet, ...) of whole blocks.")
    Long partitions;

    @Option(names = "--partition-rows", paramLabel = "R",
            description = {"Write --out as a folder of part files of R rows each (the last may be shorter).",
                    "An --out ending in / is a folder too: parts of " + Partitions.DEFAULT_PART_ROWS + " rows unless given."})
    Long partitionRows;

    @Option(names = "--compression", paramLabel = "CODEC",
            description = "Parquet compression: zstd[:LEVEL] (LEVEL -7..22; zstd alone is level 3), snappy or none. Default zstd:1.")
    String compression;

    @Option(names = "--encoding", paramLabel = "ENC",
            description = {"Parquet encoding of the DOUBLE columns: plain (pyarrow's default, read everywhere) or",
                    "byte-stream-split (smaller, faster to compress; Spark's vectorized reader cannot read it). Default plain."})
    String encoding;

    @Option(names = "--no-space-check",
            description = "Do not weigh the output against the free space of its file system (for one that misreports it).")
    boolean noSpaceCheck;

    @Option(names = "--fit", paramLabel = "TARGET",
            description = "Fit per-group OLS of this label column straight on the generated rows (no file needed).")
    String fit;

    @Option(names = "--test-fraction", paramLabel = "F", description = "With --fit: share of test rows. Default 0.2.")
    double testFraction = 0.2;

    @Option(names = "--split-seed", paramLabel = "S", description = "With --fit: seed of the shuffle. Default 21.")
    long splitSeed = 21;

    @Option(names = "--json", paramLabel = "OUT.json", description = "With --fit: also write the fit as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (ConfigException e) {
            throw flagNames().rename(e);
        }
    }

    private int run() throws Exception {
        out = outText == null ? null : Path.of(outText);
        SynthSpec spec = spec();
        if (out == null && fit == null) {
            throw new ConfigException("out", "(missing)", "give --out FILE.csv, or --fit TARGET to fit without a file");
        }
        if (out != null) {
            checkOutputs();
        }
        if (json != null) {
            if (fit == null) {
                throw new ConfigException("json", json, "goes with --fit");
            }
            AtomicFile.checkWritable("json", json);
        }
        SynthJob job = job(spec);
        if (out == null) {
            runFit(job);
            return 0;
        }
        OutputFormat fmt = outputFormat();
        if (!noSpaceCheck) {
            checkSpace(job, fmt);
        }
        long t0 = System.nanoTime();
        ProgressListener progress = ProgressBar.create(quiet);
        long[] parts = partitionBounds(job);
        // one Parquet writer for every part, so a dataset's parts reuse its encoders and buffers
        try (SynthParquetWriter parquet = fmt == OutputFormat.PARQUET
                ? new SynthParquetWriter(spec, compression(), encoding())
                : null) {
            if (parts == null) {
                writeFile(job, fmt, parquet, out, progress);
            } else {
                DatasetFolder.write(job, out, parts, fmt, parquet,
                        (part, file, p) -> writeFile(part, fmt, parquet, file, p), progress);
            }
        }
        LabelRanges ranges = spec.scale() ? job.ranges(ProgressListener.NONE) : null;
        if (truth != null) {
            TruthJson.write(job, ranges, truth);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!quiet) {
            command.commandLine().getOut().printf(Locale.ROOT,
                    "wrote %,d rows x %d columns to %s (%s) in %.2f s (%,.0f rows/s, %d threads)%s%n",
                    job.limit(), SynthColumns.names(spec).size(), out, ByteSize.text(DatasetFolder.size(out)), secs,
                    job.limit() / secs, job.threads(), truth == null ? "" : "; truth in " + truth);
        }
        if (fit != null) {
            runFit(job);
        }
        return 0;
    }

    /** Writes one file of the run's rows in the given format ({@code parquet}: the writer for Parquet). */
    private static void writeFile(SynthJob job, OutputFormat fmt, SynthParquetWriter parquet, Path file,
                                  ProgressListener progress) throws Exception {
        switch (fmt) {
            case PARQUET:
                SynthSpec spec = job.spec();
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("fairsynth.format", TruthJson.FORMAT);
                meta.put("fairsynth.config", TruthJson.configJson(job));
                meta.put("fairsynth.seed", Long.toString(spec.seed()));
                meta.put("fairsynth.rows", job.offset() + "+" + job.limit());
                meta.put("fairsynth.truth", new String(TruthJson.toBytes(job,
                        spec.scale() ? job.ranges(progress) : null), java.nio.charset.StandardCharsets.UTF_8));
                parquet.write(job, file, meta, progress);
                break;
            case NPY:
                SynthNpyWriter.writeNpy(job, file, progress);
                break;
            case NPZ:
                SynthNpyWriter.writeNpz(job, file, progress);
                break;
            default:
                SynthCsvWriter.write(job, file, progress);
        }
    }

    /** @return whether --out names a partitioned dataset (a folder) */
    private boolean folderOut() {
        return partitions != null || partitionRows != null || outText.endsWith("/")
                || outText.endsWith(java.io.File.separator) || Files.isDirectory(out);
    }

    private OutputFormat outputFormat() {
        if (folderOut() && format == null) {
            return OutputFormat.PARQUET;
        }
        return OutputFormat.of(format, out);
    }

    /** @return the parts' row bounds, or null for a single file */
    private long[] partitionBounds(SynthJob job) {
        if (!folderOut()) {
            return null;
        }
        if (partitions != null && partitionRows != null) {
            throw new ConfigException("partitions", partitions, "give --partitions or --partition-rows, not both");
        }
        if (partitions != null) {
            return Partitions.byCount(job.offset(), job.limit(), partitions);
        }
        return Partitions.byRows(job.offset(), job.limit(),
                partitionRows != null ? partitionRows : Partitions.DEFAULT_PART_ROWS);
    }

    private void runFit(SynthJob job) throws Exception {
        if (truth != null && out == null) {
            TruthJson.write(job, job.spec().scale() ? job.ranges(ProgressListener.NONE) : null, truth);
        }
        GroupOlsResult r = GroupOlsSynth.fit(job, fit, testFraction, splitSeed, ProgressBar.create(quiet));
        FitReport.print(r, command.commandLine().getOut());
        if (json != null) {
            FitReport.writeJson(r, json);
        }
    }

    /** @return the spec from defaults, then --config, then flags */
    SynthSpec spec() {
        SynthSpec.Builder b = config != null ? SynthConfigJson.read(config) : SynthSpec.builder();
        if (rows != null) {
            b.samples(rows);
        }
        if (dim != null) {
            b.dim(dim);
        }
        if (!attributes.isEmpty()) {
            b.clearAttributes();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String a : attributes) {
                String name = FlagParsers.attribute(a, b);
                if (!seen.add(name)) {
                    throw new ConfigException("attribute", a, "attribute " + name + " is given twice");
                }
            }
        }
        if (features != null) {
            double[] v = FlagParsers.pair("features", features);
            b.features(v[0], v[1]);
        }
        if (weights != null) {
            double[] v = FlagParsers.pair("weights", weights);
            b.weights(v[0], v[1]);
        }
        if (noLinear) {
            b.linear(false);
        }
        if (quadratic != null) {
            double[] v = FlagParsers.pair("quadratic", quadratic);
            b.quad(true).quadBounds(v[0], v[1]);
        }
        if (noise != null) {
            b.noise(noise);
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (noScale) {
            b.scale(false);
        }
        if (dropSensitive) {
            b.dropSensitive(true);
        }
        return b.build();
    }

    /** @return the config names that the flags given on this command line set */
    private FlagNames flagNames() {
        return new FlagNames()
                .given(rows != null, "rows", "samples")
                .given(features != null, "features", "feat_lo", "feat_hi")
                .given(weights != null, "weights", "w_lo", "w_hi")
                .given(quadratic != null, "quadratic", "S_lo", "S_hi")
                .given(noise != null, "noise", "label_noise_width");
    }

    private void checkOutputs() {
        OutputFormat fmt = outputFormat();
        if (fmt == OutputFormat.PARQUET) {
            compression();
            encoding();
        } else if (compression != null || encoding != null) {
            throw new ConfigException(compression != null ? "compression" : "encoding",
                    compression != null ? compression : encoding,
                    "goes with Parquet output (.parquet or a dataset folder), not " + fmt.name().toLowerCase(Locale.ROOT));
        }
        if (folderOut()) {
            AtomicDirectory.checkWritable("out", out, DatasetFolder.MANIFEST);
        } else {
            AtomicFile.checkWritable("out", out);
            if (fmt == OutputFormat.NPY) {
                AtomicFile.checkWritable("out", SynthNpyWriter.sidecar(out));
            }
        }
        if (truth != null) {
            AtomicFile.checkWritable("truth", truth);
            if (truth.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new ConfigException("truth", truth, "must differ from --out");
            }
        }
    }

    /** @return --compression, or the default */
    private ParquetCompression compression() {
        return compression == null ? ParquetCompression.DEFAULT : ParquetCompression.parse(compression);
    }

    /** @return --encoding, or the default */
    private ParquetEncoding encoding() {
        return encoding == null ? ParquetEncoding.DEFAULT : ParquetEncoding.parse(encoding);
    }

    /**
     * Fails, before the first row is made, when the output cannot fit on its file system (its values' bytes
     * alone are more than is free); warns on stderr when it is likely not to (the estimate is).
     */
    private void checkSpace(SynthJob job, OutputFormat fmt) {
        SynthSpec spec = job.spec();
        long rows = job.limit();
        long atLeast;
        long about;
        switch (fmt) {
            case NPY:
                atLeast = SynthNpyWriter.npyMinBytes(spec, rows);
                about = atLeast;
                break;
            case NPZ:
                atLeast = SynthNpyWriter.npzMinBytes(spec, rows);
                about = atLeast;
                break;
            case PARQUET:
                atLeast = 0; // compression: no certain floor
                about = SynthParquetWriter.expectedBytes(spec, rows);
                break;
            default:
                atLeast = SynthCsvWriter.minBytes(spec, rows);
                about = SynthCsvWriter.expectedBytes(spec, rows);
        }
        long usable = FreeSpace.usable(out);
        FreeSpace.require("out", out, atLeast, usable);
        String warning = FreeSpace.warning(out, about, usable);
        if (warning != null) {
            command.commandLine().getErr().println(command.qualifiedName() + ": " + warning);
        }
    }

    private SynthJob job(SynthSpec spec) {
        long off = offset == null ? 0 : offset;
        if (off < 0 || off >= spec.samples()) {
            throw new ConfigException("offset", off, "must be in [0, rows - 1] = [0, " + (spec.samples() - 1) + "]");
        }
        long lim = limit == null ? spec.samples() - off : limit;
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        return new SynthJob(new SynthGenerator(spec, kernelsFor(spec, lim)), off, lim, t);
    }

    /**
     * Below {@value #VECTOR_MIN_VALUES} feature values to generate (both passes), the scalar kernels: the
     * Vector API kernels run slower than them until the JIT has compiled them, about 1.5 s into a run, and
     * their start-up costs about 0.4 s; both give the same bits (results/README.md, "Files").
     */
    static final long VECTOR_MIN_VALUES = 200_000_000L;

    private static Kernels kernelsFor(SynthSpec spec, long rows) {
        long generated = (spec.scale() ? spec.samples() : 0) + rows;
        return generated * spec.dim() < VECTOR_MIN_VALUES ? ScalarKernels.INSTANCE : Kernels.get();
    }
}
