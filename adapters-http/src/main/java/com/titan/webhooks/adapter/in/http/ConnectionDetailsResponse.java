package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import java.time.Instant;
import java.util.List;

/**
 * One connection as {@code GET /api/connections/{id}} serves it: the listed connection, one page of
 * its notes and one of its enrichments (each with the cursor of its next page, as a list has), its
 * reminders, and the lead status of the TitanX contact linked to it. In a change record the notes
 * and enrichments are those the change added, with no next page.
 */
public record ConnectionDetailsResponse(@JsonUnwrapped ConnectionResponse connection, List<NoteResponse> notes,
                                        String notesNextCursor, List<EnrichmentResponse> enrichments,
                                        String enrichmentsNextCursor, List<ReminderResponse> reminders,
                                        String leadStatus)
        implements AggregateResponse {

    static ConnectionDetailsResponse from(ConnectionDetails details) {
        return new ConnectionDetailsResponse(ConnectionResponse.from(details.connection()),
                details.notes().items().stream().map(NoteResponse::from).toList(),
                details.notes().nextCursor().orElse(null),
                details.enrichments().items().stream().map(EnrichmentResponse::from).toList(),
                details.enrichments().nextCursor().orElse(null),
                details.reminders().stream().map(ReminderResponse::from).toList(),
                details.leadStatus().orElse(null));
    }

    /** A note added with {@code note.added}. */
    public record NoteResponse(String id, String content, Instant addedAt) {

        static NoteResponse from(Note note) {
            return new NoteResponse(note.id(), note.content(), note.addedAt());
        }
    }

    /** The outcome of one enrichment run. */
    public record EnrichmentResponse(List<String> enrichedFields, String status, String provider, Instant completedAt) {

        static EnrichmentResponse from(Enrichment enrichment) {
            return new EnrichmentResponse(enrichment.enrichedFields(), enrichment.status(), enrichment.provider(),
                    enrichment.completedAt());
        }
    }
}
