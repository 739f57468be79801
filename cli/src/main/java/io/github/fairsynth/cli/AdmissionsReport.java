package io.github.fairsynth.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.fairsynth.admissions.AdmissionsResult;
import io.github.fairsynth.admissions.GroupMetrics;
import io.github.fairsynth.io.AtomicFile;
import io.github.fairsynth.io.DoubleFormat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The admissions report: a per-group table, the JSON document, and the trace's CSV rows. */
final class AdmissionsReport {
    static final List<String> METRICS = List.of("share", "eligible_rate", "selected_rate", "manipulated_rate",
            "accuracy", "social_burden", "mean_burden");

    private AdmissionsReport() {
    }

    static double[] values(GroupMetrics m, long total) {
        return new double[] {m.share(total), m.eligibleRate(), m.selectedRate(), m.manipulatedRate(), m.accuracy(),
                m.socialBurden(), m.meanBurden()};
    }

    static void print(AdmissionsResult r, PrintWriter out) {
        long total = r.overall().applicants();
        out.printf(Locale.ROOT, "jury %s; %,d steps x %,d environments x %,d applicants (%,d applicant-steps), seed %d%n",
                r.jury().describe(), r.steps(), r.envs(), r.params().numApplicants(), total, r.seed());
        out.printf(Locale.ROOT, "  %-8s", "group");
        for (String m : METRICS) {
            out.printf(Locale.ROOT, " %16s", m);
        }
        out.println();
        for (int g = 0; g < 3; g++) {
            GroupMetrics m = g < 2 ? r.group(g) : r.overall();
            out.printf(Locale.ROOT, "  %-8s", g < 2 ? String.valueOf(g) : "overall");
            for (double v : values(m, total)) {
                out.printf(Locale.ROOT, " %16.6f", v);
            }
            out.println();
        }
        out.printf(Locale.ROOT, "  final threshold: mean %.6f, sd %.6f over environments%n",
                r.finalThresholdMean(), r.finalThresholdSd());
    }

    static void writeJson(AdmissionsResult r, Path target) throws IOException {
        AtomicFile.write(target, out -> json(r, out));
    }

    /**
     * @param r   the result
     * @param out receives the {@code --json} document (pretty-printed UTF-8); not closed
     * @throws IOException if writing fails
     */
    static void json(AdmissionsResult r, java.io.OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("config");
            JsonValues.value(g, r.params().toGymParams());
            g.writeObjectFieldStart("jury");
            g.writeStringField("kind", r.jury().kind().name().toLowerCase(Locale.ROOT));
            g.writeFieldName("threshold");
            JsonValues.number(g, r.jury().threshold());
            g.writeFieldName("epsilon");
            JsonValues.number(g, r.jury().epsilon());
            g.writeBooleanField("epsilon_greedy", r.jury().epsilonGreedy());
            g.writeFieldName("initial_epsilon_prob");
            JsonValues.number(g, r.jury().initialEpsilon());
            g.writeFieldName("decay_steps");
            JsonValues.number(g, r.jury().decaySteps());
            g.writeFieldName("epsilon_prob_decay_rate");
            JsonValues.number(g, r.jury().decayRate());
            g.writeNumberField("burnin", r.jury().burnin());
            g.writeEndObject();
            g.writeNumberField("seed", r.seed());
            g.writeNumberField("steps", r.steps());
            g.writeNumberField("envs", r.envs());
            g.writeNumberField("applicants", r.params().numApplicants());
            long total = r.overall().applicants();
            g.writeObjectFieldStart("groups");
            for (int k = 0; k < 2; k++) {
                g.writeFieldName(String.valueOf(k));
                metrics(g, r.group(k), total);
            }
            g.writeEndObject();
            g.writeFieldName("overall");
            metrics(g, r.overall(), total);
            g.writeObjectFieldStart("threshold");
            g.writeFieldName("final_mean");
            JsonValues.number(g, r.finalThresholdMean());
            g.writeFieldName("final_sd");
            JsonValues.number(g, r.finalThresholdSd());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void metrics(JsonGenerator g, GroupMetrics m, long total) throws IOException {
        g.writeStartObject();
        g.writeNumberField("applicant_steps", m.applicants());
        double[] v = values(m, total);
        for (int i = 0; i < v.length; i++) {
            g.writeFieldName(METRICS.get(i));
            JsonValues.number(g, v[i]);
        }
        g.writeEndObject();
    }

    static byte[] traceHeader() {
        StringBuilder sb = new StringBuilder("step,threshold,epsilon");
        for (String g : List.of("g0", "g1", "overall")) {
            for (String m : METRICS) {
                sb.append(',').append(g).append('_').append(m);
            }
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One trace row into buf; returns the new position. */
    static int traceRow(byte[] buf, long step, double tau, double eps, GroupMetrics[] groups) {
        String s = Long.toString(step);
        int p = 0;
        for (int i = 0; i < s.length(); i++) {
            buf[p++] = (byte) s.charAt(i);
        }
        buf[p++] = ',';
        p = DoubleFormat.write(tau, buf, p);
        buf[p++] = ',';
        p = DoubleFormat.write(eps, buf, p);
        GroupMetrics all = new GroupMetrics();
        all.add(groups[0]);
        all.add(groups[1]);
        long total = all.applicants();
        for (GroupMetrics m : new GroupMetrics[] {groups[0], groups[1], all}) {
            for (double v : values(m, total)) {
                buf[p++] = ',';
                if (Double.isNaN(v)) {
                    buf[p++] = 'n';
                    buf[p++] = 'a';
                    buf[p++] = 'n';
                } else {
                    p = DoubleFormat.write(v, buf, p);
                }
            }
        }
        buf[p++] = '\n';
        return p;
    }
}
