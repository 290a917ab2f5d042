package com.titan.webhooks.adapter.out.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.event.Stamp;

/** Reads one event type's payload ({@code data} or {@code payload}) into its domain event. */
@FunctionalInterface
interface EventReader {

    ProviderEvent read(JsonNode payload, Stamp stamp);
}
