package com.titan.webhooks.adapter.out.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.job.ScoringJobCompleted;
import java.util.HashMap;
import java.util.Map;

/** The TitanX event types, each read from the envelope's {@code payload}. */
final class TitanXEvents {

    static final Map<String, EventReader> READERS = Map.of(
            "job.contact.scored", TitanXEvents::contactScored,
            "job.completed", TitanXEvents::jobCompleted);

    private TitanXEvents() {
    }

    private static ContactScored contactScored(JsonNode payload, Stamp stamp) {
        Map<String, String> attributes = new HashMap<>();
        payload.fields().forEachRemaining(field -> attributes.put(field.getKey(), JsonPayload.scalar(field.getValue(), false)));
        ContactKey key = ContactKey.of(attributes).orElseThrow(() -> new MalformedPayloadException(
                "the contact has none of id, contactCrmId, customerContactId, databaseContactId, email"));
        return new ContactScored(key, stamp, attributes);
    }

    /** The payload is undocumented: keyed by its jobId when it has one, else by the event itself. */
    private static ScoringJobCompleted jobCompleted(JsonNode payload, Stamp stamp) {
        JsonNode jobId = payload.get("jobId");
        String key = jobId != null && (jobId.isTextual() || jobId.isIntegralNumber()) && !jobId.asText().isBlank()
                ? jobId.asText() : stamp.eventKey();
        return new ScoringJobCompleted(key, stamp, payload.toString());
    }
}
