package com.titan.webhooks.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/** The change feed's cursors: a position, Base64url-encoded so that clients treat it as opaque. */
final class ChangeCursor {

    private ChangeCursor() {
    }

    static String of(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Long.toString(position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position of a cursor; empty when none is given. */
    static OptionalLong position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            String decimal = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            if (!decimal.matches("0|[1-9][0-9]{0,18}")) {
                throw new IllegalArgumentException("not a position");
            }
            return OptionalLong.of(Long.parseLong(decimal));
        } catch (IllegalArgumentException notOurs) {
            throw new InvalidParameterException("after is not a cursor this service issued");
        }
    }
}
