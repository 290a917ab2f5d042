package com.titan.webhooks.domain.event;

/**
 * A provider's event decoded into the domain's terms. Each aggregate has its own sealed family
 * ({@code ConnectionEvent}, {@code CardEvent}, ...), so that adding an event type means adding one
 * record beside the aggregate it changes.
 */
public interface ProviderEvent {

    /** When the provider says it happened, with the event's key as the tie-breaker. */
    Stamp stamp();
}
