package com.titan.webhooks.application.port.in;

/** Inbound port: apply the next batch of stored events to their aggregates. Driven by the worker. */
public interface ProjectEventsUseCase {

    /** Applies up to {@code limit} due events; answers how many it took (0 when nothing was due). */
    BatchReport projectNextBatch(int limit);
}
