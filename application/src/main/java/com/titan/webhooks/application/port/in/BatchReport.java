package com.titan.webhooks.application.port.in;

/** What one projection batch did. */
public record BatchReport(int claimed, int processed, int ignored, int failed, int parked) {

    public static final BatchReport EMPTY = new BatchReport(0, 0, 0, 0, 0);
}
