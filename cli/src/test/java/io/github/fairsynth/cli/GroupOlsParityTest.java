package io.github.fairsynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fairsynth.analysis.FitOptions;
import io.github.fairsynth.analysis.GroupOlsCsv;
import io.github.fairsynth.analysis.GroupOlsResult;
import io.github.fairsynth.exec.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parity with scikit-learn on the shared group_ols fixture (copied into test resources). */
class GroupOlsParityTest {
    @TempDir
    Path dir;

    private static void close(double expected, double actual, double rel, double abs, String what) {
        double tol = Math.max(abs, rel * Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void matchesScikitLearn() throws Exception {
        Path csv = dir.resolve("dataset.csv");
        try (InputStream in = getClass().getResourceAsStream("/group_ols/dataset.csv")) {
            Files.copy(in, csv);
        }
        JsonNode e;
        try (InputStream in = getClass().getResourceAsStream("/group_ols/expected.json")) {
            e = new ObjectMapper().readTree(in);
        }
        GroupOlsResult r = GroupOlsCsv.fit(csv, "y_min", FitOptions.defaults().withSplitColumn("split"), ProgressListener.NONE);
        JsonNode order = e.get("group_order");
        assertEquals(order.size(), r.groups().size());
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i).asText();
            assertEquals(name, r.groups().get(i));
            JsonNode g = e.get("groups").get(name);
            GroupOlsResult.Fit f = r.fits().get(i);
            assertEquals(g.get("n_train").asLong(), f.trainRows(), name);
            assertEquals(g.get("n_test").asLong(), f.testRows(), name);
            for (int j = 0; j < f.coef().length; j++) {
                close(g.get("coef").get(j).asDouble(), f.coef()[j], 1e-9, 1e-12, name + " coef " + j);
            }
            close(g.get("intercept").asDouble(), f.intercept(), 1e-9, 1e-12, name + " intercept");
            close(g.get("train_r2").asDouble(), f.r2Train(), 0, 1e-10, name + " train R²");
            close(g.get("test_r2").asDouble(), f.r2Test(), 0, 1e-10, name + " test R²");
            assertEquals(5, f.rank());
            assertEquals("", f.note());
        }
        JsonNode m = e.get("cross_test_r2").get("matrix");
        double[][] c = r.crossR2();
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                close(m.get(i).get(j).asDouble(), c[i][j], 0, 1e-10, "cross " + i + "," + j);
            }
        }
    }
}
