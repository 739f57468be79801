package io.github.fairsynth;

/**
 * A configuration parameter has a value outside its allowed range.
 *
 * <p>The message is one line: {@code invalid <parameter> = <value>: <what is allowed>}. Callers (the CLI)
 * print it as is and exit with code 2.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The parameter's public name. */
    private final String parameter;
    /** The offending value, as text. */
    private final String value;
    /** What is allowed, in words. */
    private final String allowed;

    /**
     * @param parameter the parameter's public name (JSON field or flag)
     * @param value     the offending value, as text
     * @param allowed   what is allowed, in words
     */
    public ConfigException(String parameter, Object value, String allowed) {
        super("invalid " + parameter + " = " + value + ": " + allowed);
        this.parameter = parameter;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /** @return the public name of the bad parameter */
    public String parameter() {
        return parameter;
    }

    /** @return the offending value as text */
    public String value() {
        return value;
    }

    /** @return the allowed range or form, in words */
    public String allowed() {
        return allowed;
    }
}
