package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.titan.webhooks.application.port.ConnectionDetails;
import java.util.List;

/**
 * One connection as {@code GET /api/connections/{id}} serves it: the listed connection, its
 * reminders, and the lead status of the TitanX contact linked to it.
 */
public record ConnectionDetailsResponse(@JsonUnwrapped ConnectionResponse connection,
                                        List<ReminderResponse> reminders, String leadStatus)
        implements AggregateResponse {

    static ConnectionDetailsResponse from(ConnectionDetails details) {
        return new ConnectionDetailsResponse(ConnectionResponse.from(details.connection()),
                details.reminders().stream().map(ReminderResponse::from).toList(),
                details.leadStatus().orElse(null));
    }
}
