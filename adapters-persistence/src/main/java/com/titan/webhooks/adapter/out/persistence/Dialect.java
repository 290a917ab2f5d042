package com.titan.webhooks.adapter.out.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL stores the service runs on. Their migrations are one common set (from V7 on), with
 * Flyway placeholders for the names that differ, plus a folder per dialect for what cannot be
 * shared (and for V1 to V6, which deployed stores have applied as they are).
 */
public enum Dialect {
    POSTGRESQL("jdbc:postgresql:", "classpath:db/migration/postgresql", Map.of("strpos", "strpos", "json", "JSONB")),
    SQLITE("jdbc:sqlite:", "classpath:db/migration/sqlite", Map.of("strpos", "instr", "json", "TEXT"));

    private static final String COMMON_MIGRATIONS = "classpath:db/migration/common";

    private final String urlPrefix;
    private final String migrations;
    private final Map<String, String> placeholders;

    Dialect(String urlPrefix, String migrations, Map<String, String> placeholders) {
        this.urlPrefix = urlPrefix;
        this.migrations = migrations;
        this.placeholders = placeholders;
    }

    public static Optional<Dialect> of(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl != null && jdbcUrl.startsWith(dialect.urlPrefix)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** Where Flyway finds this dialect's migrations: the common ones and its own. */
    List<String> migrations() {
        return List.of(COMMON_MIGRATIONS, migrations);
    }

    /** What each {@code ${name}} in the common migrations stands for in this dialect. */
    Map<String, String> placeholders() {
        return placeholders;
    }

    public String displayName() {
        return this == POSTGRESQL ? "PostgreSQL" : "SQLite";
    }
}
