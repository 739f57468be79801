package io.github.fairsynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {
    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void jsonConfigWithPythonNamesEqualsFlags() throws Exception {
        Path cfg = dir.resolve("cfg.json");
        Files.writeString(cfg, "{\"samples\": 9000, \"dim\": 4,"
                + " \"group_dict\": {\"SEX\": [\"male\", \"female\"], \"RACE\": [\"white\", \"black\", \"asian\"]},"
                + " \"prob_dict\": {\"SEX\": [0.5, 0.5], \"RACE\": [0.6, 0.3, 0.1]},"
                + " \"feat_lo\": -1, \"feat_hi\": 1, \"add_linear_mapping\": true, \"w_lo\": 0, \"w_hi\": 2,"
                + " \"add_quad_mapping\": true, \"S_lo\": -1, \"S_hi\": 1, \"label_noise_width\": 0.1,"
                + " \"drop_sensitive\": true, \"fixed_seed\": 7}");
        CliRunner a = CliRunner.run("generate", "--config", cfg.toString(), "--quiet", "--out", p("a.csv"), "--truth", p("a.json"));
        CliRunner b = CliRunner.run("generate", "--rows", "9000", "--dim", "4",
                "--attribute", "SEX=male:0.5,female:0.5", "--attribute", "RACE=white:0.6,black:0.3,asian:0.1",
                "--features", "-1,1", "--weights", "0,2", "--quadratic", "-1,1", "--noise", "0.1",
                "--drop-sensitive", "--seed", "7", "--quiet", "--out", p("b.csv"), "--truth", p("b.json"));
        assertEquals(0, a.code, a.err);
        assertEquals(0, b.code, b.err);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("b.json")));
        String header = Files.readAllLines(dir.resolve("a.csv")).get(0);
        assertEquals("x_0,x_1,x_2,x_3,y_male,y_female,y_white,y_black,y_asian,y_mean_active,y_min_active,"
                + "y_max_active,y_dperm_active,y_mean_all,y_min_all,y_max_all", header);
    }

    @Test
    void flagsOverrideTheConfigFile() throws Exception {
        Path cfg = dir.resolve("cfg.json");
        Files.writeString(cfg, "{\"samples\": 50, \"dim\": 3}");
        CliRunner r = CliRunner.run("generate", "--config", cfg.toString(), "--rows", "20", "--quiet", "--out", p("o.csv"));
        assertEquals(0, r.code, r.err);
        List<String> lines = Files.readAllLines(dir.resolve("o.csv"));
        assertEquals(21, lines.size());
        assertTrue(lines.get(0).startsWith("x_0,x_1,x_2,g_circle"));
    }

    /** Must-show 3: with --no-scale --noise 0, y_level = x . w_g of the truth file to 1e-12 relative. */
    @Test
    void noiseFreeLabelsMatchTheTruthFile() throws Exception {
        CliRunner r = CliRunner.run("generate", "--rows", "20000", "--no-scale", "--noise", "0", "--quiet",
                "--out", p("d.csv"), "--truth", p("t.json"));
        assertEquals(0, r.code, r.err);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("t.json").toFile());
        JsonNode w = truth.get("weights_by_group");
        List<String> lines = Files.readAllLines(dir.resolve("d.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int dim = truth.get("config").get("dim").asInt();
        for (int i = 1; i < lines.size(); i++) {
            String[] v = lines.get(i).split(",");
            for (String g : List.of("circle", "square", "triangle", "green", "red")) {
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    dot += Double.parseDouble(v[j]) * w.get(g).get(j).asDouble();
                }
                double y = Double.parseDouble(v[header.indexOf("y_" + g)]);
                assertEquals(dot, y, 1e-12 * Math.abs(dot), "row " + i + " group " + g);
            }
        }
        assertEquals(List.of("circle", "square", "triangle", "green", "red").size(), truth.get("dominance_permutation").size());
    }

    /** Must-show 3 on a CLI file: group frequencies within 5 binomial sd, x in bounds, labels span [0,1] exactly. */
    @Test
    void defaultFileHasTheClaimedDistribution() throws Exception {
        int n = 200_000;
        CliRunner r = CliRunner.run("generate", "--rows", String.valueOf(n), "--quiet", "--out", p("f.csv"));
        assertEquals(0, r.code, r.err);
        List<String> lines = Files.readAllLines(dir.resolve("f.csv"));
        String[] header = lines.get(0).split(",");
        double[] probs = {0.5, 0.3, 0.2, 0.6, 0.4};
        long[] counts = new long[5];
        double[] min = new double[header.length];
        double[] max = new double[header.length];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 1; i < lines.size(); i++) {
            String[] v = lines.get(i).split(",");
            for (int c = 0; c < v.length; c++) {
                double d = Double.parseDouble(v[c]);
                min[c] = Math.min(min[c], d);
                max[c] = Math.max(max[c], d);
                if (c >= 20 && c < 25) {
                    counts[c - 20] += (long) d;
                }
            }
        }
        for (int g = 0; g < 5; g++) {
            double sd = Math.sqrt(n * probs[g] * (1 - probs[g]));
            assertTrue(Math.abs(counts[g] - n * probs[g]) <= 5 * sd, header[20 + g] + " count " + counts[g]);
        }
        for (int c = 0; c < header.length; c++) {
            if (header[c].startsWith("x_")) {
                assertTrue(min[c] >= 0 && max[c] <= 1, header[c]);
            } else if (header[c].startsWith("y_")) {
                assertEquals(0.0, min[c], 0.0, header[c]);
                assertEquals(1.0, max[c], 0.0, header[c]);
            }
        }
    }

    @Test
    void helpAndVersion() {
        CliRunner h = CliRunner.run("generate", "--help");
        assertEquals(0, h.code);
        assertTrue(h.out.contains("--offset"));
        CliRunner v = CliRunner.run("--version");
        assertEquals(0, v.code);
        assertTrue(v.out.startsWith("fairsynth "));
    }
}
