package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.TooManyWaitersException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 {@code too_many_waiters} with {@code Retry-After}: as many readers wait for changes as allowed. */
@Provider
public final class TooManyWaitersExceptionMapper implements ExceptionMapper<TooManyWaitersException> {

    @Override
    public Response toResponse(TooManyWaitersException exception) {
        return ErrorCode.TOO_MANY_WAITERS.response(exception.getMessage());
    }
}
