package com.titan.webhooks.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An error body with a free-text detail, which needs real JSON escaping. */
final class ErrorJson {

    private ErrorJson() {
    }

    static String of(String error, String detail) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        try {
            return JsonMapping.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            return "{\"error\":\"" + error + "\"}";
        }
    }
}
