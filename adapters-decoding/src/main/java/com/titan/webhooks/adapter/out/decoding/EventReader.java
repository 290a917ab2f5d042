package com.titan.webhooks.adapter.out.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.domain.event.Stamp;

/**
 * Reads one event type's payload ({@code data} or {@code payload}) into its domain event. It is
 * handed its own type's wire name, for the events whose items are keyed by it.
 *
 * @param <E> the domain event it produces
 */
@FunctionalInterface
interface EventReader<E> {

    E read(JsonNode payload, Stamp stamp, String eventType);
}
