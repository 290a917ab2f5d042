package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line: anything unforeseen becomes a JSON 500 (or 503 when the store is down) with no
 * stack trace or class name in the response; the log keeps the details.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof StoreUnavailableException) {
            LOG.warn("store unavailable: {}", exception.getMessage());
            return ErrorCode.UNAVAILABLE.response();
        }
        LOG.error("unexpected failure", exception);
        return ErrorCode.INTERNAL_ERROR.response();
    }
}
