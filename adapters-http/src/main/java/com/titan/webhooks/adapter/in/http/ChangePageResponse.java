package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.application.port.in.ChangePage;
import java.util.List;

/** {@code {"changes":[...],"next_cursor":"..."}}: the changes read, and where to resume after them. */
public record ChangePageResponse(List<ChangeResponse> changes, String nextCursor) {

    static ChangePageResponse from(ChangePage page) {
        return new ChangePageResponse(page.changes().stream().map(ChangeResponse::from).toList(),
                ChangeCursor.of(page.next()));
    }
}
