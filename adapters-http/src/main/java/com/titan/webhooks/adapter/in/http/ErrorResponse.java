package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The JSON body of every error: a stable machine-readable code ({@link ErrorCode}, or one derived
 * from a status of Jersey's the vocabulary has no code for), and sometimes what was wrong.
 */
public record ErrorResponse(String error, @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {

    /** The body as UTF-8, written by the API's one mapper whichever path answers. */
    static byte[] bytes(String error, String detail) {
        try {
            return JsonMapping.MAPPER.writeValueAsBytes(new ErrorResponse(error, detail));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("an error body could not be written", impossible);
        }
    }
}
