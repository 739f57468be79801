package io.github.fairsynth.property;

import io.github.fairsynth.rng.SplitMix64;
import org.junit.jupiter.api.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Seeded case sources. {@code -Dproperty.cases=N} sets how many cases each property gets (default 40 from
 * the pom); each case's seed is in its display name, and {@code -Dproperty.case=SEED} (hex) runs just that
 * case, so a failure reproduces with one flag.
 */
final class Cases {
    private Cases() {
    }

    static int count() {
        return Integer.getInteger("property.cases", 40);
    }

    /**
     * @param family a name per property family (different families get different seeds)
     * @param make   builds one case from its random source
     * @param <T>    case type
     * @return named cases
     */
    static <T> Stream<Named<T>> of(String family, Function<SplittableRandom, T> make) {
        String only = System.getProperty("property.case");
        List<Named<T>> out = new ArrayList<>();
        if (only != null && !only.isBlank()) {
            long seed = Long.parseUnsignedLong(only.replace("0x", ""), 16);
            out.add(named(seed, make));
            return out.stream();
        }
        SplitMix64 seeds = new SplitMix64(family.hashCode() * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < count(); i++) {
            out.add(named(seeds.nextLong(), make));
        }
        return out.stream();
    }

    private static <T> Named<T> named(long seed, Function<SplittableRandom, T> make) {
        T c = make.apply(new SplittableRandom(seed));
        return Named.of("seed=" + Long.toHexString(seed) + " " + c, c);
    }
}
