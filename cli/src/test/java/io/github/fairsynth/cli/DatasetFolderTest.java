package io.github.fairsynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fairsynth.parquet.ParquetReadBack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetFolderTest {
    @TempDir
    Path dir;


    @Test
    void aParquetDatasetReadBackEqualsTheSingleFileRowForRow() throws Exception {
        String[] common = {"generate", "--quiet", "--rows", "50000", "--dim", "4", "--threads", "2"};
        CliRunner single = CliRunner.run(concat(common, "--out", dir.resolve("one.parquet").toString()));
        CliRunner parted = CliRunner.run(concat(common, "--partition-rows", "12345", "--out", dir.resolve("ds") + "/"));
        assertEquals(0, single.code, single.err);
        assertEquals(0, parted.code, parted.err);
        assertEquals(List.of("_fairsynth.json", "part-00000.parquet", "part-00001.parquet", "part-00002.parquet",
                "part-00003.parquet", "part-00004.parquet"), TestFiles.names(dir.resolve("ds")));
        List<double[]> rows = new ParquetReadBack(dir.resolve("one.parquet")).rows;
        List<double[]> joined = new ArrayList<>();
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("ds/_fairsynth.json").toFile());
        assertEquals("fairsynth-dataset/1", manifest.get("format").asText());
        assertEquals(50000, manifest.get("rows").asLong());
        long next = 0;
        for (JsonNode part : manifest.get("parts")) {
            assertEquals(next, part.get("offset").asLong());
            ParquetReadBack back = new ParquetReadBack(dir.resolve("ds").resolve(part.get("file").asText()));
            assertEquals(part.get("rows").asLong(), back.rows.size());
            assertEquals(next + "+" + back.rows.size(), back.metadata.get("fairsynth.rows"));
            joined.addAll(back.rows);
            next += back.rows.size();
        }
        assertEquals(rows.size(), joined.size());
        for (int r = 0; r < rows.size(); r++) {
            assertArrayEquals(rows.get(r), joined.get(r), "row " + r);
        }
        assertEquals(manifest.get("truth").get("label_ranges").toString(),
                new ObjectMapper().readTree(new ParquetReadBack(dir.resolve("one.parquet")).metadata.get("fairsynth.truth"))
                        .get("label_ranges").toString());
    }

    @Test
    void csvPartsAreTheSingleFileCutAtTheirBoundsAndPartitionsCountWholeBlocks() throws Exception {
        String[] common = {"generate", "--quiet", "--rows", "20000", "--dim", "2", "--offset", "3", "--limit", "19000"};
        assertEquals(0, CliRunner.run(concat(common, "--out", dir.resolve("one.csv").toString())).code);
        CliRunner r = CliRunner.run(concat(common, "--format", "csv", "--partitions", "3", "--out", dir.resolve("ds").toString()));
        assertEquals(0, r.code, r.err);
        List<String> one = Files.readAllLines(dir.resolve("one.csv"));
        List<String> joined = new ArrayList<>(List.of(one.get(0)));
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("ds/_fairsynth.json").toFile());
        long[] expectedOffsets = {3, 3 + 4096, 3 + 3 * 4096}; // 5 blocks from row 3: parts of 1, 2 and 2 blocks
        int i = 0;
        for (JsonNode part : manifest.get("parts")) {
            assertEquals(expectedOffsets[i++], part.get("offset").asLong());
            List<String> lines = Files.readAllLines(dir.resolve("ds").resolve(part.get("file").asText()));
            assertEquals(one.get(0), lines.get(0));
            joined.addAll(lines.subList(1, lines.size()));
        }
        assertEquals(3, i);
        assertEquals(one, joined);
    }

    @Test
    void anEarlierDatasetIsReplacedAndAFolderOfOtherFilesIsNot() throws Exception {
        Path ds = dir.resolve("ds");
        assertEquals(0, CliRunner.run("generate", "--quiet", "--rows", "9000", "--partitions", "2", "--out", ds.toString()).code);
        CliRunner again = CliRunner.run("generate", "--quiet", "--rows", "5000", "--out", ds + "/");
        assertEquals(0, again.code, again.err);
        assertEquals(List.of("_fairsynth.json", "part-00000.parquet"), TestFiles.names(ds));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("ds"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                    "no temporary or old folder left beside it");
        }
        Path mine = dir.resolve("mine");
        Files.createDirectory(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep");
        CliRunner refused = CliRunner.run("generate", "--quiet", "--rows", "5000", "--out", mine + "/");
        assertEquals(2, refused.code);
        assertTrue(refused.err.contains("invalid out"), refused.err);
        assertEquals(List.of("notes.txt"), TestFiles.names(mine));
    }

    @Test
    void partitionFlagsOutOfRangeNameTheFlag() {
        CliRunner both = CliRunner.run("generate", "--rows", "9000", "--partitions", "2", "--partition-rows", "10",
                "--out", dir.resolve("a").toString());
        assertEquals(2, both.code);
        assertTrue(both.err.contains("partitions"), both.err);
        CliRunner many = CliRunner.run("generate", "--rows", "9000", "--partitions", "4", "--out", dir.resolve("b").toString());
        assertEquals(2, many.code);
        assertTrue(many.err.contains("invalid partitions = 4: must be in [1, 3]"), many.err);
        CliRunner tiny = CliRunner.run("generate", "--rows", "200001", "--partition-rows", "1", "--out", dir.resolve("c").toString());
        assertEquals(2, tiny.code);
        assertTrue(tiny.err.contains("invalid partition-rows = 1: must be >= 3"), tiny.err);
        assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")) || Files.exists(dir.resolve("c")));
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
