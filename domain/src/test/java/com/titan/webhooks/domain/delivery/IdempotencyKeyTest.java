package com.titan.webhooks.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    /** printf '%s' "$BODY" | openssl dgst -sha256 */
    @Test
    void titanCardKey_isTheSha256OfTheRawBody() {
        byte[] body = "{\"event\":\"connection.created\",\"timestamp\":1705420800000,\"data\":{\"id\":\"j57xyz789ghi\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("0cacc37874aacfec0a81016ebda7267b28207dff2dc5d966c64d21a246f3f4dc",
                IdempotencyKey.ofTitanCardBody(body).value());
    }
}
