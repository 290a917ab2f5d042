package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import java.util.Map;
import java.util.Optional;

/** Inbound port: inspect the inbox, for operators and integrators. */
public interface QueryEventsUseCase {

    Page<StoredEvent> list(EventFilter filter, PageRequest page);

    Optional<StoredEvent> find(EventId id);

    /** How many stored events the filter selects in each status (every status present, 0 when none). */
    Map<ProcessingStatus, Long> counts(EventFilter filter);
}
