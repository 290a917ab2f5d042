package com.titan.webhooks.adapter.in.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request's path read the way the most lenient router could read it: percent-decoded (strictly:
 * well-formed escapes, valid UTF-8, no control characters), split at every {@code /} (an encoded
 * one too), matrix parameters ({@code ;...}) dropped, empty and {@code .} segments dropped,
 * {@code ..} resolved. Deciding on this form, {@code /api;x=1/events}, {@code //api/./events},
 * {@code /API/events/} and {@code /x/..%2Fapi/events} are all the API.
 */
record RequestTarget(List<String> segments) {

    // RFC 3986: unreserved, sub-delims, ':', '@', '/' and '%' (of an escape); a query may also hold '?'
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/%";
    private static final String QUERY_CHARACTERS = PATH_CHARACTERS + "?";

    RequestTarget {
        segments = List.copyOf(segments);
    }

    /**
     * The normalised path, or empty when the target is not one a router reads the same way we do:
     * not origin-form (Jersey would read {@code @x/api/changes} as a host {@code x} and the path
     * {@code /api/changes}), a character RFC 3986 does not allow there, or a path or query that
     * cannot be decoded. Each is the client's error.
     */
    static Optional<RequestTarget> parse(String rawPath, String rawQuery) {
        if (rawPath == null || !rawPath.startsWith("/") || !allowed(rawPath, PATH_CHARACTERS)
                || (rawQuery != null && !allowed(rawQuery, QUERY_CHARACTERS))) {
            return Optional.empty();
        }
        Optional<String> path = decoded(rawPath);
        if (path.isEmpty() || (rawQuery != null && decoded(rawQuery).isEmpty())) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.get().split("/")) {
            int matrix = segment.indexOf(';');
            String name = matrix < 0 ? segment : segment.substring(0, matrix);
            if (name.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!name.isEmpty() && !name.equals(".")) {
                segments.add(name);
            }
        }
        return Optional.of(new RequestTarget(segments));
    }

    /** Whether every character of {@code raw} is one of {@code characters} (escapes are checked when decoding). */
    private static boolean allowed(String raw, String characters) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80 && !Character.isLetterOrDigit(c) && characters.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether this path is {@code /<first>} or below it, ignoring case. */
    boolean isUnder(String first) {
        return !segments.isEmpty() && segments.get(0).toLowerCase(Locale.ROOT).equals(first);
    }

    private static Optional<String> decoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7F) {
                return Optional.empty();
            } else {
                bytes.write(c);
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return text.chars().anyMatch(Character::isISOControl) ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
