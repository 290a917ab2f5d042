package com.titan.webhooks.adapter.in.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 408 for a body that never arrived: both providers retry a 408. */
@Provider
public final class BodyUnreadableExceptionMapper implements ExceptionMapper<BodyUnreadableException> {

    @Override
    public Response toResponse(BodyUnreadableException exception) {
        return Response.fromResponse(ErrorResponse.of(408, "request_timeout")).header("Connection", "close").build();
    }
}
