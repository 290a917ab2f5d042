package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every error: a stable machine-readable code, and sometimes what was wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String error, String detail) {

    public static Response of(int status, String error) {
        return of(status, error, null);
    }

    public static Response of(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(error, detail))
                .build();
    }
}
