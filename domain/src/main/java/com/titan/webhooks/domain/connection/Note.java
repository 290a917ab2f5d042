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

    /**
     * Of two versions of one note, the one to keep: the later, then the greater content. A total
     * order, so the choice does not depend on which arrived first; a store that keeps notes applies it too.
     */
    public static Note kept(Note current, Note candidate) {
        if (current == null) {
            return candidate;
        }
        int byTime = candidate.addedAt.compareTo(current.addedAt);
        if (byTime != 0) {
            return byTime > 0 ? candidate : current;
        }
        return candidate.content.compareTo(current.content) > 0 ? candidate : current;
    }
}
