package io.github.fairsynth.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every invalid input: exit code 2, exactly one line on stderr naming the parameter, no output file. */
class BadInputTest {
    @TempDir
    Path dir;

    record Case(String name, String json, String[] flags, String mustMention) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(flags("negative probability", "prob_dict.A[0]", "--attribute", "A=a:-0.5,b:1.5"));
        c.add(flags("NaN probability", "prob_dict.A[0]", "--attribute", "A=a:NaN,b:0.5"));
        c.add(flags("probabilities not summing to 1", "prob_dict.A", "--attribute", "A=a:0.5,b:0.6"));
        c.add(flags("feat_lo > feat_hi", "invalid features (feat_lo) = 2.0", "--features", "2,1"));
        c.add(flags("weights not finite", "invalid weights (w_hi) = Infinity", "--weights", "0,Infinity"));
        c.add(flags("quadratic lo > hi", "invalid quadratic (S_lo) = 1.0", "--quadratic", "1,0"));
        c.add(flags("dim 0", "dim", "--dim", "0"));
        c.add(flags("dim negative", "dim", "--dim", "-3"));
        c.add(flags("rows 0", "invalid rows (samples) = 0", "--rows", "0"));
        c.add(flags("rows negative", "invalid rows (samples) = -5", "--rows", "-5"));
        c.add(flags("negative noise", "invalid noise (label_noise_width) = -0.1", "--noise", "-0.1"));
        c.add(flags("duplicate level names", "group_dict.B", "--attribute", "A=x:0.5,y:0.5", "--attribute", "B=x:1"));
        c.add(flags("duplicate attribute", "attribute", "--attribute", "A=x:0.5,y:0.5", "--attribute", "A=z:1"));
        c.add(flags("malformed attribute", "attribute", "--attribute", "A"));
        c.add(flags("offset past the end", "offset", "--rows", "100", "--offset", "100"));
        c.add(flags("limit past the end", "limit", "--rows", "100", "--offset", "50", "--limit", "51"));
        c.add(flags("zero threads", "threads", "--threads", "0"));
        c.add(flags("not a number", "--rows", "--rows", "many"));
        c.add(flags("unknown format", "format", "--format", "xlsx"));
        c.add(flags("unknown parquet codec", "compression", "--format", "parquet", "--compression", "lzo"));
        c.add(flags("unknown flag", "--colour", "--colour", "red"));
        c.add(flags("compression for a CSV", "invalid compression = zstd:3: goes with Parquet output", "--compression", "zstd:3"));
        c.add(flags("encoding for a .npy", "invalid encoding = plain: goes with Parquet output (.parquet or a dataset folder), not npy",
                "--format", "npy", "--encoding", "plain"));
        c.add(json("unknown JSON field names the closest", "\"dim\"", "{\"dimm\": 3}"));
        c.add(json("attribute missing from prob_dict", "prob_dict", "{\"group_dict\": {\"A\": [\"a\"], \"B\": [\"b\"]}, \"prob_dict\": {\"A\": [1.0]}}"));
        c.add(json("extra attribute in prob_dict", "prob_dict.B", "{\"group_dict\": {\"A\": [\"a\"]}, \"prob_dict\": {\"A\": [1.0], \"B\": [1.0]}}"));
        c.add(json("lengths differ", "prob_dict.A", "{\"group_dict\": {\"A\": [\"a\", \"b\"]}, \"prob_dict\": {\"A\": [1.0]}}"));
        c.add(json("samples not whole", "samples", "{\"samples\": 10.5}"));
        c.add(json("samples 0 from the config keeps its JSON name", "invalid samples = 0", "{\"samples\": 0}"));
        c.add(json("wrong type", "add_quad_mapping", "{\"add_quad_mapping\": \"yes\"}"));
        c.add(json("invalid JSON", "config", "{\"dim\": }"));
        c.add(json("duplicate JSON key", "config", "{\"dim\": 3, \"dim\": 4}"));
        return c.stream();
    }

    private static Case flags(String name, String mention, String... flags) {
        return new Case(name, null, flags, mention);
    }

    private static Case json(String name, String mention, String json) {
        return new Case(name, json, new String[0], mention);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithOneLineAndNoFile(Case c) throws Exception {
        Path out = dir.resolve("out.csv");
        List<String> args = new ArrayList<>(List.of("generate", "--quiet", "--out", out.toString()));
        if (c.json != null) {
            Path cfg = dir.resolve("cfg.json");
            Files.writeString(cfg, c.json);
            args.add("--config");
            args.add(cfg.toString());
        }
        args.addAll(List.of(c.flags));
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(2, r.code, r.err);
        String err = r.err.strip();
        assertEquals(1, err.lines().count(), "one line expected, got: " + err);
        assertTrue(err.contains(c.mustMention), err);
        assertFalse(err.contains("Exception"), err);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("out.csv")), "no output file");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritable")
    void unwritableOutput(String what, String path) throws Exception {
        Files.writeString(dir.resolve("other.txt"), "a file of the user's: the folder is no dataset to replace");
        CliRunner r = CliRunner.run("generate", "--quiet", "--rows", "10", "--out", path.replace("DIR", dir.toString()));
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.err.strip().lines().count());
        assertTrue(r.err.contains("invalid out"), r.err);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> unwritable() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("missing folder", "DIR/no/such/folder/a.csv"),
                org.junit.jupiter.params.provider.Arguments.of("a folder of other files", "DIR"),
                org.junit.jupiter.params.provider.Arguments.of("a file as a dataset folder", "DIR/other.txt/"),
                org.junit.jupiter.params.provider.Arguments.of("unknown extension", "DIR/a.txt"));
    }
}
