package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.StoredDocumentSnapshot;

/**
 * An aggregate stored as a document, as a change shows it: {@code id}, then the members of its
 * document as the API writes every record (snake_case names, ISO-8601 times), nested records,
 * lists and maps included. There is one such response for every kind of document, so a new kind
 * needs none of its own.
 */
public record DocumentResponse(ObjectNode state) implements AggregateResponse {

    /** The API's mapping, reading a record's fields only: a method that merely looks like a getter is not shown. */
    private static final ObjectMapper DOCUMENTS = JsonMapping.MAPPER.copy()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    static DocumentResponse from(DocumentSnapshot snapshot) {
        return withId(snapshot.id(), DOCUMENTS.valueToTree(snapshot.document()));
    }

    /** As the store read it back: written in this shape already (and read without its record). */
    static DocumentResponse from(StoredDocumentSnapshot snapshot) {
        JsonNode document = JsonMapping.tree(snapshot.json());
        if (!(document instanceof ObjectNode object)) {
            throw new IllegalStateException("the stored document of " + snapshot.type().wireName() + " "
                    + snapshot.id() + " is no JSON object");
        }
        return withId(snapshot.id(), object);
    }

    private static DocumentResponse withId(String id, ObjectNode document) {
        ObjectNode state = DOCUMENTS.createObjectNode().put("id", id);
        document.remove("id"); // the aggregate's id, which a document may repeat, is said once
        state.setAll(document);
        return new DocumentResponse(state);
    }

    /** Written as the state itself, not wrapped in a member. */
    @JsonValue
    ObjectNode json() {
        return state;
    }
}
