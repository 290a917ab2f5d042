package com.titan.webhooks.adapter.out.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the store. {@code poolSize} applies to PostgreSQL; SQLite always writes through a
 * single connection, which is faster than several writers fighting over the file lock.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, 16, Duration.ofSeconds(5));
    }

    public Dialect dialect() {
        return Dialect.of(url).orElseThrow(() -> new IllegalArgumentException(
                "DATABASE_URL must start with jdbc:postgresql: or jdbc:sqlite:"));
    }

    /** The password never appears in a log line. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
