package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.titan.webhooks.adapter.out.persistence.TestDatabase;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;

/** Every route the server exposes is in {@code /openapi.json}, and every route there exists. */
class OpenApiCoverageTest {

    @Test
    void openApiDocument_describesExactlyTheServedRoutes() {
        try (TestDatabase database = TestDatabase.sqlite(); RunningService service = RunningService.start(database)) {
            Set<String> served = new TreeSet<>();
            for (Object instance : service.service().application().getInstances()) {
                if (instance.getClass().isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    collect(Resource.from(instance.getClass()), "", served);
                }
            }
            service.service().webhooks().forEach(webhook -> served.add("POST " + webhook.path()));
            JsonNode document = ReceiveContract.json(service.get("/openapi.json"));
            assertEquals("3.1.0", document.get("openapi").asText());
            Set<String> documented = new TreeSet<>();
            document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

            assertEquals(served, documented);
        }
    }

    private static void collect(Resource resource, String prefix, Set<String> routes) {
        String path = normalise(prefix + "/" + resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static String normalise(String path) {
        String single = path.replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
