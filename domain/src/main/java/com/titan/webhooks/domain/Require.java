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

    public static <T> T nonNull(T value, String name) {
        return Objects.requireNonNull(value, name + " must not be null");
    }
}
