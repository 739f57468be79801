package io.github.fairsynth.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fairsynth.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One JSON object of parameters, from a file or from text, with the errors every config reader gives. */
final class JsonObjects {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonObjects() {
    }

    /**
     * @param name the parameter that names the file (for errors)
     * @param file the file
     * @return its JSON object
     * @throws ConfigException when the file is missing, unreadable, not JSON or not one object
     */
    static JsonNode read(String name, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, file, "file does not exist");
        } catch (IOException e) {
            throw new ConfigException(name, file, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(name, file, text);
    }

    /**
     * @param name the parameter that holds the text (for errors)
     * @param text the JSON text, given as a parameter's value; errors show at most its first 57 characters
     * @return its JSON object
     * @throws ConfigException when the text is not JSON or not one object
     */
    static JsonNode parseText(String name, String text) {
        return parse(name, text.length() <= 60 ? text : text.substring(0, 57) + "...", text);
    }

    /**
     * @param name  the parameter that holds the text (for errors)
     * @param shown what errors show as the parameter's value (the file, or the text)
     * @param text  the JSON text
     * @return its JSON object
     * @throws ConfigException when the text is not JSON or not one object
     */
    static JsonNode parse(String name, Object shown, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name, shown, "is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(name, shown, "must hold one JSON object of parameters");
        }
        return root;
    }
}
