package com.titan.webhooks.application.port;

import java.util.Locale;

/** What a change did: {@code upsert} (created or changed) or {@code delete} (its state is a tombstone). */
public enum ChangeKind {
    UPSERT, DELETE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
