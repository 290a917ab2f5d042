package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * An aggregate's document as stored JSON: its record's components by their Java names (the
 * record's fields only, so that a method that merely looks like a getter is not stored), times as
 * ISO-8601 text. A member the stored JSON has and the record no longer has is skipped, and one the
 * record gained reads as null (0 or false for a primitive): a document written before a field was
 * added or removed still reads.
 */
final class DocumentJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private DocumentJson() {
    }

    static String write(Record document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("the document " + document.getClass().getSimpleName()
                    + " cannot be written as JSON: " + unwritable.getOriginalMessage(), unwritable);
        }
    }

    static <D extends Record> D read(String json, Class<D> documentClass) {
        try {
            return JSON.readValue(json, documentClass);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("the stored JSON cannot be read as " + documentClass.getSimpleName() + ": "
                    + unreadable.getOriginalMessage(), unreadable);
        }
    }
}
