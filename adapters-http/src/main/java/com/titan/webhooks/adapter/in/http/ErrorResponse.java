package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The JSON body of every error: a stable machine-readable code ({@link ErrorCode}, or one Jersey
 * derived from its own status), and sometimes what was wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String error, String detail) {

    /** The body as text, for the parts of the server that answer without Jersey. */
    static String json(String error, String detail) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(new ErrorResponse(error, detail));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("an error body could not be written", impossible);
        }
    }
}
