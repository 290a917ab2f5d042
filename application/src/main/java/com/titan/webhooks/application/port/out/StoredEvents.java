package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outbound port: the events the inbox holds, whatever their status, as operators and the
 * providers' status read them; and their retention, which blanks the payloads of settled ones.
 */
public interface StoredEvents {

    Optional<StoredEvent> find(EventId id);

    /** Stored events in the order they were received, from the page's cursor on. */
    Page<StoredEvent> list(EventFilter filter, PageRequest page);

    /** How many stored events are in each status now. */
    default Map<ProcessingStatus, Long> countByStatus() {
        return countByStatus(EventFilter.ANY);
    }

    /** How many stored events the filter selects in each status now (its own status criterion included). */
    Map<ProcessingStatus, Long> countByStatus(EventFilter filter);

    /**
     * The newest {@code limit} events from {@code source} whose raw body contains {@code text}, in
     * the order they were received: the candidates for the events about one aggregate, which the
     * caller decodes to tell. Events whose body was blanked are not among them.
     */
    List<StoredEvent> mentioning(Source source, String text, int limit);

    /**
     * The deliveries from {@code source} accepted (not malformed) since {@code since}, counted per
     * minute since the epoch; minutes without any are absent.
     */
    Map<Long, Long> acceptedPerMinute(Source source, Instant since);

    /** When the latest delivery from {@code source} that was accepted (not malformed) was received. */
    Optional<Instant> lastAcceptedAt(Source source);

    /**
     * Blanks the raw body and headers of settled events (processed, ignored, malformed) received
     * before {@code before}, keeping their metadata; events still to be applied keep theirs.
     * Answers how many were blanked.
     */
    int blankPayloadsReceivedBefore(Instant before);
}
