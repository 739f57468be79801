package io.github.fairsynth.cli;

import io.github.fairsynth.ConfigException;

import java.nio.file.Path;
import java.util.Locale;

/** The output formats of {@code generate}, chosen by {@code --format} or the file's extension. */
enum OutputFormat {
    CSV, PARQUET, NPY, NPZ;

    static OutputFormat of(String forced, Path out) {
        if (forced != null) {
            try {
                return valueOf(forced.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("format", forced, "must be csv, parquet, npy or npz");
            }
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ConfigException("out", out, "must end in .csv, .parquet, .npy or .npz (or give --format)");
    }
}
