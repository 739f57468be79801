package io.github.fairsynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fairsynth.ConfigException;
import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The generator's JSON documents as the command line reads and writes them, for other front ends (the
 * Spark data source): a config under the Python {@code SynthGenLinear} names ({@code --config}) and the
 * ground-truth document ({@code --truth}). Same fields, same errors, same bytes.
 */
public final class SynthDocuments {
    private SynthDocuments() {
    }

    /**
     * Reads a config given as text onto the paper's defaults, as {@code --config FILE} reads a file.
     *
     * @param name the parameter that holds the text, for errors (e.g. {@code option config})
     * @param json one JSON object of generator parameters (may be empty: {@code {}})
     * @return a builder holding the defaults overridden by the config
     * @throws ConfigException naming the bad field, its value and the allowed range
     */
    public static SynthSpec.Builder config(String name, String json) {
        JsonNode root = JsonObjects.parseText(name, json);
        return SynthConfigJson.apply(root, SynthSpec.builder());
    }

    /**
     * The ground-truth document of a run, byte for byte as {@code fairsynth generate --truth} writes it.
     *
     * @param job    the run
     * @param ranges the raw label ranges the scaling used, or null when the spec does not scale
     * @return pretty-printed UTF-8 JSON
     */
    public static byte[] truth(SynthJob job, LabelRanges ranges) {
        try {
            return TruthJson.toBytes(job, ranges);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
    }

    /**
     * @param job the run
     * @return its resolved config under the Python names, as compact JSON (what Parquet footers hold)
     */
    public static String resolvedConfig(SynthJob job) {
        try {
            return TruthJson.configJson(job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
