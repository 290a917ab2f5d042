package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.delivery.EventId;

/** The inbox's answer to an append: the stored event's id, and whether it was already there. */
public record Appended(EventId eventId, boolean duplicate) {
}
