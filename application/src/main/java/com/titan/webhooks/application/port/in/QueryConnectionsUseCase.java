package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.out.ConnectionFilter;
import com.titan.webhooks.application.port.out.Page;
import com.titan.webhooks.application.port.out.PageRequest;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import java.util.Optional;

/** Inbound port: read connections, one page at a time or one with its details. */
public interface QueryConnectionsUseCase {

    Page<Connection> list(ConnectionFilter filter, PageRequest page);

    Optional<ConnectionDetails> details(ConnectionId id);
}
