package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.in.ChangePage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The JSON of the change feed, and its cursors. A change's {@code state} is rendered by the same
 * code as the aggregate's route, and {@code changed} by comparing that rendering with the
 * rendering of the state before it, so that both speak the route's field names.
 */
final class ChangeBodies {

    private ChangeBodies() {
    }

    /** {@code {"changes":[...],"next_cursor":"..."}} */
    static Map<String, Object> page(ChangePage page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("changes", page.changes().stream().map(ChangeBodies::change).toList());
        body.put("next_cursor", cursor(page.next()));
        return body;
    }

    static Map<String, Object> change(Change change) {
        Map<String, Object> after = Responses.snapshot(change.after());
        Map<String, Object> before = change.before().map(Responses::snapshot).orElse(Map.of());
        List<String> changed = new ArrayList<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                changed.add(field);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cursor", cursor(change.position()));
        body.put("aggregate", change.after().type().wireName());
        body.put("id", change.after().id());
        body.put("kind", change.kind().wireName());
        body.put("changed", changed);
        body.put("state", after);
        body.put("event_id", change.eventId().value());
        body.put("committed_at", change.committedAt().toString());
        return body;
    }

    /** A position, Base64url-encoded so that clients treat it as opaque. */
    static String cursor(long position) {
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
