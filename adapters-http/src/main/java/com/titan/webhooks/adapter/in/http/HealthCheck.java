package com.titan.webhooks.adapter.in.http;

import java.util.function.Supplier;

/** One named readiness check: empty when healthy, otherwise what is wrong. */
public record HealthCheck(String name, Supplier<java.util.Optional<String>> problem) {
}
