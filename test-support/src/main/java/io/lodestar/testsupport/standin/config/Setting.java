package io.lodestar.testsupport.standin.config;

import java.util.Locale;

/**
 * One raw config value and where it came from ({@code IGGY_HTTP_ADDRESS}, or
 * {@code configs/server.toml [http] address}), so an error can name its source.
 */
public record Setting(String value, String origin) {

    /** Reads {@code true/false}, also {@code 1/0}, {@code yes/no}, {@code on/off}. */
    public boolean asBoolean() throws InvalidConfigException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new InvalidConfigException(
                    "'" + value + "' from " + origin + " is not a boolean (true or false)");
        };
    }

    /** Reads a non-negative whole number. */
    public long asNonNegativeLong() throws InvalidConfigException {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigException(
                "'" + value + "' from " + origin + " is not a non-negative whole number");
    }
}
