package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.domain.event.Phase;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.event.Stamped;
import com.titan.webhooks.domain.event.TombstoneClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes and reads the pieces every aggregate's stored state is made of: stamps, stamped fields
 * and tombstones. An aggregate is stored whole in one JSON column so that its rules stay in the
 * domain and the table needs no change when a field is added.
 */
final class StateJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private StateJson() {
    }

    /**
     * Reads one stored aggregate, naming it if it cannot be read, so that the event that needed it
     * is parked with a reason an operator can act on (and the other events are applied).
     */
    static <T> T reconstitute(String aggregate, String id, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("the stored " + aggregate + " " + id + " cannot be read: " + unreadable, unreadable);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state cannot be written as JSON", e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored state is not JSON", e);
        }
    }

    static JsonNode stamp(Stamp stamp) {
        if (stamp == null) {
            return JSON.nullNode();
        }
        return object().put("at", stamp.at().toString()).put("phase", stamp.phase().name().toLowerCase(Locale.ROOT))
                .put("key", stamp.eventKey());
    }

    static Stamp stamp(JsonNode node) {
        return stamp(node, Phase.CHANGE);
    }

    /** State stored before stamps had a phase reads as {@code unrecorded}: the phase its place implies. */
    static Stamp stamp(JsonNode node, Phase unrecorded) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode phase = node.get("phase");
        return new Stamp(Instant.parse(node.get("at").asText()),
                phase == null ? unrecorded : Phase.valueOf(phase.asText().toUpperCase(Locale.ROOT)),
                node.get("key").asText());
    }

    static <K> ObjectNode fields(Map<K, Stamped<String>> fields, Function<K, String> name) {
        ObjectNode node = object();
        fields.forEach((field, stamped) -> {
            ObjectNode entry = node.putObject(name.apply(field));
            entry.put("value", stamped.value());
            entry.set("stamp", stamp(stamped.stamp()));
        });
        return node;
    }

    static <K> Map<K, Stamped<String>> fields(JsonNode node, Function<String, K> field) {
        Map<K, Stamped<String>> fields = new HashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue().get("value");
            fields.put(field.apply(entry.getKey()),
                    new Stamped<>(value == null || value.isNull() ? null : value.asText(),
                            stamp(entry.getValue().get("stamp"))));
        });
        return fields;
    }

    static ObjectNode lifecycle(TombstoneClock clock) {
        ObjectNode node = object();
        node.set("created", stamp(clock.created()));
        node.set("deleted", stamp(clock.deleted()));
        return node;
    }

    static TombstoneClock lifecycle(JsonNode node) {
        return new TombstoneClock(stamp(node.get("created"), Phase.CREATION), stamp(node.get("deleted"), Phase.DELETION));
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
