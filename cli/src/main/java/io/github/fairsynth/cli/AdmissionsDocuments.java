package io.github.fairsynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fairsynth.ConfigException;
import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.AdmissionsResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The admissions game's JSON documents as {@code fairsynth admissions} reads and writes them, for other
 * front ends (Spark): a config under the gym's {@code Params} names ({@code --config}) and the results
 * document ({@code --json}). Same fields, same errors, same bytes.
 */
public final class AdmissionsDocuments {
    private AdmissionsDocuments() {
    }

    /**
     * Reads a config given as text onto the gym's defaults, as {@code --config FILE} reads a file.
     *
     * @param name the parameter that holds the text, for errors
     * @param json one JSON object of environment parameters (may be {@code {}})
     * @return a builder holding the defaults overridden by the config
     * @throws ConfigException naming the bad field, its value and the allowed range
     */
    public static AdmissionsParams.Builder config(String name, String json) {
        JsonNode root = JsonObjects.parseText(name, json);
        return AdmissionsConfigJson.apply(root, AdmissionsParams.builder());
    }

    /**
     * @param r a run's result
     * @return the {@code --json} document of {@code fairsynth admissions}, byte for byte
     */
    public static byte[] report(AdmissionsResult r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AdmissionsReport.json(r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
    }
}
