package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.CursorExpiredException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 410 {@code cursor_expired}: retention deleted changes after the cursor; the reader resyncs from the lists. */
@Provider
public final class CursorExpiredExceptionMapper implements ExceptionMapper<CursorExpiredException> {

    @Override
    public Response toResponse(CursorExpiredException exception) {
        return ErrorCode.CURSOR_EXPIRED.response(exception.getMessage());
    }
}
