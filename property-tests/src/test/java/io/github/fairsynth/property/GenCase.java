package io.github.fairsynth.property;

import io.github.fairsynth.synth.SynthSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A random valid generator configuration, with a thread count and a row range. */
record GenCase(SynthSpec spec, int threads, long offset, long limit) {
    static GenCase random(SplittableRandom r) {
        int rows = 8_000 + r.nextInt(22_000);
        SynthSpec.Builder b = SynthSpec.builder()
                .samples(Long.getLong("property.rows", rows)) // -Dproperty.rows=N: power studies
                .dim(1 + r.nextInt(12))
                .seed(r.nextLong())
                .clearAttributes();
        int attrs = 1 + r.nextInt(3);
        int level = 0;
        for (int a = 0; a < attrs; a++) {
            int k = 1 + r.nextInt(5);
            double[] p = new double[k];
            double sum = 0;
            for (int i = 0; i < k; i++) {
                p[i] = 0.05 + r.nextDouble();
                sum += p[i];
            }
            for (int i = 0; i < k; i++) {
                p[i] /= sum;
            }
            if (k >= 3 && r.nextBoolean()) {       // a tiny level
                double tiny = 0.002 + r.nextDouble() * 0.008;
                double rest = (1 - tiny) / (1 - p[k - 1]);
                for (int i = 0; i < k - 1; i++) {
                    p[i] *= rest;
                }
                p[k - 1] = tiny;
            }
            double s2 = 0;
            for (int i = 0; i < k - 1; i++) {
                s2 += p[i];
            }
            p[k - 1] = 1 - s2;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                names.add("l" + level++);
            }
            b.attribute("A" + a, names, p);
        }
        double lo = r.nextDouble() * 10 - 5;
        b.features(lo, lo + 0.1 + r.nextDouble() * 10);
        double wlo = r.nextDouble() * 4 - 2;
        b.weights(wlo, wlo + r.nextDouble() * 3);
        if (r.nextInt(10) < 3) {
            double slo = r.nextDouble() * 2 - 1;
            b.quad(true).quadBounds(slo, slo + r.nextDouble());
        }
        b.noise(r.nextInt(5) == 0 ? 0 : 0.01 + r.nextDouble() * 2);
        b.dropSensitive(r.nextInt(4) == 0);
        SynthSpec spec = b.build();
        long off = r.nextInt((int) spec.samples());
        long lim = 1 + r.nextInt((int) (spec.samples() - off));
        return new GenCase(spec, 1 + r.nextInt(4), off, lim);
    }

    @Override
    public String toString() {
        return "n=" + spec.samples() + " dim=" + spec.dim() + " groups=" + spec.groups() + " attrs=" + spec.attributeCount()
                + " quad=" + spec.quad() + " noise=" + String.format("%.3f", spec.noiseWidth()) + " threads=" + threads
                + " rows=[" + offset + "," + (offset + limit) + ")";
    }
}
