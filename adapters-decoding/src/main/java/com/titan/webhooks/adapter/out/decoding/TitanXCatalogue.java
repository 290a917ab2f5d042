package com.titan.webhooks.adapter.out.decoding;

import static com.titan.webhooks.adapter.out.decoding.Catalogue.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.job.ScoringJobCompleted;
import com.titan.webhooks.domain.delivery.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** TitanX's catalogue: its event types, each read from the envelope's {@code payload}. */
final class TitanXCatalogue {

    static final Catalogue CATALOGUE = new Catalogue(Source.TITANX, "payload", List.of(
            line("job.contact.scored", ContactScored.class, TitanXCatalogue::contactScored),
            line("job.completed", ScoringJobCompleted.class, TitanXCatalogue::jobCompleted)));

    private TitanXCatalogue() {
    }

    private static ContactScored contactScored(JsonNode payload, Stamp stamp, String type) {
        Map<String, String> attributes = new HashMap<>();
        payload.fields().forEachRemaining(field -> attributes.put(field.getKey(), JsonPayload.scalar(field.getValue(), false)));
        ContactKey key = ContactKey.of(attributes).orElseThrow(() -> new MalformedPayloadException(
                "the contact has none of id, contactCrmId, customerContactId, databaseContactId, email"));
        return new ContactScored(key, stamp, attributes);
    }

    /** The payload is undocumented: keyed by its jobId when it has one, else by the event itself. */
    private static ScoringJobCompleted jobCompleted(JsonNode payload, Stamp stamp, String type) {
        JsonNode jobId = payload.get("jobId");
        String key = jobId != null && (jobId.isTextual() || jobId.isIntegralNumber()) && !jobId.asText().isBlank()
                ? jobId.asText() : stamp.eventKey();
        return new ScoringJobCompleted(key, stamp, payload.toString());
    }
}
