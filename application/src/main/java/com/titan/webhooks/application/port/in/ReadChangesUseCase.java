package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.UnknownCursorException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Inbound port: read the change feed, now or as soon as a change commits. */
public interface ReadChangesUseCase {

    /**
     * The changes after the query's position now.
     *
     * @throws CursorExpiredException   if retention deleted changes after that position
     * @throws UnknownCursorException  if the position was never issued
     */
    ChangePage read(ChangeQuery query);

    /**
     * As {@link #read}, but an empty answer waits until a change commits or {@code wait} passes,
     * without holding the caller's thread. Fails at once as {@link #read} does.
     *
     * @throws TooManyWaitersException if as many readers are waiting as the service allows
     */
    CompletionStage<ChangePage> readOrWait(ChangeQuery query, Duration wait);
}
