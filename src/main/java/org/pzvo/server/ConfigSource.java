// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Raw configuration values, layered: the properties file, then environment variables
 * ({@code PZVO_SERVER_PORT} for {@code server.port}), then command-line overrides.
 * Typed, validated access goes through the {@code int…}/{@code string…} helpers, whose errors
 * name the key, the value and the accepted range.
 */
final class ConfigSource {
    private final Map<String, String> values;
    private final Map<String, String> origins;

    private ConfigSource(Map<String, String> values, Map<String, String> origins) {
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    static ConfigSource load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + file + ": " + e.getMessage());
        }
        for (String key : props.stringPropertyNames()) {
            values.put(key, props.getProperty(key).trim());
            origins.put(key, file.toString());
        }
        for (String key : props.stringPropertyNames()) {
            String envName = envName(key);
            if (env.containsKey(envName)) {
                values.put(key, env.get(envName).trim());
                origins.put(key, "environment variable " + envName);
            }
        }
        overrides.forEach((key, value) -> {
            values.put(key, value);
            origins.put(key, "command line");
        });
        return new ConfigSource(values, origins);
    }

    static String envName(String key) {
        return "PZVO_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ConfigException("Missing configuration key " + key
                    + ": add it to conf/pzvo.properties or set " + envName(key));
        }
        return value;
    }

    int intIn(String key, int min, int max) {
        return (int) longIn(key, min, max);
    }

    long longIn(String key, long min, long max) {
        String value = string(key);
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad(key, value, "an integer in [" + min + ", " + max + "]");
        }
        if (parsed < min || parsed > max) {
            throw bad(key, value, "an integer in [" + min + ", " + max + "]");
        }
        return parsed;
    }

    ConfigException bad(String key, String value, String allowed) {
        return new ConfigException("Bad configuration value " + key + "=" + value
                + " (from " + origins.getOrDefault(key, "defaults") + "): expected " + allowed);
    }
}
