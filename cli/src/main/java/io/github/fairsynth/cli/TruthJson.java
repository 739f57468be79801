package io.github.fairsynth.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.fairsynth.io.AtomicFile;
import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import io.github.fairsynth.synth.SynthTruth;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The ground-truth sidecar: resolved config and seed, {@code W} (dim × groups, as numpy's {@code W}),
 * the same weights per group, {@code S} when used, the dominance permutation, the output columns and the
 * raw label ranges the scaling used. Doubles are written as {@link DoubleFormat} writes them, so a truth
 * file is byte-identical on every JDK.
 */
final class TruthJson {
    /** Format tag written into every truth file. */
    static final String FORMAT = "fairsynth-synth-truth/1";

    private TruthJson() {
    }

    /**
     * @param job    the run (its ranges must already be computed when the spec scales)
     * @param ranges the label ranges, or null when not scaled
     * @param target the file
     * @throws IOException on failure (no file is left)
     */
    static void write(SynthJob job, LabelRanges ranges, Path target) throws IOException {
        byte[] bytes = toBytes(job, ranges);
        AtomicFile.write(target, out -> out.write(bytes));
    }

    /**
     * @param job    the run
     * @param ranges the label ranges, or null when not scaled
     * @return the truth document (pretty-printed UTF-8 JSON)
     * @throws IOException never in practice (in-memory)
     */
    static byte[] toBytes(SynthJob job, LabelRanges ranges) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(g, job, ranges);
        }
        return out.toByteArray();
    }

    /**
     * @param job the run
     * @return the resolved config under the Python names, as compact JSON
     * @throws IOException never in practice (in-memory)
     */
    static String configJson(SynthJob job) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            JsonValues.value(g, job.spec().toPythonParams());
        }
        return w.toString();
    }

    static void write(JsonGenerator g, SynthJob job, LabelRanges ranges) throws IOException {
        SynthSpec spec = job.spec();
        SynthTruth t = job.generator().truth();
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeFieldName("config");
        JsonValues.value(g, spec.toPythonParams());
        g.writeNumberField("seed", spec.seed());
        g.writeObjectFieldStart("rows");
        g.writeNumberField("offset", job.offset());
        g.writeNumberField("limit", job.limit());
        g.writeEndObject();
        g.writeArrayFieldStart("groups");
        for (int k = 0; k < spec.groups(); k++) {
            g.writeString(spec.groupName(k));
        }
        g.writeEndArray();
        g.writeFieldName("columns");
        JsonValues.value(g, SynthColumns.names(spec));
        if (t.hasWeights()) {
            g.writeArrayFieldStart("W");
            for (int j = 0; j < spec.dim(); j++) {
                g.writeStartArray();
                for (int k = 0; k < spec.groups(); k++) {
                    JsonValues.number(g, t.weight(j, k));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("weights_by_group");
            for (int k = 0; k < spec.groups(); k++) {
                g.writeArrayFieldStart(spec.groupName(k));
                for (int j = 0; j < spec.dim(); j++) {
                    JsonValues.number(g, t.weight(j, k));
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } else {
            g.writeNullField("W");
        }
        if (t.hasQuadratic()) {
            g.writeObjectFieldStart("S");
            for (int k = 0; k < spec.groups(); k++) {
                g.writeArrayFieldStart(spec.groupName(k));
                for (int i = 0; i < spec.dim(); i++) {
                    g.writeStartArray();
                    for (int j = 0; j < spec.dim(); j++) {
                        JsonValues.number(g, t.quadratic(k, i, j));
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } else {
            g.writeNullField("S");
        }
        int[] perm = t.permutation();
        g.writeArrayFieldStart("dominance_permutation");
        for (int k : perm) {
            g.writeString(spec.groupName(k));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("dominance_permutation_index");
        for (int k : perm) {
            g.writeNumber(k);
        }
        g.writeEndArray();
        if (ranges != null) {
            g.writeObjectFieldStart("label_ranges");
            for (int c = 0; c < ranges.size(); c++) {
                g.writeObjectFieldStart(SynthColumns.labelName(spec, c));
                g.writeFieldName("min");
                JsonValues.number(g, ranges.min(c));
                g.writeFieldName("max");
                JsonValues.number(g, ranges.max(c));
                g.writeEndObject();
            }
            g.writeEndObject();
        } else {
            g.writeNullField("label_ranges");
        }
        g.writeEndObject();
    }
}
