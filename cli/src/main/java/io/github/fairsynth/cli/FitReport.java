package io.github.fairsynth.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.fairsynth.analysis.GroupOlsResult;
import io.github.fairsynth.io.AtomicFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Prints a group-wise fit as a table and writes it as JSON (NaN as {@code null}, with a note saying why). */
final class FitReport {
    private FitReport() {
    }

    static void print(GroupOlsResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "per-group OLS with intercept on %d features, target %s (R² as scikit-learn's r2_score)%n",
                r.features().size(), r.target());
        int w = Math.max(8, r.groups().stream().mapToInt(String::length).max().orElse(5) + 2);
        out.printf(Locale.ROOT, "  %-" + w + "s %10s %10s %9s %9s %10s  %s%n", "group", "train", "test", "R² train",
                "R² test", "intercept", "note");
        for (GroupOlsResult.Fit f : r.fits()) {
            row(out, w, f);
        }
        row(out, w, r.all());
        out.println();
        out.println("cross-group R² (row: model fit on that group; column: scored on that group's test rows)");
        out.printf(Locale.ROOT, "  %-" + w + "s", "");
        for (String g : r.groups()) {
            out.printf(Locale.ROOT, " %9s", g.length() > 9 ? g.substring(0, 9) : g);
        }
        out.println();
        double[][] c = r.crossR2();
        for (int i = 0; i < c.length; i++) {
            out.printf(Locale.ROOT, "  %-" + w + "s", r.groups().get(i));
            for (double v : c[i]) {
                out.printf(Locale.ROOT, " %9s", Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.4f", v));
            }
            out.println();
        }
    }

    private static void row(PrintWriter out, int w, GroupOlsResult.Fit f) {
        out.printf(Locale.ROOT, "  %-" + w + "s %,10d %,10d %9s %9s %10s  %s%n", f.name(), f.trainRows(), f.testRows(),
                fmt(f.r2Train()), fmt(f.r2Test()), fmt(f.intercept()), f.note());
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.4f", v);
    }

    static void writeJson(GroupOlsResult r, Path target) throws IOException {
        AtomicFile.write(target, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("target", r.target());
                g.writeFieldName("features");
                g.writeStartArray();
                for (String f : r.features()) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeObjectFieldStart("groups");
                for (GroupOlsResult.Fit f : r.fits()) {
                    g.writeFieldName(f.name());
                    fit(g, f);
                }
                g.writeEndObject();
                g.writeFieldName("all");
                fit(g, r.all());
                g.writeObjectFieldStart("cross_r2");
                names(g, "rows", r.groups());
                names(g, "cols", r.groups());
                g.writeArrayFieldStart("values");
                for (double[] row : r.crossR2()) {
                    g.writeStartArray();
                    for (double v : row) {
                        JsonValues.number(g, v);
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
        });
    }

    private static void names(JsonGenerator g, String field, List<String> names) throws IOException {
        g.writeArrayFieldStart(field);
        for (String n : names) {
            g.writeString(n);
        }
        g.writeEndArray();
    }

    private static void fit(JsonGenerator g, GroupOlsResult.Fit f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("train_rows", f.trainRows());
        g.writeNumberField("test_rows", f.testRows());
        g.writeFieldName("intercept");
        JsonValues.number(g, f.intercept());
        g.writeArrayFieldStart("coef");
        for (double c : f.coef()) {
            JsonValues.number(g, c);
        }
        g.writeEndArray();
        g.writeFieldName("r2_train");
        JsonValues.number(g, f.r2Train());
        g.writeFieldName("r2_test");
        JsonValues.number(g, f.r2Test());
        g.writeNumberField("rank", f.rank());
        if (!f.note().isEmpty()) {
            g.writeStringField("note", f.note());
        }
        g.writeEndObject();
    }
}
