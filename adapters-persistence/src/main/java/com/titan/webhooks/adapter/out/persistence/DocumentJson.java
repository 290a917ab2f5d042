package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
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

    // a change row keeps the document as the feed shows it (snake_case names), so reading it back
    // needs neither its record nor its kind to be registered: see StoredDocumentSnapshot
    private static final ObjectMapper AS_SHOWN = JSON.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private DocumentJson() {
    }

    /** The document as a change shows it: its record's fields by their snake_case names. */
    static String writeAsShown(Record document) {
        return write(AS_SHOWN, document);
    }

    static String write(Record document) {
        return write(JSON, document);
    }

    private static String write(ObjectMapper mapper, Record document) {
        try {
            return mapper.writeValueAsString(document);
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
