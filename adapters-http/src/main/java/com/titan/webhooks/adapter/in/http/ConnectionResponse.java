package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import java.time.Instant;
import java.util.List;

/**
 * A connection as {@code GET /api/connections} lists it: every field of TitanCard's field
 * reference (its {@code notes} string as {@code notes_text}, since {@code notes} is the list of
 * added notes), null where never set. Its notes and enrichments, which have no bound, are paged by
 * the connection's own route ({@link ConnectionDetailsResponse}), not repeated on every list page.
 */
public record ConnectionResponse(String id, String firstName, String lastName, String fullName, String email,
                                 String phone, String company, String title, String website, String linkedin,
                                 String twitter, String address, String notesText, String source, String direction,
                                 String status, String message, String meetingEvent, String meetingLocation,
                                 String meetingDate, String meetingMethod, String createdAt, String updatedAt,
                                 String lastContactedAt, List<String> tags, Instant deletedAt, Instant lastEventAt) {

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
                connection.deletedAt().orElse(null), connection.lastChangedAt());
    }

    private static String field(Connection connection, ConnectionField field) {
        return connection.field(field).orElse(null);
    }
}
