package com.titan.webhooks.adapter.in.http;

/** The body of a 2xx answer to a delivery: {@code accepted} or {@code duplicate}, and the stored event's id. */
public record ReceiptResponse(String status, String eventId) {
}
