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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionsCommandTest {
    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    /** Must-show 3: thread counts 1 and 2 give identical --json and --trace. */
    @Test
    void jsonAndTraceDoNotDependOnThreads() throws Exception {
        for (String jury : List.of("fixed", "static", "continuous", "robust")) {
            for (String t : List.of("1", "2")) {
                CliRunner r = CliRunner.run("admissions", "--jury", jury, "--envs", "130", "--steps", "300",
                        "--threads", t, "--quiet", "--json", p(jury + t + ".json"), "--trace", p(jury + t + ".csv"));
                assertEquals(0, r.code, r.err);
            }
            assertArrayEquals(Files.readAllBytes(dir.resolve(jury + "1.json")), Files.readAllBytes(dir.resolve(jury + "2.json")), jury);
            assertArrayEquals(Files.readAllBytes(dir.resolve(jury + "1.csv")), Files.readAllBytes(dir.resolve(jury + "2.csv")), jury);
        }
        JsonNode j = new ObjectMapper().readTree(dir.resolve("fixed1.json").toFile());
        for (String f : List.of("config", "jury", "steps", "envs", "applicants", "groups", "overall", "threshold")) {
            assertTrue(j.has(f), f);
        }
        for (String m : List.of("share", "eligible_rate", "selected_rate", "manipulated_rate", "accuracy",
                "social_burden", "mean_burden")) {
            assertTrue(j.get("groups").get("0").has(m) && j.get("groups").get("1").has(m) && j.get("overall").has(m), m);
        }
        assertTrue(j.get("threshold").has("final_mean") && j.get("threshold").has("final_sd"));
        List<String> trace = Files.readAllLines(dir.resolve("fixed1.csv"));
        assertEquals(301, trace.size());
        assertTrue(trace.get(0).startsWith("step,threshold,epsilon,g0_share,"));
    }

    @Test
    void configUsesTheGymNames() throws Exception {
        Files.writeString(dir.resolve("c.json"), "{\"num_applicants\": 50, \"feature_params\": {\"mix_weight\": [0.5, 0.5],"
                + " \"mu\": [0.7, 0.6], \"sigma\": [0.1, 0.2]}, \"group_cost\": {\"0\": 2, \"1\": 3}, \"gaming_control\": \"inf\","
                + " \"noise_params\": {\"mu\": 0.1, \"sigma\": 0.01, \"min\": -0.3, \"max\": 0.3}, \"noise_dist\": \"gaussian\"}");
        CliRunner r = CliRunner.run("admissions", "--config", p("c.json"), "--steps", "20", "--quiet", "--json", p("o.json"));
        assertEquals(0, r.code, r.err);
        JsonNode j = new ObjectMapper().readTree(dir.resolve("o.json").toFile());
        assertEquals(50, j.get("applicants").asInt());
        assertEquals(2.0, j.get("config").get("group_cost").get("0").asDouble());
        assertEquals("inf", j.get("config").get("gaming_control").asText());
    }

    @Test
    void badInputEndsWithExitTwoAndOneLine() throws Exception {
        Files.writeString(dir.resolve("mix.json"), "{\"feature_params\": {\"mix_weight\": [0.5, 0.6]}}");
        Files.writeString(dir.resolve("len.json"), "{\"feature_params\": {\"mix_weight\": [0.2, 0.3, 0.5]}}");
        Files.writeString(dir.resolve("unknown.json"), "{\"num_aplicants\": 3}");
        Files.writeString(dir.resolve("gc.json"), "{\"gaming_control\": 2}");
        Files.writeString(dir.resolve("dist.json"), "{\"noise_dist\": \"random\"}");
        Files.writeString(dir.resolve("sigma.json"), "{\"feature_params\": {\"sigma\": [0.1, -0.2]}}");
        Files.writeString(dir.resolve("minmax.json"), "{\"score_params\": {\"min\": 1, \"max\": 0}}");
        Files.writeString(dir.resolve("cost.json"), "{\"group_cost\": {\"0\": 0, \"1\": 1}}");
        String[][] cases = {
                {"mix_weight", "--config", p("mix.json")},
                {"mix_weight", "--config", p("len.json")},
                {"\"num_applicants\"", "--config", p("unknown.json")},
                {"gaming_control", "--config", p("gc.json")},
                {"noise_dist", "--config", p("dist.json")},
                {"sigma[1]", "--config", p("sigma.json")},
                {"score_params.min", "--config", p("minmax.json")},
                {"group_cost.0", "--config", p("cost.json")},
                {"threshold", "--threshold", "1.5"},
                {"epsilon", "--epsilon", "2"},
                {"burnin", "--jury", "robust", "--burnin", "1"},
                {"steps", "--steps", "0"},
                {"envs", "--envs", "0"},
                {"invalid applicants (num_applicants) = 0", "--applicants", "0"},
                {"jury", "--jury", "clever"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 1];
            args[0] = "admissions";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            args[c.length] = "--quiet";
            CliRunner r = CliRunner.run(args);
            assertEquals(2, r.code, c[0] + ": " + r.err);
            assertEquals(1, r.err.strip().lines().count(), r.err);
            assertTrue(r.err.contains(c[0]), c[0] + " not in: " + r.err);
            assertFalse(r.err.contains("Exception"));
        }
    }
}
