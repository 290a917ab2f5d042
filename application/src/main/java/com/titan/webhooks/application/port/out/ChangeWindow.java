package com.titan.webhooks.application.port.out;

/**
 * The positions the feed can be read from: {@code pruned} is the last position retention deleted
 * (0 if none), {@code last} the last one committed. A reader may resume after any position from
 * {@code pruned} to {@code last}.
 */
public record ChangeWindow(long pruned, long last) {
}
