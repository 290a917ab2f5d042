package com.titan.webhooks.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response records against the schemas of {@code openapi.json}, member by member, as Jackson
 * writes them: a schema declares exactly the members that the records answered with it can
 * write, and requires exactly those every one of them always writes (a schema several answers
 * share, such as a connection listed and a connection in full, declares the members of all of
 * them and requires what they have in common). Nested records are followed into the schemas of
 * their members, so a field added to any record and not to the document fails here, as does a
 * documented field no record writes. Every schema a record is held to is closed, so that the
 * end-to-end tests, which validate real answers against the document, see the same.
 */
class ResponseRecordsMatchOpenApiTest {

    private static final TypeFactory TYPES = JsonMapping.MAPPER.getTypeFactory();
    private static JsonNode document;

    /** The records each documented success answer is made of: "METHOD path status" to record types. */
    private static final Map<String, List<JavaType>> ANSWERS = new LinkedHashMap<>();

    static {
        aggregate("/api/connections", ConnectionResponse.class, ConnectionDetailsResponse.class);
        aggregate("/api/cards", CardResponse.class, CardResponse.class);
        aggregate("/api/reminders", ReminderResponse.class, ReminderResponse.class);
        aggregate("/api/contacts", ContactResponse.class, ContactResponse.class);
        answer("GET /api/scoring-jobs/{id} 200", ScoringJobResponse.class);
        answer("GET /api/changes 200", ChangePageResponse.class);
        answer("GET /api/events 200", TYPES.constructParametricType(PageResponse.class, ListedEventResponse.class));
        answer("GET /api/events/counts 200", EventCountsResponse.class);
        answer("GET /api/events/{id} 200", EventDetailsResponse.class);
        answer("POST /api/events/{id}/replay 202", QueuedResponse.class);
        answer("POST /api/events/replay 202", QueuedResponse.class);
        answer("GET /api/providers 200", ProvidersResponse.class);
        for (String source : new String[] {"titanx", "titancard"}) {
            answer("POST /webhooks/" + source + " 200", ReceiptResponse.class);
            answer("POST /webhooks/" + source + " 202", ReceiptResponse.class);
        }
    }

    /** A list of {@code listed}, and one item with and without its provenance. */
    private static void aggregate(String route, Class<?> listed, Class<? extends AggregateResponse> item) {
        answer("GET " + route + " 200", TYPES.constructParametricType(PageResponse.class, listed));
        String template = route.equals("/api/contacts") ? "/{key}" : "/{id}";
        answer("GET " + route + template + " 200", TYPES.constructType(item),
                TYPES.constructParametricType(WithProvenanceResponse.class, item));
    }

    private static void answer(String answer, Type... records) {
        ANSWERS.put(answer, List.of(records).stream().map(TYPES::constructType).toList());
    }

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ResponseRecordsMatchOpenApiTest.class.getResourceAsStream("/openapi.json")) {
            document = JsonMapping.MAPPER.readTree(in);
        }
    }

    @Test
    void everySchemaARecordIsAnsweredWith_declaresAndRequiresExactlyItsMembers() {
        Walk walk = new Walk();
        forEachJsonAnswer((answer, schema) -> {
            List<JavaType> records = schema.path("$ref").asText().equals("#/components/schemas/Error")
                    ? List.of(TYPES.constructType(ErrorResponse.class)) : ANSWERS.get(answer);
            assertTrue(records != null, answer + " is documented, but this test does not know its record");
            records.forEach(record -> walk.follow(record, schema, answer));
        });

        List<String> problems = new ArrayList<>();
        walk.seen.forEach((schema, seen) -> {
            Set<String> declared = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(declared::add);
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            if (!declared.equals(seen.written())) {
                problems.add(seen.where + " declares " + declared + " but " + seen.records + " write " + seen.written());
            }
            if (!required.equals(seen.alwaysWritten())) {
                problems.add(seen.where + " requires " + required + " but " + seen.records + " always write "
                        + seen.alwaysWritten());
            }
            if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                problems.add(seen.where + " is not closed (additionalProperties: false)");
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(walk.seen.size() > 20, "the walk reached only " + walk.seen.size() + " schemas");
    }

    @Test
    void everyRoute_documentsTheErrorsItCanAnswer() {
        List<String> problems = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String route = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            Set<String> expected = new LinkedHashSet<>();
            // the front door refuses a target that is not text on every route; the last-line mapper answers the unforeseen
            expected.add("400");
            expected.add("500");
            if (path.getKey().startsWith("/api/")) {
                expected.add("401");
                expected.add("503");
            }
            if (path.getKey().contains("{")) {
                expected.add("404");
            }
            JsonNode responses = operation.getValue().path("responses");
            for (String status : expected) {
                if (!responses.has(status)) {
                    problems.add(route + " does not document " + status);
                }
            }
            responses.fields().forEachRemaining(response -> {
                boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                String schema = response.getValue().path("content").path("application/json").path("schema").path("$ref").asText();
                // the health routes' 503 is their own report, not an error body
                if (error && !schema.equals("#/components/schemas/Error") && !path.getKey().startsWith("/health/")) {
                    problems.add(route + " " + response.getKey() + " is not documented as an Error body");
                }
            });
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void theErrorSchema_namesEveryCodeOfTheVocabulary() {
        Set<String> documented = new TreeSet<>();
        document.path("components").path("schemas").path("Error").path("properties").path("error").path("enum")
                .forEach(code -> documented.add(code.asText()));
        Set<String> codes = new TreeSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            codes.add(code.code());
        }
        assertEquals(codes, documented);
    }

    /** Calls {@code check} with "METHOD path status" and the schema of each documented JSON answer. */
    private static void forEachJsonAnswer(BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(response -> {
                    JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
                    // the document itself is the one answer that is not a record
                    if (!schema.isMissingNode() && !path.getKey().equals("/openapi.json")) {
                        check.accept(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " "
                                + response.getKey(), schema);
                    }
                })));
    }

    /** The records met at each schema, following members, list items and map values. */
    private static final class Walk {

        final Map<JsonNode, Seen> seen = new IdentityHashMap<>();

        void follow(JavaType type, JsonNode schema, String where) {
            JsonNode resolved = resolve(schema);
            if (type.isCollectionLikeType()) {
                follow(type.getContentType(), resolved.path("items"), where + "[]");
            } else if (type.isMapLikeType()) {
                follow(type.getContentType(), resolved.path("additionalProperties"), where + "{}");
            } else if (type.getRawClass().isRecord()) {
                Seen members = seen.computeIfAbsent(resolved, node -> new Seen(where));
                Map<String, Boolean> written = new LinkedHashMap<>();
                members(type, resolved, where, written);
                members.add(type, written);
            }
        }

        /** The members {@code type} writes (name to whether it always does), unwrapped ones included. */
        private void members(JavaType type, JsonNode schema, String where, Map<String, Boolean> written) {
            SerializationConfig config = JsonMapping.MAPPER.getSerializationConfig();
            BeanDescription bean = config.introspect(type);
            JsonInclude.Value defaults = bean.findPropertyInclusion(config.getDefaultPropertyInclusion(type.getRawClass()));
            for (BeanPropertyDefinition member : bean.findProperties()) {
                if (member.getAccessor() == null) {
                    continue;
                }
                if (member.getAccessor().hasAnnotation(JsonUnwrapped.class)) {
                    members(member.getPrimaryType(), schema, where, written);
                    continue;
                }
                JsonInclude.Include inclusion = defaults.withOverrides(member.findInclusion()).getValueInclusion();
                boolean always = member.getPrimaryType().isPrimitive() || inclusion == JsonInclude.Include.ALWAYS
                        || inclusion == JsonInclude.Include.USE_DEFAULTS;
                written.put(member.getName(), always);
                JsonNode memberSchema = schema.path("properties").path(member.getName());
                if (!memberSchema.isMissingNode()) {
                    follow(member.getPrimaryType(), memberSchema, where + "." + member.getName());
                }
            }
        }

        /** A {@code $ref} followed, and of a "this or null" the non-null choice. */
        private static JsonNode resolve(JsonNode schema) {
            if (schema.has("$ref")) {
                return resolve(document.at(schema.get("$ref").asText().substring(1)));
            }
            for (JsonNode choice : schema.path("oneOf")) {
                if (!choice.path("type").asText().equals("null")) {
                    return resolve(choice);
                }
            }
            return schema;
        }
    }

    /** What the records met at one schema write. */
    private static final class Seen {

        final String where;
        final Set<String> records = new LinkedHashSet<>();
        private final Set<String> written = new TreeSet<>();
        private Set<String> always;

        Seen(String where) {
            this.where = where;
        }

        void add(JavaType record, Map<String, Boolean> members) {
            records.add(record.toCanonical().replace(getClass().getPackageName() + ".", ""));
            written.addAll(members.keySet());
            Set<String> alwaysHere = new TreeSet<>();
            members.forEach((name, isAlways) -> {
                if (isAlways) {
                    alwaysHere.add(name);
                }
            });
            if (always == null) {
                always = alwaysHere;
            } else {
                always.retainAll(alwaysHere);
            }
        }

        Set<String> written() {
            return written;
        }

        Set<String> alwaysWritten() {
            return always;
        }
    }
}
