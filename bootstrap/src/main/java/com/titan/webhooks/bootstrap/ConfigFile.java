package com.titan.webhooks.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A configuration file with the same names as the environment variables, as {@code .properties}
 * or flat {@code .yaml}. The environment wins over the file, so that a deployment can override one
 * value without editing it.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    static Map<String, String> read(Path path) {
        if (!Files.isReadable(path)) {
            throw new InvalidSettingException("--config " + path + " cannot be read");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, String> values;
        try {
            values = name.endsWith(".yaml") || name.endsWith(".yml") ? yaml(path) : properties(path);
        } catch (IOException unreadable) {
            throw new InvalidSettingException("--config " + path + " is not valid: " + firstLine(unreadable.getMessage()));
        }
        // a misspelt name (DATABASE_ULR) would otherwise leave its setting at the default, silently
        values.keySet().stream().sorted().filter(key -> Setting.named(key).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new InvalidSettingException("--config " + path + ": " + unknown
                    + " is not a setting (serve --help lists them)");
        });
        return values;
    }

    /** The file's values, then the environment's on top. */
    static Map<String, String> overlay(Map<String, String> file, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(file);
        merged.putAll(environment);
        return merged;
    }

    private static Map<String, String> properties(Path path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key.trim(), properties.getProperty(key).trim()));
        return values;
    }

    private static Map<String, String> yaml(Path path) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        Map<String, String> values = new HashMap<>();
        if (root == null) {
            return values;
        }
        if (!root.isObject()) {
            throw new InvalidSettingException("--config " + path + " must map setting names to values");
        }
        root.fields().forEachRemaining(entry -> {
            if (entry.getValue().isContainerNode()) {
                throw new InvalidSettingException("--config " + path + ": " + entry.getKey() + " must be a single value");
            }
            values.put(entry.getKey(), entry.getValue().asText());
        });
        return values;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
