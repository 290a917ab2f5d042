package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.domain.delivery.ProcessingStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many events a filter selects, per status (every status present, 0 for none), and in all. */
public record EventCountsResponse(Map<String, Long> counts, long total) {

    static EventCountsResponse from(Map<ProcessingStatus, Long> counted) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        long total = 0;
        for (ProcessingStatus status : ProcessingStatus.values()) {
            long count = counted.getOrDefault(status, 0L);
            byStatus.put(status.wireName(), count);
            total += count;
        }
        return new EventCountsResponse(byStatus, total);
    }
}
