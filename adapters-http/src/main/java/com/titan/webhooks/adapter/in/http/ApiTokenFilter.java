package com.titan.webhooks.adapter.in.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything under {@code /api} needs {@code Authorization: Bearer <API_TOKEN>}, compared in
 * constant time. Without a configured token, the API answers 401 to everyone.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public final class ApiTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;

    public ApiTokenFilter(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** The path is the caller's text: no control characters (a forged log line), and not too long. */
    private static String printable(String path) {
        String shown = path.replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= 200 ? shown : shown.substring(0, 200) + "...";
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("api") || path.startsWith("api/") || path.startsWith("/api"))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (token.isEmpty() || header == null || !header.startsWith(BEARER)
                || !MessageDigest.isEqual(token.get(), header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8))) {
            // who was refused and why, for the operator; never the presented token
            LOG.atWarn().addKeyValue("method", request.getMethod()).addKeyValue("path", printable("/" + path.replaceFirst("^/", "")))
                    .addKeyValue("reason", token.isEmpty() ? "no API_TOKEN configured"
                            : header == null ? "no Authorization header"
                            : header.startsWith(BEARER) ? "wrong token" : "not a Bearer token")
                    .log("refused an API request");
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(ErrorResponse.of(401, "unauthorized"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
    }
}
