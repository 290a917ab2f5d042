package com.titan.webhooks.domain.event;

import com.titan.webhooks.domain.Require;

/** A value and the stamp of the event that set it; the value may be null (explicitly cleared). */
public record Stamped<T>(T value, Stamp stamp) {

    public Stamped {
        Require.nonNull(stamp, "stamp");
    }
}
