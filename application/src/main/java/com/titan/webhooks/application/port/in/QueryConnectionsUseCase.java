package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import java.util.Optional;

/** Inbound port: read connections, one page at a time or one with its details. */
public interface QueryConnectionsUseCase {

    Page<Connection> list(ConnectionFilter filter, PageRequest page);

    /** One connection with the pages of its notes and enrichments asked for. */
    Optional<ConnectionDetails> details(ConnectionId id, PageRequest notes, PageRequest enrichments);
}
