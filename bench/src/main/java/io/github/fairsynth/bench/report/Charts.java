package io.github.fairsynth.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the committed JMH JSON of {@code results/} and writes its charts as PNG (XChart), plus a table of
 * medians on standard output: every figure is the median of all measurement iterations of all forks.
 *
 * <p>Usage: {@code Charts RESULTS_DIR} (reads {@code jmh-jdk17.json} and, when present, {@code jmh-jdk25.json},
 * and the thread-scaling runs {@code scaling/scaling-jdk17-N.json} and {@code scaling/phases-paper-Tthreads-jdk17.json}); the charts go to {@code charts/}.
 */
public final class Charts {
    /** The generator's phases in {@code GeneratorPhaseBench}, in the order a block runs them. */
    private static final List<String> PHASES = List.of("features", "groups", "labels", "noise", "aggregates", "scaling");

    private Charts() {
    }

    /** One benchmark result: its name (class.method), its parameters, the median score and the unit. */
    record Row(String name, Map<String, String> params, double median, String unit) {
        String param(String key) {
            return params.getOrDefault(key, "");
        }
    }

    /**
     * @param args the results directory
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Charts RESULTS_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Map<String, List<Row>> byJdk = new LinkedHashMap<>();
        for (String jdk : new String[] {"17", "25"}) {
            Path f = dir.resolve("jmh-jdk" + jdk + ".json");
            if (Files.exists(f)) {
                byJdk.put(jdk, read(f));
            }
        }
        if (byJdk.isEmpty()) {
            System.err.println("no jmh-jdk17.json or jmh-jdk25.json in " + dir);
            System.exit(2);
        }
        for (Map.Entry<String, List<Row>> e : byJdk.entrySet()) {
            System.out.println("## JDK " + e.getKey() + " (medians)");
            for (Row r : e.getValue()) {
                System.out.printf(Locale.ROOT, "%-48s %-40s %12.4f %s%n", r.name(), r.params(), r.median(), r.unit());
            }
        }
        scaling(dir);
        Path charts = Files.createDirectories(dir.resolve("charts"));
        generatorRows(byJdk, charts.resolve("generator-rows.png"));
        generatorPhases(byJdk.values().iterator().next(), charts.resolve("generator-phases.png"));
        admissions(byJdk, charts.resolve("admissions.png"));
    }

    /**
     * Prints the thread-scaling runs: per run (both thread counts timed back to back in one JMH run) the
     * generator's rows on one thread and on all, their ratio, and the median ratio over the runs; then each
     * phase of the paper configuration on one and on two threads.
     */
    static void scaling(Path dir) throws IOException {
        List<Path> runs = new ArrayList<>();
        for (int i = 1; Files.exists(dir.resolve("scaling/scaling-jdk17-" + i + ".json")); i++) {
            runs.add(dir.resolve("scaling/scaling-jdk17-" + i + ".json"));
        }
        if (runs.isEmpty()) {
            return;
        }
        System.out.println("## JDK 17 thread scaling (M rows/s; ratio = all threads / 1 thread, same run)");
        for (String cfg : new String[] {"paper", "wide"}) {
            List<Double> ratios = new ArrayList<>();
            for (Path f : runs) {
                List<Row> rows = read(f);
                double one = value(find(rows, "GeneratorThreadsBench.rows1", "config", cfg));
                double all = value(find(rows, "GeneratorThreadsBench.rowsAll", "config", cfg));
                if (one == 0 || all == 0) {
                    continue;
                }
                ratios.add(all / one);
                System.out.printf(Locale.ROOT, "%-6s %-22s 1 thread %8.4f  all %8.4f  ratio %.3f%n", cfg,
                        f.getFileName(), one, all, all / one);
            }
            if (!ratios.isEmpty()) {
                System.out.printf(Locale.ROOT, "%-6s median ratio over %d runs: %.3f%n", cfg, ratios.size(),
                        median(ratios));
            }
        }
        Path p1 = dir.resolve("scaling/phases-paper-1threads-jdk17.json");
        Path p2 = dir.resolve("scaling/phases-paper-2threads-jdk17.json");
        if (Files.exists(p1) && Files.exists(p2)) {
            List<Row> one = read(p1);
            List<Row> two = read(p2);
            for (String ph : PHASES) {
                double a = value(find(one, "GeneratorPhaseBench." + ph, "config", "paper"));
                double b = value(find(two, "GeneratorPhaseBench." + ph, "config", "paper"));
                System.out.printf(Locale.ROOT, "paper phase %-10s 1 thread %8.3f  2 threads %8.3f M rows/s  ratio %.3f%n",
                        ph, a, b, b / a);
            }
        }
    }

    static List<Row> read(Path f) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode b : new ObjectMapper().readTree(f.toFile())) {
            String full = b.get("benchmark").asText();
            String[] parts = full.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Map<String, String> params = new TreeMap<>();
            JsonNode p = b.get("params");
            if (p != null) {
                p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            }
            JsonNode pm = b.get("primaryMetric");
            List<Double> raw = new ArrayList<>();
            for (JsonNode fork : pm.get("rawData")) {
                for (JsonNode v : fork) {
                    raw.add(v.asDouble());
                }
            }
            rows.add(new Row(name, params, median(raw), pm.get("scoreUnit").asText()));
        }
        return rows;
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int n = a.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    static Row find(List<Row> rows, String name, String... kv) {
        outer:
        for (Row r : rows) {
            if (!r.name().equals(name)) {
                continue;
            }
            for (int i = 0; i < kv.length; i += 2) {
                if (!r.param(kv[i]).equals(kv[i + 1])) {
                    continue outer;
                }
            }
            return r;
        }
        return null;
    }

    private static double value(Row r) {
        return r == null ? 0.0 : r.median();
    }

    private static CategoryChart chart(String title, String x, String y) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(520).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setDecimalPattern("#,##0.0#");
        return c;
    }

    /** Whole rows in M rows/s by configuration, thread count and JDK (ops/us = M rows/s). */
    static void generatorRows(Map<String, List<Row>> byJdk, Path out) throws IOException {
        CategoryChart c = chart("Generator: whole rows in memory (Vector API kernels)", "configuration",
                "M rows/s (all threads)");
        List<String> configs = List.of("paper (dim 20, 5 groups)", "wide (dim 100, 50 groups)");
        for (Map.Entry<String, List<Row>> e : byJdk.entrySet()) {
            for (String t : new String[] {"1", "All"}) {
                List<Double> ys = new ArrayList<>();
                for (String cfg : new String[] {"paper", "wide"}) {
                    ys.add(value(find(e.getValue(), "GeneratorThreadsBench.rows" + t, "config", cfg)));
                }
                c.addSeries("JDK " + e.getKey() + ", " + (t.equals("1") ? "1 thread" : "2 threads (all cores)"), configs, ys);
            }
        }
        BitmapEncoder.saveBitmap(c, out.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Nanoseconds per row of each phase (1 thread, Vector API kernels). */
    static void generatorPhases(List<Row> rows, Path out) throws IOException {
        CategoryChart c = chart("Generator: time per row by phase (1 thread)", "phase", "ns per row");
        for (String cfg : new String[] {"paper", "wide"}) {
            List<Double> ys = new ArrayList<>();
            for (String ph : PHASES) {
                double opsPerUs = value(find(rows, "GeneratorPhaseBench." + ph, "config", cfg));
                ys.add(opsPerUs > 0 ? 1000.0 / opsPerUs : 0.0);
            }
            c.addSeries(cfg, PHASES, ys);
        }
        BitmapEncoder.saveBitmap(c, out.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Admissions in M applicant-steps/s by shape, thread count and JDK. */
    static void admissions(Map<String, List<Row>> byJdk, Path out) throws IOException {
        CategoryChart c = chart("Admissions: fixed jury", "shape", "M applicant-steps/s");
        List<String> shapes = List.of("10^6 applicants x 10 steps", "20 applicants x 10^4 envs x 10 steps");
        for (Map.Entry<String, List<Row>> e : byJdk.entrySet()) {
            for (String t : new String[] {"1", "2"}) {
                List<Double> ys = new ArrayList<>();
                for (String shape : new String[] {"big-step", "many-envs"}) {
                    double ms = value(find(e.getValue(), "AdmissionsBench.run", "shape", shape, "threads", t));
                    double perOp = shape.equals("big-step") ? 1e7 : 2e6; // applicant-steps per operation
                    ys.add(ms > 0 ? perOp / (ms * 1e-3) / 1e6 : 0.0);
                }
                c.addSeries("JDK " + e.getKey() + ", " + t + (t.equals("1") ? " thread" : " threads"), shapes, ys);
            }
        }
        BitmapEncoder.saveBitmap(c, out.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
