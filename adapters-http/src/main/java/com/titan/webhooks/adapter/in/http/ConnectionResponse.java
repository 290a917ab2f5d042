package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import java.time.Instant;
import java.util.List;

/**
 * A connection as {@code GET /api/connections} lists it: every field of TitanCard's field
 * reference (its {@code notes} string as {@code notes_text}, since {@code notes} is the list of
 * added notes), null where never set.
 */
public record ConnectionResponse(String id, String firstName, String lastName, String fullName, String email,
                                 String phone, String company, String title, String website, String linkedin,
                                 String twitter, String address, String notesText, String source, String direction,
                                 String status, String message, String meetingEvent, String meetingLocation,
                                 String meetingDate, String meetingMethod, String createdAt, String updatedAt,
                                 String lastContactedAt, List<String> tags, List<NoteResponse> notes,
                                 List<EnrichmentResponse> enrichments, Instant deletedAt, Instant lastEventAt) {

    static ConnectionResponse from(Connection connection) {
        return new ConnectionResponse(connection.id().value(),
                field(connection, ConnectionField.FIRST_NAME), field(connection, ConnectionField.LAST_NAME),
                field(connection, ConnectionField.FULL_NAME), field(connection, ConnectionField.EMAIL),
                field(connection, ConnectionField.PHONE), field(connection, ConnectionField.COMPANY),
                field(connection, ConnectionField.TITLE), field(connection, ConnectionField.WEBSITE),
                field(connection, ConnectionField.LINKEDIN), field(connection, ConnectionField.TWITTER),
                field(connection, ConnectionField.ADDRESS), field(connection, ConnectionField.NOTES),
                field(connection, ConnectionField.SOURCE), field(connection, ConnectionField.DIRECTION),
                field(connection, ConnectionField.STATUS), field(connection, ConnectionField.MESSAGE),
                field(connection, ConnectionField.MEETING_EVENT), field(connection, ConnectionField.MEETING_LOCATION),
                field(connection, ConnectionField.MEETING_DATE), field(connection, ConnectionField.MEETING_METHOD),
                field(connection, ConnectionField.CREATED_AT), field(connection, ConnectionField.UPDATED_AT),
                field(connection, ConnectionField.LAST_CONTACTED_AT), connection.tags(),
                connection.notes().stream().map(NoteResponse::from).toList(),
                connection.enrichments().stream().map(EnrichmentResponse::from).toList(),
                connection.deletedAt().orElse(null), connection.lastChangedAt());
    }

    private static String field(Connection connection, ConnectionField field) {
        return connection.field(field).orElse(null);
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
