package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The served {@code openapi.json}, as a check on real answers: an answer's status must be one the
 * document lists for its route, and its JSON body must match the schema documented for that
 * status. The schemas are closed ({@code additionalProperties: false}, every field required), so
 * a field added, renamed or dropped in code and not in the document fails the test that saw it.
 */
final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = load();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private OpenApiDocument() {
    }

    /** Fails unless {@code response} is what the document promises for its method and path. */
    static void assertConforms(HttpResponse<String> response) {
        String method = response.request().method().toLowerCase(Locale.ROOT);
        URI uri = response.request().uri();
        String path = uri.getRawPath();
        String template = template(path);
        assertNotNull(template, "no documented route matches " + path);
        JsonNode operation = DOCUMENT.path("paths").path(template).path(method);
        assertTrue(operation.isObject(), method + " " + template + " is not documented");
        JsonNode documented = operation.path("responses").path(Integer.toString(response.statusCode()));
        assertTrue(documented.isObject(), method.toUpperCase(Locale.ROOT) + " " + path + " answered "
                + response.statusCode() + ", which the document does not list for " + template + ": " + response.body());
        JsonNode content = documented.path("content").path("application/json").path("schema");
        if (content.isMissingNode()) {
            return;
        }
        assertEquals("application/json", response.headers().firstValue("content-type").orElse("").split(";")[0].trim(),
                method + " " + path);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new AssertionError(method + " " + path + " did not answer JSON: " + response.body(), notJson);
        }
        Set<ValidationMessage> problems = schema(content).validate(body);
        if (!problems.isEmpty()) {
            fail(method.toUpperCase(Locale.ROOT) + " " + path + " " + response.statusCode()
                    + " does not match the documented schema: " + problems + "\n" + response.body());
        }
    }

    /**
     * The document's path template for a concrete path, e.g. {@code /api/cards/{id}} for
     * {@code /api/cards/c1}; a literal route wins over a template, as in Jersey.
     */
    private static String template(String path) {
        String best = null;
        Iterator<String> templates = DOCUMENT.path("paths").fieldNames();
        while (templates.hasNext()) {
            String candidate = templates.next();
            if (path.matches(candidate.replaceAll("\\{[^/}]+}", "[^/]+"))
                    && (best == null || variables(candidate) < variables(best))) {
                best = candidate;
            }
        }
        return best;
    }

    private static long variables(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    /** The schema with the document's components beside it, so that its {@code $ref}s resolve. */
    private static JsonSchema schema(JsonNode schema) {
        return COMPILED.computeIfAbsent(schema.toString(), key -> {
            ObjectNode standalone = JSON.createObjectNode();
            standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            standalone.set("$defs", DOCUMENT.path("components").path("schemas"));
            standalone.set("allOf", JSON.createArrayNode().add(schema));
            try {
                return SCHEMAS.getSchema(JSON.readTree(standalone.toString()
                        .replace("#/components/schemas/", "#/$defs/")));
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        });
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
