package io.github.fairsynth.spark;

import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code spark-submit --class io.github.fairsynth.spark.SparkGenerate fairsynth-spark.jar [--config FILE]
 * [--rows N] [--seed S] [--partitions P] [--repeat K] --out DIR | --noop}: the generator's rows written by
 * Spark as a Parquet dataset (zstd, as {@code fairsynth generate} compresses by default), or generated and
 * dropped ({@code --noop}: Spark's {@code noop} sink, to time the source alone). Prints the rows, the
 * seconds and the rows per second of each query; with {@code --repeat K} the query runs K times in the
 * same SparkSession (from the second on, the label ranges of the first pass are known). With
 * {@code --single-machine T --noop} the core engine makes the same rows on T threads without Spark.
 */
public final class SparkGenerate {
    private SparkGenerate() {
    }

    /**
     * @param args the flags above
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String out = null;
        boolean noop = false;
        int repeat = 1;
        int singleMachine = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--config": options.put("config", Files.readString(Path.of(value(args, ++i, flag)))); break;
                case "--rows": options.put("rows", value(args, ++i, flag)); break;
                case "--seed": options.put("seed", value(args, ++i, flag)); break;
                case "--partitions": options.put("partitions", value(args, ++i, flag)); break;
                case "--out": out = value(args, ++i, flag); break;
                case "--noop": noop = true; break;
                case "--repeat": repeat = Integer.parseInt(value(args, ++i, flag)); break;
                case "--single-machine": singleMachine = Integer.parseInt(value(args, ++i, flag)); break;
                default: throw new IllegalArgumentException(flag + ": not a flag; use --config FILE, --rows N, "
                        + "--seed S, --partitions P, --out DIR or --noop");
            }
        }
        if ((out == null) == !noop) {
            throw new IllegalArgumentException("give --out DIR or --noop (one of them)");
        }
        if (singleMachine > 0) {
            singleMachine(options, singleMachine, repeat);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("fairsynth generate").getOrCreate();
        try {
            long rows = SynthOptions.parse(options, 1).spec().samples();
            for (int k = 0; k < repeat; k++) {
                long t0 = System.nanoTime();
                Dataset<Row> df = spark.read().format("fairsynth").options(options).load();
                if (noop) {
                    df.write().format("noop").mode("overwrite").save();
                } else {
                    df.write().mode(k == 0 ? "errorifexists" : "overwrite").option("compression", "zstd").parquet(out);
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "query %d rows %d seconds %.3f rows_per_s %.0f master %s%n", k + 1, rows,
                        secs, rows / secs, spark.sparkContext().master());
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * The same rows made by the core engine alone on {@code threads} threads, dropped: the figure Spark's
     * {@code --noop} is compared with. One job for all queries, so from the second on its label ranges are
     * known, as in a SparkSession.
     */
    private static void singleMachine(Map<String, String> options, int threads, int repeat) throws Exception {
        SynthSpec spec = SynthOptions.parse(options, threads).spec();
        SynthJob job = SynthJob.full(spec, threads);
        for (int k = 0; k < repeat; k++) {
            long t0 = System.nanoTime();
            long[] sink = {0};
            job.run((block, from, to) -> block.label(0, from), (b, v) -> sink[0] += Double.doubleToRawLongBits(v),
                    ProgressListener.NONE);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "query %d rows %d seconds %.3f rows_per_s %.0f threads %d (checksum %x)%n",
                    k + 1, spec.samples(), secs, spec.samples() / secs, threads, sink[0]);
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
