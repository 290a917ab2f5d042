package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import java.time.Instant;
import java.util.Optional;

/** Which stored events to list; every criterion is optional. */
public record EventFilter(Optional<Source> source, Optional<String> type, Optional<ProcessingStatus> status,
                          Optional<Instant> since) {

    /** Every stored event. */
    public static final EventFilter ANY = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
}
