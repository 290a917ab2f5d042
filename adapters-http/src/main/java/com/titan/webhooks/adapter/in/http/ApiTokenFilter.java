package com.titan.webhooks.adapter.in.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The lock on every {@link ApiTokenRequired} resource: it runs after Jersey has matched the
 * request, so it guards the resource itself, not a path string. (The {@link FrontDoor} turns
 * away token-less requests under a normalised {@code /api} before routing, so that strangers
 * learn nothing of the routes; this filter holds even where that reading and Jersey's differ.)
 */
@Provider
@ApiTokenRequired
@Priority(Priorities.AUTHENTICATION)
public final class ApiTokenFilter implements ContainerRequestFilter {

    private final ApiToken token;

    public ApiTokenFilter(ApiToken token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!token.admits(authorization)) {
            token.logRefusal(request.getMethod(), "/" + request.getUriInfo().getPath(), authorization);
            request.abortWith(ErrorCode.UNAUTHORIZED.response());
        }
    }
}
