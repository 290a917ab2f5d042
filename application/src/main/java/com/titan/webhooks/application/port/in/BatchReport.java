package com.titan.webhooks.application.port.in;

/** What one projection batch did. */
public record BatchReport(int claimed, int processed, int ignored, int failed, int parked) {

    public static final BatchReport EMPTY = new BatchReport(0, 0, 0, 0, 0);

    /** Both reports together, for a batch that was applied in parts. */
    public BatchReport plus(BatchReport other) {
        return new BatchReport(claimed + other.claimed, processed + other.processed, ignored + other.ignored,
                failed + other.failed, parked + other.parked);
    }
}
