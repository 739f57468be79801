package io.github.fairsynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitCommandTest {
    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    /** Must-show 2: noise-free labels, unscaled: fitting y_level per group recovers w_g to 1e-9. */
    @Test
    void noiseFreeFitRecoversTheTruthWeights() throws Exception {
        CliRunner g = CliRunner.run("generate", "--rows", "30000", "--noise", "0", "--no-scale", "--quiet",
                "--out", p("d.csv"), "--truth", p("t.json"));
        assertEquals(0, g.code, g.err);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("t.json").toFile());
        for (String level : List.of("circle", "square", "triangle", "green", "red")) {
            CliRunner f = CliRunner.run("fit", "--data", p("d.csv"), "--target", "y_" + level, "--json", p(level + ".json"));
            assertEquals(0, f.code, f.err);
            JsonNode fit = new ObjectMapper().readTree(dir.resolve(level + ".json").toFile()).get("groups").get(level);
            JsonNode w = truth.get("weights_by_group").get(level);
            for (int j = 0; j < w.size(); j++) {
                double expect = w.get(j).asDouble();
                assertEquals(expect, fit.get("coef").get(j).asDouble(), 1e-9 * Math.max(1, Math.abs(expect)), level + " w" + j);
            }
            assertEquals(0.0, fit.get("intercept").asDouble(), 1e-9, level + " intercept");
            assertEquals(1.0, fit.get("r2_test").asDouble(), 1e-9);
        }
    }

    /** Must-show 3: fit on the CSV and --fit on the same generated rows give byte-identical JSON. */
    @ParameterizedTest(name = "{0} rows, offset {1}")
    @CsvSource({"50000, 0", "20000, 7000"})
    void csvFitEqualsStreamedFit(long rows, long offset) throws Exception {
        String r = String.valueOf(rows);
        String o = String.valueOf(offset);
        String lim = String.valueOf(rows - offset - 1000);
        CliRunner g = CliRunner.run("generate", "--rows", r, "--offset", o, "--limit", lim, "--quiet", "--out", p("d.csv"));
        assertEquals(0, g.code, g.err);
        CliRunner f = CliRunner.run("fit", "--data", p("d.csv"), "--target", "y_min_active", "--json", p("a.json"));
        assertEquals(0, f.code, f.err);
        CliRunner s = CliRunner.run("generate", "--rows", r, "--offset", o, "--limit", lim, "--quiet",
                "--fit", "y_min_active", "--json", p("b.json"));
        assertEquals(0, s.code, s.err);
        assertFalse(Files.exists(dir.resolve("b.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("b.json")));
        assertEquals(f.out, s.out);
        assertTrue(s.out.contains("cross-group R²"));
    }

    @Test
    void smallGroupsAreReportedNotFatal() throws Exception {
        CliRunner g = CliRunner.run("generate", "--rows", "3000", "--attribute", "A=big:0.995,tiny:0.005",
                "--quiet", "--out", p("d.csv"));
        assertEquals(0, g.code, g.err);
        CliRunner f = CliRunner.run("fit", "--data", p("d.csv"), "--target", "y_mean_active", "--json", p("f.json"));
        assertEquals(0, f.code, f.err);
        JsonNode tiny = new ObjectMapper().readTree(dir.resolve("f.json").toFile()).get("groups").get("tiny");
        assertTrue(tiny.get("train_rows").asLong() < 21, tiny.toString());
        assertTrue(tiny.get("intercept").isNull());
        assertTrue(tiny.get("note").asText().contains("fewer than dim + 1"));
    }

    @Test
    void collinearFeaturesGiveTheMinimumNormSolutionAndSayIt() throws Exception {
        StringBuilder sb = new StringBuilder("x_0,x_1,x_2,g_a,g_b,y,split\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < 400; i++) {
            double a = rnd.nextDouble();
            double b = rnd.nextDouble();
            boolean first = i % 2 == 0;
            sb.append(a).append(',').append(b).append(',').append(a).append(',') // x_2 duplicates x_0
                    .append(first ? "1,0" : "0,1").append(',').append(2 * a + 3 * b + 1).append(',')
                    .append(i % 5 == 0 ? "test" : "train").append('\n');
        }
        Files.writeString(dir.resolve("c.csv"), sb);
        CliRunner f = CliRunner.run("fit", "--data", p("c.csv"), "--target", "y", "--split-column", "split", "--json", p("c.json"));
        assertEquals(0, f.code, f.err);
        JsonNode a = new ObjectMapper().readTree(dir.resolve("c.json").toFile()).get("groups").get("a");
        assertEquals(2, a.get("rank").asInt());
        assertTrue(a.get("note").asText().contains("rank-deficient"));
        // minimum norm splits x_0's weight 2 equally between the duplicate columns
        assertEquals(1.0, a.get("coef").get(0).asDouble(), 1e-9);
        assertEquals(3.0, a.get("coef").get(1).asDouble(), 1e-9);
        assertEquals(1.0, a.get("coef").get(2).asDouble(), 1e-9);
        assertEquals(1.0, a.get("intercept").asDouble(), 1e-9);
    }

    @Test
    void badDataEndsWithExitTwoAndOneLine() throws Exception {
        Files.writeString(dir.resolve("ok.csv"), "x_0,g_a,g_b,y\n0.1,1,0,1.0\n0.2,0,1,2.0\n0.3,1,0,3.0\n0.4,0,1,1.5\n0.5,1,0,2.5\n");
        Files.writeString(dir.resolve("nan.csv"), "x_0,g_a,g_b,y\n0.1,1,0,1.0\n0.2,0,1,abc\n");
        Files.writeString(dir.resolve("empty.csv"), "x_0,g_a,g_b,y\n0.1,1,0,1.0\n0.2,1,0,2.0\n0.3,1,0,2.0\n");
        Files.writeString(dir.resolve("short.csv"), "x_0,g_a,g_b,y\n0.1,1,0\n");
        String[][] cases = {
                {"target not found", "--data", p("ok.csv"), "--target", "y_nope"},
                {"missing split column", "--data", p("ok.csv"), "--target", "y", "--split-column", "split"},
                {"missing file", "--data", p("none.csv"), "--target", "y"},
                {"non-numeric cell", "--data", p("nan.csv"), "--target", "y"},
                {"empty group", "--data", p("empty.csv"), "--target", "y"},
                {"short row", "--data", p("short.csv"), "--target", "y"},
                {"no feature columns", "--data", p("ok.csv"), "--target", "y", "--features-prefix", "z_"},
                {"bad fraction", "--data", p("ok.csv"), "--target", "y", "--test-fraction", "1.5"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "fit";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            CliRunner r = CliRunner.run(args);
            assertEquals(2, r.code, c[0] + ": " + r.err);
            assertEquals(1, r.err.strip().lines().count(), c[0] + ": " + r.err);
            assertFalse(r.err.contains("Exception"), c[0]);
        }
    }

    /** A binary file given as --data is named as what it is, in one line, not read as CSV text. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"d.parquet, a Parquet file", "d.npy, a NumPy .npy file", "d.npz, a zip archive (a NumPy .npz?)"})
    void aBinaryFileIsRefusedAsWhatItIs(String name, String kind) throws Exception {
        CliRunner g = CliRunner.run("generate", "--rows", "2000", "--quiet", "--out", p(name));
        assertEquals(0, g.code, g.err);
        CliRunner f = CliRunner.run("fit", "--data", p(name), "--target", "y_mean_active");
        assertEquals(2, f.code, f.err);
        String err = f.err.strip();
        assertEquals(1, err.lines().count(), err);
        assertEquals("fairsynth fit: invalid data = " + p(name) + ": is " + kind + ", not a CSV text file"
                + " (to fit rows that generate makes, run generate --fit TARGET)", err);
    }
}
