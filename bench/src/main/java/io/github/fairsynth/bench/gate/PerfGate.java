package io.github.fairsynth.bench.gate;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CI performance gate: a short JMH subset (about a minute on 2 cores) compared with a committed baseline.
 *
 * <p>Measured on this kind of machine: raw JMH times vary 8–13% between runs, the ratio of two
 * implementations in the same run about 6%, bytes allocated per operation under 0.01%. So the gate
 * <b>fails</b> when a same-run ratio drops more than 25% below its baseline or when allocation per
 * operation grows (more than 10% above the baseline plus 1 byte), and only <b>warns</b> on raw times.
 *
 * <p>Same-run ratios still depend on the processor (a Zen 1 core splits 256-bit vector operations in two,
 * so the Vector API speed-ups there are half a Zen 3 core's). Each baseline records its processor
 * ({@link #cpuId()}); a baseline for a processor other than the default's sits beside it as
 * {@code BASELINE-<cpu>.json} and is preferred when the gate runs on that processor. Against a baseline
 * of another processor or JDK, regressions are reported as warnings only.
 *
 * <p>Usage: {@code PerfGate BASELINE.json} checks; {@code PerfGate --write-baseline FILE.json} measures
 * and writes a new baseline (do this on purpose, on the CI machine kind, and commit it with the reason).
 */
public final class PerfGate {
    /** A same-run ratio may fall to this fraction of its baseline before the gate fails. */
    static final double RATIO_FLOOR = 0.75;
    /**
     * Allocation per operation may grow to this multiple of its baseline (plus one byte) before the gate
     * fails. Measured here it varies under 0.01% (1.5% for the scalar rows' 0.075 B); twice the baseline,
     * the first rule, let a vector boxed in every 20-applicant round through (8.5 → 13.4 MB per run).
     */
    static final double ALLOC_GROWTH = 1.10;
    /** Raw times may grow by this fraction before the gate warns. */
    static final double TIME_WARN = 0.25;

    private PerfGate() {
    }

    /**
     * @param args the baseline path, optionally preceded by {@code --write-baseline}
     * @throws Exception on failure to run or read
     */
    public static void main(String[] args) throws Exception {
        boolean write = args.length == 2 && args[0].equals("--write-baseline");
        if (!(args.length == 1 || write)) {
            System.err.println("usage: PerfGate [--write-baseline] BASELINE.json");
            System.exit(2);
        }
        String cpu = cpuId();
        Path baseline = write ? Path.of(args[1]) : forCpu(Path.of(args[0]), cpu);
        Map<String, double[]> now = measure();          // label -> {score (ns/op), alloc B/op}
        Map<String, Double> ratios = ratios(now);
        if (write) {
            Files.writeString(baseline, toJson(now, ratios, cpu), StandardCharsets.UTF_8);
            System.out.println("perf gate: wrote baseline " + baseline);
            return;
        }
        String base = Files.readString(baseline, StandardCharsets.UTF_8);
        String baseJdk = string(base, "jdk");
        String baseCpu = string(base, "cpu");
        boolean sameJdk = baseJdk.equals(jdkMajor());
        boolean sameCpu = baseCpu.equals(cpu);
        int failures = 0;
        System.out.println("perf gate against " + baseline + " (baseline JDK " + baseJdk + " on " + baseCpu
                + ", running JDK " + jdkMajor() + " on " + cpu + ")");
        for (Map.Entry<String, Double> e : ratios.entrySet()) {
            if (!has(base, "ratio." + e.getKey())) {
                System.out.printf(Locale.ROOT, "  ratio %-28s %8.3f  NOT CHECKED: the baseline has no figure for it yet%n",
                        e.getKey(), e.getValue());
                continue;
            }
            double b = number(base, "ratio." + e.getKey());
            boolean bad = e.getValue() < RATIO_FLOOR * b;
            System.out.printf(Locale.ROOT, "  ratio %-28s %8.3f  baseline %8.3f  %s%n", e.getKey(), e.getValue(), b,
                    bad ? "FAIL (below " + RATIO_FLOOR + "x baseline)" : "ok");
            failures += bad ? 1 : 0;
        }
        for (Map.Entry<String, double[]> e : now.entrySet()) {
            if (!has(base, "alloc." + e.getKey())) {
                System.out.printf(Locale.ROOT, "  %-44s %10.4f ns/op  alloc %9.4f B/op  NOT CHECKED: the baseline has no "
                        + "figures for it yet; add them (results/README.md)%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
                continue;
            }
            double bAlloc = number(base, "alloc." + e.getKey());
            double bTime = number(base, "time." + e.getKey());
            double alloc = e.getValue()[1];
            double time = e.getValue()[0];
            boolean allocBad = alloc > ALLOC_GROWTH * bAlloc + 1.0;
            String timeNote = time > (1 + TIME_WARN) * bTime ? "WARN: raw time +" + Math.round(100 * (time / bTime - 1)) + "%" : "";
            System.out.printf(Locale.ROOT, "  %-44s %10.4f ns/op (baseline %10.4f)  alloc %9.4f B/op (baseline %9.4f)  %s %s%n",
                    e.getKey(), time, bTime, alloc, bAlloc, allocBad ? "FAIL (allocation grew)" : "ok", timeNote);
            failures += allocBad ? 1 : 0;
        }
        if (failures > 0 && !(sameJdk && sameCpu)) {
            System.out.println("perf gate: " + failures + " regression(s) seen, reported as warnings: the baseline was measured on JDK "
                    + baseJdk + " on " + baseCpu + "; record one for this machine with --write-baseline (results/README.md)");
            return;
        }
        if (failures > 0) {
            System.out.println("perf gate: FAILED (" + failures + " regression(s)); if intended, refresh the baseline: see results/README.md");
            System.exit(1);
        }
        System.out.println("perf gate: passed");
    }

    static Map<String, double[]> measure() throws Exception {
        Options opt = new OptionsBuilder()
                .include("io.github.fairsynth.bench.RngBench.(uniformScalar|uniformPanama|memoryFill|normalZigguratBulk)$")
                .include("io.github.fairsynth.bench.GeneratorBlockBench.rows$")
                .include("io.github.fairsynth.bench.AdmissionsBench.run$")
                .param("config", "paper")
                .param("shape", "many-envs")   // small rounds: where a vector helper that is not inlined boxed
                .param("threads", "1")
                .addProfiler(GCProfiler.class)
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("--add-modules=jdk.incubator.vector")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(opt).run();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (RunResult r : runs) {
            String name = r.getParams().getBenchmark().replace("io.github.fairsynth.bench.", "");
            String variant = r.getParams().getParam("kernels");
            if (variant == null) {
                variant = r.getParams().getParam("shape");
            }
            String label = variant == null ? name : name + "[" + variant + "]";
            Result<?> primary = r.getPrimaryResult();
            double score = primary.getScore();
            String unit = primary.getScoreUnit();
            double nsPerOp = nanosPerOp(score, unit);
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            out.put(label, new double[] {nsPerOp, alloc == null ? 0 : alloc.getScore()});
        }
        return out;
    }

    /** A JMH score in ns per operation: rows benchmarks report ops/us, admissions runs ms/op. */
    static double nanosPerOp(double score, String unit) {
        switch (unit) {
            case "ops/us":
                return 1000.0 / score;
            case "ns/op":
                return score;
            case "us/op":
                return score * 1e3;
            case "ms/op":
                return score * 1e6;
            default:
                throw new IllegalStateException("unexpected JMH unit " + unit);
        }
    }

    static Map<String, Double> ratios(Map<String, double[]> m) {
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("uniform_simd_speedup", m.get("RngBench.uniformScalar")[0] / m.get("RngBench.uniformPanama")[0]);
        r.put("generator_simd_speedup", m.get("GeneratorBlockBench.rows[scalar]")[0] / m.get("GeneratorBlockBench.rows[panama]")[0]);
        r.put("uniform_vs_memory_fill", m.get("RngBench.memoryFill")[0] / m.get("RngBench.uniformPanama")[0]);
        r.put("normals_vs_memory_fill", m.get("RngBench.memoryFill")[0] / m.get("RngBench.normalZigguratBulk")[0]);
        return r;
    }

    /**
     * The baseline beside {@code standard} for processor {@code cpu} ({@code <name>-<cpu>.json}) if there
     * is one, else {@code standard}.
     */
    static Path forCpu(Path standard, String cpu) {
        String name = standard.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        Path own = standard.resolveSibling(stem + "-" + cpu + ".json");
        return Files.isRegularFile(own) ? own : standard;
    }

    /**
     * @return the processor as {@code vendor-familyF-modelM} from {@code /proc/cpuinfo} (e.g.
     *         {@code amd-family23-model1} for Zen 1 EPYC), or the OS architecture where that is unreadable
     */
    static String cpuId() {
        try {
            String vendor = "";
            String family = "";
            String model = "";
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    if (!vendor.isEmpty()) {
                        break; // the first processor is enough
                    }
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (key.equals("vendor_id")) {
                    vendor = value.equals("AuthenticAMD") ? "amd" : value.equals("GenuineIntel") ? "intel"
                            : value.toLowerCase(Locale.ROOT);
                } else if (key.equals("cpu family")) {
                    family = value;
                } else if (key.equals("model")) {
                    model = value;
                }
            }
            if (!vendor.isEmpty() && !family.isEmpty() && !model.isEmpty()) {
                return vendor + "-family" + family + "-model" + model;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    static String jdkMajor() {
        return String.valueOf(Runtime.version().feature());
    }

    static String toJson(Map<String, double[]> m, Map<String, Double> ratios, String cpu) {
        StringBuilder sb = new StringBuilder("{\n  \"jdk\": \"").append(jdkMajor()).append("\",\n  \"java_vm\": \"")
                .append(System.getProperty("java.vm.version")).append("\",\n  \"cpu\": \"").append(cpu).append("\",\n");
        for (Map.Entry<String, Double> e : ratios.entrySet()) {
            sb.append(String.format(Locale.ROOT, "  \"ratio.%s\": %.6f,%n", e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, double[]> e : m.entrySet()) {
            sb.append(String.format(Locale.ROOT, "  \"time.%s\": %.6f,%n", e.getKey(), e.getValue()[0]));
            sb.append(String.format(Locale.ROOT, "  \"alloc.%s\": %.6f,%n", e.getKey(), e.getValue()[1]));
        }
        sb.setLength(sb.length() - 2);
        return sb.append("\n}\n").toString();
    }

    private static boolean has(String json, String key) {
        return json.contains("\"" + key + "\"");
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*([-0-9.eE]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("baseline has no " + key + "; refresh it (results/README.md)");
        }
        return Double.parseDouble(m.group(1));
    }

    private static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
