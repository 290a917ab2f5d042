package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every error: a stable machine-readable code, and sometimes what was wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String error, String detail) {

    public static Response of(int status, String error) {
        return of(status, error, null);
    }

    /** The same body as text, for the webhook endpoints, which answer without Jersey. */
    static String json(String error, String detail) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(new ErrorResponse(error, detail));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("an error body could not be written", impossible);
        }
    }

    public static Response of(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(error, detail))
                .build();
    }
}
