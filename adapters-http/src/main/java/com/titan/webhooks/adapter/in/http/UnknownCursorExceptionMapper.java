package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.UnknownCursorException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 {@code invalid_parameter}: a cursor this service never issued is the client's mistake. */
@Provider
public final class UnknownCursorExceptionMapper implements ExceptionMapper<UnknownCursorException> {

    @Override
    public Response toResponse(UnknownCursorException exception) {
        return ErrorCode.INVALID_PARAMETER.response(exception.getMessage());
    }
}
