package com.titan.webhooks.adapter.out.persistence;

import java.util.Optional;

/** The SQL stores the service runs on; where their SQL differs, each has its own migrations. */
public enum Dialect {
    POSTGRESQL("jdbc:postgresql:", "classpath:db/migration/postgresql"),
    SQLITE("jdbc:sqlite:", "classpath:db/migration/sqlite");

    private final String urlPrefix;
    private final String migrations;

    Dialect(String urlPrefix, String migrations) {
        this.urlPrefix = urlPrefix;
        this.migrations = migrations;
    }

    public static Optional<Dialect> of(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl != null && jdbcUrl.startsWith(dialect.urlPrefix)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    String migrations() {
        return migrations;
    }

    public String displayName() {
        return this == POSTGRESQL ? "PostgreSQL" : "SQLite";
    }
}
