package com.titan.webhooks.domain;

import java.util.Objects;

/** Uniform argument checks for the compact constructors of value objects. */
public final class Require {

    private Require() {
    }

    public static String nonBlank(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** The longest identifier kept: ids are keys of the store and its indexes, which bound them. */
    public static final int MAX_IDENTIFIER_LENGTH = 200;

    /**
     * An identifier a provider assigned: not blank, at most {@link #MAX_IDENTIFIER_LENGTH}
     * characters, and without control characters (which no real id holds and some stores refuse).
     */
    public static String identifier(String value, String name) {
        nonBlank(value, name);
        String problem = identifierProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(name + " " + problem);
        }
        return value;
    }

    /** Why {@code value} cannot be an identifier, or null if it can. */
    public static String identifierProblem(String value) {
        if (value.isBlank()) {
            return "is blank";
        }
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            return "is longer than " + MAX_IDENTIFIER_LENGTH + " characters";
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return "contains a control character";
        }
        if (!isWellFormed(value)) {
            // "x\ud800" and "x\udbff" would both be stored as "x?": two ids, one key
            return "is not well-formed Unicode (a lone surrogate)";
        }
        return null;
    }

    /** Whether every surrogate in {@code value} is half of a pair, so that it survives encoding as UTF-8. */
    public static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static <T> T nonNull(T value, String name) {
        return Objects.requireNonNull(value, name + " must not be null");
    }
}
