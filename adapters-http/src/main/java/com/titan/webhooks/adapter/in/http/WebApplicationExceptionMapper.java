package com.titan.webhooks.adapter.in.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Jersey's own errors (404, 405, 406, ...) as JSON bodies: in the words of {@link ErrorCode} where
 * it has a code for the status, else with a snake_case code made of the status's reason.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response answer = ErrorCode.ofJerseys(status).map(ErrorCode::response).orElseGet(() -> unnamed(original));
        // which methods a route has is Jersey's knowledge; the answer to a 405 says it
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    private static Response unnamed(Response original) {
        Response.StatusType status = original.getStatusInfo();
        String code = status.getReasonPhrase() == null ? "error"
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return Response.status(status.getStatusCode()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.bytes(code, null)).build();
    }
}
