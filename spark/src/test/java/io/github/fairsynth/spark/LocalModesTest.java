package io.github.fairsynth.spark;

import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.AdmissionsResult;
import io.github.fairsynth.admissions.JurySettings;
import io.github.fairsynth.cli.AdmissionsDocuments;
import io.github.fairsynth.cli.Main;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The source's rows against the command line's: on local[1], local[2] and local[3] (one SparkSession each),
 * for several partition counts, the DataFrame's rows sorted by row number equal, bit for bit, the
 * {@code .npy} that {@code fairsynth generate} writes for the same config, rows and seed; the truth
 * document equals its {@code --truth} file; {@code df.write.parquet} reads back the same rows; and the
 * admissions game spread over partitions gives the command line's results document.
 */
class LocalModesTest {
    /** Three and a bit blocks: a short last block, partitions of one or several blocks. */
    private static final long ROWS = 3 * 4096 + 123;
    private static final long SEED = 7;
    /** The paper's config (scaled labels) and one with a quadratic map, three attributes, no indicators, unscaled. */
    private static final List<String> CONFIGS = List.of("{}",
            "{\"dim\": 5, \"group_dict\": {\"A\": [\"a0\", \"a1\"], \"B\": [\"b0\", \"b1\", \"b2\"], \"C\": [\"c0\", \"c1\"]},"
                    + " \"prob_dict\": {\"A\": [0.5, 0.5], \"B\": [0.2, 0.3, 0.5], \"C\": [0.9, 0.1]},"
                    + " \"add_quad_mapping\": true, \"drop_sensitive\": true, \"scale\": false}");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"local[1]", "local[2]", "local[3]"})
    void rowsAreTheCommandLinesWhateverThePartitions(String master) throws Exception {
        SparkSession spark = SparkSession.builder().master(master).appName("fairsynth-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "3").getOrCreate();
        try {
            for (int k = 0; k < CONFIGS.size(); k++) {
                String config = CONFIGS.get(k);
                Path cfg = dir.resolve("config" + k + ".json");
                Files.writeString(cfg, config);
                Path npy = dir.resolve("ref" + k + ".npy");
                Path truth = dir.resolve("ref" + k + "-truth.json");
                cli("generate", "--config", cfg.toString(), "--rows", Long.toString(ROWS), "--seed", Long.toString(SEED),
                        "--out", npy.toString(), "--truth", truth.toString());
                double[][] expected = readNpy(npy);
                for (String[] split : new String[][] {{"partitions", "1"}, {"partitions", "2"}, {"partitions", "4"},
                        {"rowsPerPartition", "5000"}, {null, null}}) {
                    Map<String, String> options = options(config, split[0], split[1]);
                    Dataset<Row> df = spark.read().format("fairsynth").options(options).load();
                    String what = master + ", config " + k + ", " + split[0] + " " + split[1];
                    assertEquals(expected[0].length + 1, df.columns().length, what);
                    assertRows(expected, df.orderBy("row").collectAsList(), what);
                    if (split[0] != null && split[1].equals("2")) {
                        Path out = dir.resolve("parquet-" + k + "-" + master.replaceAll("\\W", ""));
                        df.write().parquet(out.toString());
                        assertRows(expected, spark.read().parquet(out.toString()).orderBy("row").collectAsList(),
                                what + ", written to Parquet and read back");
                    }
                }
                assertEquals(Files.readString(truth), Fairsynth.truth(spark, options(config, null, null)),
                        master + ", config " + k + ": the truth document");
                if (master.equals("local[2]")) {
                    cliDatasetsRead(spark, cfg, expected, "config " + k);
                }
            }
            admissionsAreTheCommandLines(spark, master);
        } finally {
            spark.stop();
        }
    }

    /**
     * {@link SparkAdmissions} over 1, 2 and 3 partitions of 150 environments (three blocks, the last short):
     * the results document equals, byte for byte, {@code fairsynth admissions --json} of the same run.
     */
    private void admissionsAreTheCommandLines(SparkSession spark, String master) throws Exception {
        String config = "{\"noisy_threshold\": true, \"num_applicants\": 24}";
        Path cfg = dir.resolve("admissions.json");
        Files.writeString(cfg, config);
        for (String[] jury : new String[][] {{"fixed", "0.5"}, {"continuous", "0.0"}}) {
            Path json = dir.resolve("admissions-" + jury[0] + ".json");
            cli("admissions", "--config", cfg.toString(), "--jury", jury[0], "--envs", "150", "--steps", "30",
                    "--seed", "5", "--json", json.toString(), "--quiet");
            JurySettings js = new JurySettings(JurySettings.Kind.parse(jury[0]), Double.parseDouble(jury[1]), 0.0,
                    false, 0.7, 10, 0.02, 10);
            AdmissionsParams p = AdmissionsDocuments.config("config", config).build();
            for (int partitions = 1; partitions <= 3; partitions++) {
                AdmissionsResult r = SparkAdmissions.run(spark, p, js, 5, 150, 30, partitions);
                assertEquals(Files.readString(json), new String(AdmissionsDocuments.report(r), StandardCharsets.UTF_8),
                        master + ", " + jury[0] + " jury, " + partitions + " partitions");
            }
        }
    }

    private static Map<String, String> options(String config, String key, String value) {
        Map<String, String> o = new HashMap<>();
        o.put("config", config);
        o.put("rows", Long.toString(ROWS));
        o.put("seed", Long.toString(SEED));
        o.put("rowIndex", "true");
        if (key != null) {
            o.put(key, value);
        }
        return o;
    }

    /**
     * The command line's partitioned Parquet datasets, in both encodings of their DOUBLE columns, read by
     * {@code spark.read().parquet(dir)}: the same rows as the {@code .npy}, compared in the order of their
     * first feature (a dataset's parts carry no row number). PLAIN, the default, with Spark's vectorized
     * reader; BYTE_STREAM_SPLIT with the row reader that docs/spark.md names (Spark 4.2's vectorized
     * reader does not decode that encoding).
     */
    private void cliDatasetsRead(SparkSession spark, Path cfg, double[][] expected, String what) throws Exception {
        double[][] want = expected.clone();
        java.util.Arrays.sort(want, java.util.Comparator.comparingDouble(r -> r[0]));
        for (String encoding : new String[] {"byte-stream-split", "plain"}) {
            Path out = dir.resolve("cli-" + encoding + "-" + cfg.getFileName());
            cli("generate", "--config", cfg.toString(), "--rows", Long.toString(ROWS), "--seed", Long.toString(SEED),
                    "--partition-rows", "5000", "--encoding", encoding, "--out", out + "/");
            boolean split = encoding.equals("byte-stream-split");
            if (split) {
                spark.conf().set("spark.sql.parquet.enableVectorizedReader", "false");
            }
            List<Row> rows;
            try {
                rows = spark.read().parquet(out.toString()).orderBy("x_0").collectAsList();
            } finally {
                spark.conf().unset("spark.sql.parquet.enableVectorizedReader");
            }
            assertEquals(want.length, rows.size(), what + ", " + encoding + ": rows");
            for (int r = 0; r < rows.size(); r++) {
                assertCells(want[r], rows.get(r), 0, what + ", " + encoding + " dataset: row " + r);
            }
        }
    }

    /** The rows in row-number order (column 0), their cells bit for bit. */
    private static void assertRows(double[][] expected, List<Row> rows, String what) {
        assertEquals(expected.length, rows.size(), what + ": rows");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            assertEquals(r, row.getLong(0), what + ": row numbers");
            assertCells(expected[r], row, 1, what + ": row " + r);
        }
    }

    /** A row's cells from column {@code first} on, bit for bit: doubles as doubles, indicators as the .npy's 0.0 / 1.0. */
    private static void assertCells(double[] expected, Row row, int first, String what) {
        for (int c = 0; c < expected.length; c++) {
            Object v = row.get(c + first);
            double got = v instanceof Boolean ? ((Boolean) v ? 1.0 : 0.0) : (Double) v;
            if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(expected[c])) {
                assertEquals(expected[c], got, what + ", column " + c + " (bits differ)");
                assertTrue(false, what + ", column " + c + ": " + got + " has other bits than " + expected[c]);
            }
        }
    }

    private static void cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, "fairsynth " + String.join(" ", args) + ": " + err);
    }

    /** A C-order little-endian float64 matrix of NumPy's .npy format. */
    static double[][] readNpy(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int major = all[6];
        int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = (major == 1 ? 10 : 12) + headerLen;
        String header = new String(all, major == 1 ? 10 : 12, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<f8'") && header.contains("'fortran_order': False"), header);
        Matcher m = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)").matcher(header);
        assertTrue(m.find(), header);
        int rows = Integer.parseInt(m.group(1));
        int cols = Integer.parseInt(m.group(2));
        double[][] x = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                x[r][c] = b.getDouble(start + 8 * (r * cols + c));
            }
        }
        return x;
    }
}
