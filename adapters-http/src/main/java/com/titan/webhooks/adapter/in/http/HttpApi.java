package com.titan.webhooks.adapter.in.http;

import jakarta.ws.rs.core.Feature;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey application: the resource instances built by the composition root, plus the JSON
 * mapping and the error mappers every route shares. No classpath scanning.
 */
public final class HttpApi {

    private HttpApi() {
    }

    public static ResourceConfig of(Object... resources) {
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Jersey's own handling of an unmapped exception would leak its message; ours answers JSON
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new JsonMapping());
        config.register(new WebApplicationExceptionMapper());
        config.register(new InvalidParameterExceptionMapper());
        config.register(new CursorExpiredExceptionMapper());
        config.register(new UnknownCursorExceptionMapper());
        config.register(new TooManyWaitersExceptionMapper());
        config.register(new UnexpectedExceptionMapper());
        for (Object resource : resources) {
            if (resource instanceof Feature || resource instanceof Class<?>) {
                throw new IllegalArgumentException("register resource instances only");
            }
            config.register(resource);
        }
        return config;
    }
}
