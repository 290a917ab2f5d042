package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.Change;
import java.util.List;

/** Changes in commit order, and the position to resume after (the last one read, or the query's own). */
public record ChangePage(List<Change> changes, long next) {

    public ChangePage {
        changes = List.copyOf(changes);
    }
}
