package com.titan.webhooks.adapter.in.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a JSON answer straight to Grizzly, for the parts of the server that answer without Jersey. */
final class Answer {

    private static final Logger LOG = LoggerFactory.getLogger(Answer.class);

    private Answer() {
    }

    /** Writes the error {@code code} with its status and headers, plus {@code more}; answers the status. */
    static int error(Response response, ErrorCode code, String detail, Map<String, String> more) {
        Map<String, String> headers = new HashMap<>(code.headers());
        headers.putAll(more);
        return json(response, code.status(), code.body(detail), headers);
    }

    /** Writes the JSON {@code bytes} with {@code status} and {@code headers}; answers the status. */
    static int json(Response response, int status, byte[] bytes, Map<String, String> headers) {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            LOG.debug("the client left before its answer: {}", clientGone.getMessage());
        }
        return status;
    }
}
