package io.github.fairsynth.cli;

import io.github.fairsynth.ConfigException;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts the flag a user typed into a parameter error that the library raised under the parameter's
 * config name: {@code --rows -5} fails as {@code invalid rows (samples) = -5: ...}, not as
 * {@code invalid samples = -5}. Only names whose flag was given are renamed; a bad value from
 * {@code --config} keeps its JSON name.
 */
final class FlagNames {
    /** config name → flag name (without dashes), for the flags given on this command line */
    private final Map<String, String> flagOf = new HashMap<>();

    /**
     * Records that {@code flag} was given and sets these config parameters.
     *
     * @param given       whether the flag was on the command line
     * @param flag        flag name without dashes
     * @param configNames the library's names for what the flag sets
     * @return this
     */
    FlagNames given(boolean given, String flag, String... configNames) {
        if (given) {
            for (String n : configNames) {
                flagOf.put(n, flag);
            }
        }
        return this;
    }

    /**
     * @param e an error raised by the library
     * @return {@code e} itself, or the same error naming the flag first when a given flag set its parameter
     */
    ConfigException rename(ConfigException e) {
        String flag = flagOf.get(e.parameter());
        if (flag == null || flag.equals(e.parameter())) {
            return e;
        }
        ConfigException renamed = new ConfigException(flag + " (" + e.parameter() + ")", e.value(), e.allowed());
        renamed.initCause(e);
        return renamed;
    }
}
