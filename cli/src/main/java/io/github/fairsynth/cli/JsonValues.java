package io.github.fairsynth.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.fairsynth.io.DoubleFormat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON output shared by the truth, fit and admissions reports: doubles as {@link DoubleFormat} text (the
 * same bytes on every JDK), non-finite doubles as {@code null}, and nested maps and lists.
 */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * @param g the generator
     * @param v a double: shortest round-trip text, or null when NaN or infinite
     * @throws IOException on write failure
     */
    static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(DoubleFormat.toString(v));
        } else {
            g.writeNull();
        }
    }

    /**
     * Writes maps (string keys, in order), lists, doubles, whole numbers, booleans; anything else as text.
     *
     * @param g the generator
     * @param v the value
     * @throws IOException on write failure
     */
    @SuppressWarnings("unchecked")
    static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object o : (List<Object>) v) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Double) {
            number(g, (Double) v);
        } else if (v instanceof Number) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
