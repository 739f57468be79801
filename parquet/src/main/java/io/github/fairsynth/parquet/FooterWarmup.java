package io.github.fairsynth.parquet;

/**
 * Initialises the classes parquet-java first needs when it writes a footer, on a daemon thread, as soon
 * as a writer is opened. {@code ParquetMetadata}'s static initialiser builds a Jackson object mapper
 * (some 400 classes: about 85 ms on one core with the launcher's class-data archive, 165 to 185 ms
 * without); left to {@code ParquetFileWriter.end}
 * it would run after the last row group, when every other thread has finished. Started early, it
 * overlaps the first pass and the row groups instead. It changes no byte written.
 */
final class FooterWarmup {
    private static final String[] CLASSES = {
        "org.apache.parquet.hadoop.metadata.ParquetMetadata",
        "org.apache.parquet.format.converter.ParquetMetadataConverter",
    };
    private static boolean started;

    private FooterWarmup() {
    }

    /** Starts the warm-up once per JVM; later calls do nothing. */
    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread t = new Thread(FooterWarmup::run, "fairsynth-parquet-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        ClassLoader loader = FooterWarmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // the writer will meet the same failure where it can report it
                return;
            }
        }
    }
}
