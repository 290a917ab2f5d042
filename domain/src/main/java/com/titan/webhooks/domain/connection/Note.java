package com.titan.webhooks.domain.connection;

import com.titan.webhooks.domain.Require;
import java.time.Instant;

/** A note added to a connection ({@code note.added}); identified by TitanCard's note id. */
public record Note(String id, String content, Instant addedAt) {

    public Note {
        Require.nonBlank(id, "id");
        Require.nonNull(content, "content");
        Require.nonNull(addedAt, "addedAt");
    }
}
