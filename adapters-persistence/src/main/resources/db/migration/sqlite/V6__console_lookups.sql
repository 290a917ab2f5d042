-- The operator's console: one aggregate's changes (its history), read by position...
CREATE INDEX changes_aggregate ON changes (aggregate, aggregate_id, position);
-- ...and the deliveries a provider sent in the last hour, counted per minute.
CREATE INDEX inbox_events_source_received ON inbox_events (source, received_at);
