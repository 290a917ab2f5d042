package com.titan.webhooks.adapter.in.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 {@code invalid_parameter} with the detail, for a bad filter, limit or cursor. */
@Provider
public final class InvalidParameterExceptionMapper implements ExceptionMapper<InvalidParameterException> {

    @Override
    public Response toResponse(InvalidParameterException exception) {
        return ErrorCode.INVALID_PARAMETER.response(exception.getMessage());
    }
}
